import {
  createPairSnapshot,
  defaultPairPolicy,
  meetingSequences,
  type PairEventInput,
  type PairPolicy,
  type PairSnapshot,
  pairPhase,
  pairTransition,
} from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';
import { consent, makeWorld, order } from './__fixtures__/pairWorld';

const curator = { role: 'curator' as const };

function run(s: PairSnapshot, events: PairEventInput[]): PairSnapshot {
  let cur = s;
  for (const e of events) {
    const r = pairTransition(cur, e);
    if (r.refused) throw new Error(`${e.type} refused: ${r.refused.code} ${r.refused.messageEn}`);
    cur = r.snapshot;
  }
  return cur;
}

interface Setup {
  readonly mentees?: number;
  readonly pupils?: boolean;
  readonly formats?: string[];
  readonly policy?: PairPolicy;
}

/** A pair with every consent in, on 2023-09-05. */
function consented(o: Setup = {}): PairSnapshot {
  const w = makeWorld({ mentees: o.mentees ?? 1, pupils: o.pupils ?? false });
  const pair = o.formats ? { ...w.pair, formats: o.formats } : w.pair;
  let s = createPairSnapshot(pair, { ...w.options, policy: o.policy ?? defaultPairPolicy });
  const people = [
    {
      id: pair.mentorId,
      category: o.pupils ? 'pupil' : 'teacher',
      birthDate: o.pupils ? '2006-01-15' : undefined,
    },
    ...pair.menteeIds.map((id) => ({
      id,
      category: o.pupils ? 'pupil' : 'teacher',
      birthDate: o.pupils ? '2011-04-02' : undefined,
    })),
  ];
  people.forEach((p, i) => {
    // A pupil mentor is a learner too: every purpose either policy may ask for.
    const purposes = !o.pupils
      ? (['personalData', 'mentorDuties'] as const)
      : i === 0
        ? (['personalData', 'mentorDuties', 'participation'] as const)
        : (['personalData', 'participation'] as const);
    for (const purpose of purposes) {
      s = run(s, [
        {
          type: 'consentRecorded',
          date: '2023-09-05',
          by: curator,
          consent: consent(p, purpose, `c-${p.id}-${purpose}`, '2023-09-05'),
        },
      ]);
    }
  });
  return s;
}

const orderOn = (date: string): PairEventInput => ({
  type: 'orderIssued',
  date,
  by: { role: 'head' },
  order: order('approvePairs', `o-${date}`, date),
});

const meeting = (
  kind: 'organizational' | 'trial' | 'planning' | 'regular' | 'final',
  date: string,
): PairEventInput => ({
  type: 'meetingHeld',
  date,
  by: { role: 'mentor', id: 'pair-1-mentor' },
  meeting: { id: `m-${kind}-${date}`, pairId: 'pair-1', kind, date },
});

const programme = (date: string, start: string, end: string): PairEventInput => ({
  type: 'programmeApproved',
  date,
  by: curator,
  programme: {
    id: 'pp-1',
    pairId: 'pair-1',
    start,
    end,
    goals: ['Адаптация'],
    plan: [{ id: 'i1', title: 'Открытый урок', due: end, expectedResult: 'Урок' }],
  },
});

const withFormats = (e: PairEventInput, formats: string[]): PairEventInput =>
  e.type === 'programmeApproved' ? { ...e, programme: { ...e.programme, formats } } : e;

/** A one-to-one pair through the 004 §5 opening sequence, awaiting its programme. */
function awaitingProgramme(o: Setup = {}): PairSnapshot {
  return run(consented(o), [
    orderOn('2023-09-10'),
    meeting('organizational', '2023-09-15'),
    meeting('trial', '2023-09-22'),
    meeting('planning', '2023-09-29'),
  ]);
}

describe('terms as policy in the pair machine (003 §1.2, §6.2, §7.2)', () => {
  it('003 §6.2: a programme dated before its approval, or already ended, is refused with the rule cited', () => {
    const s = awaitingProgramme();
    const before = pairTransition(s, programme('2023-09-29', '2023-09-01', '2024-05-31'));
    expect(before.refused?.code).toBe('term_outside_policy');
    expect(before.refused?.params).toMatchObject({
      violation: 'programme_before_approval',
      rule: '003 §6.2',
    });
    expect(before.refused?.message).toContain('003 §6.2');
    const ended = pairTransition(s, programme('2023-09-29', '2022-09-01', '2023-05-31'));
    expect(ended.refused?.params).toMatchObject({ violation: 'programme_already_ended' });
  });

  it('003 §1.2: a school’s own term policy applies (here 6 months at least)', () => {
    const policy = {
      ...defaultPairPolicy,
      terms: {
        ...defaultPairPolicy.terms,
        minMonths: 6,
        maxMonths: 12,
        maxExtendedMonths: 24,
        singleMeetingFormats: ['speed'],
      },
    };
    const s = awaitingProgramme({ policy });
    const r = pairTransition(s, programme('2023-09-29', '2023-10-01', '2024-01-31'));
    expect(r.refused?.params).toMatchObject({ violation: 'programme_too_short', minimum: 6 });
    expect(pairTransition(s, programme('2023-09-29', '2023-10-01', '2024-05-31')).refused).toBeUndefined();
  });

  it('003 §7.2: an extension agreed after the end, or past the policy, is refused; one in time is accepted', () => {
    const s = run(awaitingProgramme(), [programme('2023-09-29', '2023-10-01', '2024-05-31')]);
    const extend = (date: string, newEnd: string): PairEventInput => ({
      type: 'extended',
      date,
      by: curator,
      agreedBy: ['pair-1-mentor', 'pair-1-mentee-1'],
      extension: { newEnd, agreedAt: date, reason: 'Аттестация' },
    });
    // The case: agreed 81 days after the programme ended.
    expect(pairTransition(s, extend('2024-08-20', '2024-12-31')).refused?.params).toMatchObject({
      violation: 'extension_after_end',
    });
    expect(pairTransition(s, extend('2024-05-20', '2034-05-31')).refused?.params).toMatchObject({
      violation: 'extension_too_long',
    });
    const ok = pairTransition(s, extend('2024-05-20', '2024-12-31'));
    expect(ok.refused).toBeUndefined();
    expect(ok.snapshot.context.programme?.effectiveEnd).toBe('2024-12-31');
    expect(pairPhase(ok.snapshot)).toBe('active');
  });
});

describe('groups: membership first-class (003 §2.3, §6.2, §7.1; 004 §4)', () => {
  const group = () =>
    run(consented({ mentees: 2, pupils: true }), [
      orderOn('2023-09-10'),
      meeting('organizational', '2023-09-15'),
      meeting('trial', '2023-09-22'),
      meeting('planning', '2023-09-29'),
    ]);
  const perMentee = (date: string): PairEventInput => ({
    type: 'programmeApproved',
    date,
    by: curator,
    programme: {
      id: 'pp-g',
      pairId: 'pair-1',
      start: '2023-10-01',
      end: '2024-05-31',
      goals: ['Проект'],
      plan: [
        {
          id: 'a1',
          title: 'Проект А',
          due: '2024-03-01',
          expectedResult: 'Проект',
          menteeId: 'pair-1-mentee-1',
        },
        {
          id: 'b1',
          title: 'Проект Б',
          due: '2024-03-01',
          expectedResult: 'Проект',
          menteeId: 'pair-1-mentee-2',
        },
      ],
    },
  });

  it('003 §7.1, §2.3: one mentee leaves a group at their own initiative; the others go on', () => {
    const s = run(group(), [perMentee('2023-09-29')]);
    // Ending the whole group for one mentee is refused.
    const whole = pairTransition(s, {
      type: 'terminated',
      date: '2023-11-01',
      by: { role: 'mentee', id: 'pair-1-mentee-2' },
      reason: 'menteeInitiative',
      note: 'Переезд',
    });
    expect(whole.refused?.code).toBe('group_member_leaves');
    const left = run(s, [
      {
        type: 'menteeRemoved',
        date: '2023-11-01',
        by: { role: 'parent', id: 'par-2', onBehalfOf: 'pair-1-mentee-2' },
        menteeId: 'pair-1-mentee-2',
        reason: 'ownInitiative',
      },
    ]);
    expect(pairPhase(left)).toBe('active');
    expect(left.context.mentees.map((m) => m.id)).toEqual(['pair-1-mentee-1']);
    expect(left.context.departures).toEqual([
      { menteeId: 'pair-1-mentee-2', date: '2023-11-01', reason: 'ownInitiative' },
    ]);
    // A group of one is one-to-one; the leaver's open items go with them.
    expect(left.context.formats).toEqual(['traditional']);
    expect(left.context.programme?.plan.map((i) => i.id)).toEqual(['a1']);
    // The last mentee is not removed: the programme ends instead.
    const last = pairTransition(left, {
      type: 'menteeRemoved',
      date: '2023-11-02',
      by: curator,
      menteeId: 'pair-1-mentee-1',
      reason: 'moved',
    });
    expect(last.refused?.code).toBe('last_mentee');
  });

  it('003 §7.1: a mentee leaves only of their own; a move is recorded by staff', () => {
    const s = group();
    const other = pairTransition(s, {
      type: 'menteeRemoved',
      date: '2023-10-01',
      by: { role: 'mentee', id: 'pair-1-mentee-1' },
      menteeId: 'pair-1-mentee-2',
      reason: 'ownInitiative',
    });
    expect(other.refused?.code).toBe('actor_mismatch');
    const moved = pairTransition(s, {
      type: 'menteeRemoved',
      date: '2023-10-01',
      by: { role: 'head' },
      menteeId: 'pair-1-mentee-2',
      reason: 'moved',
    });
    expect(moved.refused).toBeUndefined();
  });

  it('003 §6.2: a mentee joins an approved group by the head’s order, with their consents', () => {
    const s = awaitingProgramme();
    const joiner = { id: 'pair-1-mentee-9', category: 'teacher' as const };
    const consents = (['personalData', 'mentorDuties'] as const).map((purpose) =>
      consent(joiner, purpose, `c-9-${purpose}`, '2023-09-30'),
    );
    const add = (extra: object): PairEventInput => ({
      type: 'menteeAdded',
      date: '2023-09-30',
      by: curator,
      mentee: joiner,
      consents,
      ...extra,
    });
    expect(pairTransition(s, add({})).refused?.code).toBe('membership_order_required');
    expect(pairTransition(s, add({ consents: [] })).refused?.code).toBe('consents_incomplete');
    const ok = pairTransition(s, add({ order: order('approvePairs', 'o-9', '2023-09-30') }));
    expect(ok.refused).toBeUndefined();
    expect(ok.snapshot.context.mentees).toHaveLength(2);
    // A pair with a second mentee is a group (003 §2.3).
    expect(ok.snapshot.context.formats).toEqual(['group']);
    expect(pairPhase(ok.snapshot)).toBe('awaitingProgramme');
  });

  it('004 §4: a plan per mentee inside a group programme; an item for a stranger is refused', () => {
    const s = group();
    const stranger = perMentee('2023-09-29');
    if (stranger.type !== 'programmeApproved') throw new Error('fixture');
    const bad = pairTransition(s, {
      ...stranger,
      programme: {
        ...stranger.programme,
        plan: [{ id: 'x', title: 'Чужой', due: '2024-03-01', expectedResult: 'Р', menteeId: 'someone' }],
      },
    });
    expect(bad.refused?.code).toBe('plan_item_not_mentee');
    const ok = run(s, [perMentee('2023-09-29')]);
    expect(ok.context.programme?.plan.map((i) => [i.id, i.menteeId])).toEqual([
      ['a1', 'pair-1-mentee-1'],
      ['b1', 'pair-1-mentee-2'],
    ]);
  });

  it('003 §2.3: format and size agree — a group needs two mentees, one-to-one exactly one', () => {
    const s = awaitingProgramme();
    const r = pairTransition(s, {
      type: 'formChanged',
      date: '2023-09-30',
      by: curator,
      agreedBy: ['pair-1-mentor', 'pair-1-mentee-1'],
      formats: ['group'],
    });
    expect(r.refused?.code).toBe('pair_size_mismatch');
    const w = makeWorld({ mentees: 1 });
    expect(() => createPairSnapshot({ ...w.pair, formats: ['group'] }, w.options)).toThrow(
      expect.objectContaining({ code: 'pair_size_mismatch' }),
    );
    const g = makeWorld({ mentees: 3 });
    expect(() => createPairSnapshot({ ...g.pair, formats: ['traditional'] }, g.options)).toThrow(
      expect.objectContaining({ code: 'pair_size_mismatch' }),
    );
  });
});

describe('meeting sequences and forms as data (001 5.2–5.3, 004 §5, 003 §2.3)', () => {
  it('001 5.2–5.3: the trial and planning meetings come before the order, then the programme', () => {
    const policy = { ...defaultPairPolicy, meetings: meetingSequences.prokopyevsk001 };
    const s = consented({ policy });
    // The order before them is refused, naming the missing meeting.
    const early = pairTransition(s, orderOn('2023-09-10'));
    expect(early.refused?.code).toBe('opening_meeting_missing');
    expect(early.refused?.params).toMatchObject({ expected: 'trial' });
    expect(pairTransition(s, meeting('planning', '2023-09-06')).refused?.code).toBe(
      'meeting_out_of_sequence',
    );
    const ordered = run(s, [
      meeting('trial', '2023-09-06'),
      meeting('planning', '2023-09-08'),
      orderOn('2023-09-10'),
    ]);
    expect(pairPhase(ordered)).toBe('awaitingProgramme');
    // The 004 sequence refuses the seed's own order of 001 (the issue's `order_missing`) — the default is 004's.
    expect(pairTransition(consented(), meeting('trial', '2023-09-06')).refused?.code).toBe('order_missing');
  });

  it('004 §5: organizational, trial and planning after the order (the default)', () => {
    const s = run(consented(), [orderOn('2023-09-10')]);
    expect(pairPhase(s)).toBe('awaitingOrganizational');
    expect(pairTransition(s, meeting('trial', '2023-09-12')).refused?.code).toBe('meeting_out_of_sequence');
  });

  it('003 §2.3: a speed (single-meeting) programme is one meeting, with no minimum term', () => {
    const s = run(consented({ formats: ['speed'] }), [orderOn('2023-09-10')]);
    expect(pairPhase(s)).toBe('awaitingProgramme');
    const done = run(s, [
      // The programme names its format (003 §1.2): a single meeting has no minimum term.
      withFormats(programme('2023-09-12', '2023-09-12', '2023-09-12'), ['speed']),
      { type: 'planItemDone', date: '2023-09-12', by: curator, itemId: 'i1' },
      meeting('final', '2023-09-12'),
    ]);
    expect(pairPhase(done)).toBe('closing');
    expect(done.context.meetings.map((m) => m.kind)).toEqual(['final']);
  });

  it('a school may ask for regular meetings before the final one', () => {
    const policy = {
      ...defaultPairPolicy,
      meetings: { ...meetingSequences.lyceum7Tikhvin004, minRegularMeetings: 2 },
    };
    const s = run(awaitingProgramme({ policy }), [
      programme('2023-09-29', '2023-10-01', '2024-05-31'),
      { type: 'planItemDone', date: '2023-11-01', by: curator, itemId: 'i1' },
      meeting('regular', '2023-11-02'),
    ]);
    const r = pairTransition(s, meeting('final', '2024-05-20'));
    expect(r.refused?.code).toBe('too_few_meetings');
    expect(r.refused?.params).toEqual({ minimum: 2, held: 1 });
  });

  it('Р-145, 003 §2.3: a replacement mentor fits the form — a 12-year-old pupil does not replace a teacher’s mentor', () => {
    const s = awaitingProgramme();
    const replace = (mentor: {
      id: string;
      category: 'pupil' | 'teacher';
      birthDate?: string;
    }): PairEventInput => ({
      type: 'mentorReplaced',
      date: '2023-09-30',
      by: curator,
      mentor,
      consents: (['personalData', 'mentorDuties', 'participation'] as const).map((purpose) =>
        consent(mentor, purpose, `c-r-${mentor.id}-${purpose}`, '2023-09-30'),
      ),
      initiator: 'mentee',
      order: order('replaceMentor', 'o-r', '2023-09-30'),
    });
    const pupil = pairTransition(s, replace({ id: 'p-12', category: 'pupil', birthDate: '2011-05-01' }));
    expect(pupil.refused?.code).toBe('mentor_unfit_for_form');
    expect(pupil.refused?.params).toEqual({ form: 'educatorEducator', category: 'pupil' });
    expect(pupil.refused?.message).toContain('обучающийся');
    expect(pairTransition(s, replace({ id: 't-9', category: 'teacher' })).refused).toBeUndefined();
  });
});
