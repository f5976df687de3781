import { isNastavnikError } from '@nastavnik/core';
import {
  createPairSnapshot,
  findPairOverdue,
  type PairEventInput,
  PairEventSchema,
  type PairSnapshot,
  pairMachine,
  pairPhase,
  pairTransition,
  replayPair,
} from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { addDays, consent, makeWorld, order } from './__fixtures__/pairWorld';

const curator = { role: 'curator' as const };

/** Apply events, failing the test on the first refusal. */
function run(s: PairSnapshot, events: PairEventInput[]): PairSnapshot {
  let cur = s;
  for (const e of events) {
    const r = pairTransition(cur, e);
    if (r.refused) throw new Error(`${e.type} refused: ${r.refused.code} ${r.refused.messageEn}`);
    cur = r.snapshot;
  }
  return cur;
}

const ids = { mentor: 'pair-1-mentor', mentee: 'pair-1-mentee-1', mentee2: 'pair-1-mentee-2' };

function consentsFor(pupils: boolean, mentees: string[], date: string): PairEventInput[] {
  const cat = pupils ? 'pupil' : 'teacher';
  const mentor = { id: ids.mentor, category: cat, birthDate: pupils ? '2006-01-15' : undefined };
  const out: PairEventInput[] = [];
  // The default consent policy: a pupil mentor consents to participation, a teacher to the extra duties.
  for (const p of pupils
    ? (['personalData', 'participation'] as const)
    : (['personalData', 'mentorDuties'] as const)) {
    out.push({ type: 'consentRecorded', date, by: curator, consent: consent(mentor, p, `c-m-${p}`, date) });
  }
  for (const m of mentees) {
    const who = { id: m, category: cat, birthDate: pupils ? '2011-04-02' : undefined };
    for (const p of pupils
      ? (['personalData', 'participation'] as const)
      : (['personalData', 'mentorDuties'] as const)) {
      out.push({ type: 'consentRecorded', date, by: curator, consent: consent(who, p, `c-${m}-${p}`, date) });
    }
  }
  return out;
}

const meeting = (
  kind: 'organizational' | 'trial' | 'planning' | 'regular' | 'final',
  date: string,
  id: string = kind,
): PairEventInput => ({
  type: 'meetingHeld',
  date,
  by: { role: 'mentor', id: ids.mentor },
  meeting: { id: `m-${id}`, pairId: 'pair-1', kind, date },
});

const programme = (date: string): PairEventInput => ({
  type: 'programmeApproved',
  date,
  by: curator,
  programme: {
    id: 'pp-1',
    pairId: 'pair-1',
    start: '2023-10-01',
    end: '2024-05-31',
    goals: ['Адаптация в коллективе'],
    plan: [
      {
        id: 'i1',
        title: 'Посещение уроков наставника',
        due: '2023-11-30',
        expectedResult: 'Анализ 4 уроков',
      },
      { id: 'i2', title: 'Открытый урок', due: '2024-03-31', expectedResult: 'Урок и самоанализ' },
    ],
  },
});

function approvedPair(): PairSnapshot {
  const { initial } = makeWorld();
  return run(initial, [
    ...consentsFor(false, [ids.mentee], '2023-09-05'),
    {
      type: 'orderIssued',
      date: '2023-09-10',
      by: { role: 'head' },
      order: order('approvePairs', 'o-1', '2023-09-10'),
    },
  ]);
}

function activePair(): PairSnapshot {
  return run(approvedPair(), [
    meeting('organizational', '2023-09-15'),
    meeting('trial', '2023-09-22'),
    meeting('planning', '2023-09-29'),
    programme('2023-09-29'),
  ]);
}

describe('pair machine: the life of a pair (003 §6–7, 004 §4–5)', () => {
  it('runs a group of minors from consents to completion', () => {
    const { initial } = makeWorld({ mentees: 2, pupils: true });
    let s = run(initial, consentsFor(true, [ids.mentee, ids.mentee2], '2023-09-05'));
    expect(pairPhase(s)).toBe('consented');
    s = run(s, [
      {
        type: 'orderIssued',
        date: '2023-09-10',
        by: { role: 'head' },
        order: order('approvePairs', 'o-1', '2023-09-10'),
      },
      meeting('organizational', '2023-09-15'),
      meeting('trial', '2023-09-22'),
      meeting('planning', '2023-09-29'),
      programme('2023-09-29'),
      meeting('regular', '2023-10-13', 'r1'),
      { type: 'planItemDone', date: '2023-11-20', by: curator, itemId: 'i1' },
      { type: 'feedbackSubmitted', date: '2023-12-20', by: curator, respondentId: ids.mentee },
      { type: 'planItemDone', date: '2024-03-15', by: curator, itemId: 'i2' },
      meeting('final', '2024-05-20'),
      ...[ids.mentor, ids.mentee, ids.mentee2].map(
        (id): PairEventInput => ({
          type: 'finalSurveySubmitted',
          date: '2024-05-25',
          by: curator,
          respondentId: id,
        }),
      ),
      { type: 'completed', date: '2024-05-30', by: curator },
    ]);
    expect(pairPhase(s)).toBe('completed');
    expect(s.status).toBe('done');
    expect(s.context.meetings.map((m) => m.kind)).toEqual([
      'organizational',
      'trial',
      'planning',
      'regular',
      'final',
    ]);
    expect(s.context.completedAt).toBe('2024-05-30');
  });

  it('needs a parent’s signature for a minor: a self-signed consent does not complete the set', () => {
    const { initial } = makeWorld({ pupils: true });
    const selfSigned: PairEventInput = {
      type: 'consentRecorded',
      date: '2023-09-05',
      by: curator,
      consent: {
        id: 'c-self',
        personId: ids.mentee,
        purpose: 'personalData',
        givenBy: 'self',
        givenAt: '2023-09-05',
      },
    };
    const s = run(initial, [...consentsFor(true, [], '2023-09-05'), selfSigned]);
    expect(pairPhase(s)).toBe('collectingConsents');
    const r = pairTransition(s, {
      type: 'orderIssued',
      date: '2023-09-10',
      by: { role: 'head' },
      order: order('approvePairs', 'o-1', '2023-09-10'),
    });
    expect(r.refused?.code).toBe('consents_incomplete');
    expect(r.refused?.params).toMatchObject({ personId: ids.mentee, cause: 'minor_requires_parent_consent' });
    expect(r.refused?.message).toContain('родителя');
    expect(r.snapshot).toBe(s);
  });

  it('refuses, with a typed reason, what the rules forbid', () => {
    const approved = approvedPair();
    const active = activePair();
    const cases: Array<[PairSnapshot, PairEventInput, string]> = [
      [makeWorld().initial, meeting('organizational', '2023-09-15'), 'order_missing'],
      [approved, meeting('trial', '2023-09-15'), 'meeting_out_of_sequence'],
      [approved, meeting('organizational', '2023-09-01'), 'date_before_previous'],
      [approved, programme('2023-09-15'), 'planning_meeting_missing'],
      [active, { type: 'completed', date: '2023-10-01', by: curator }, 'plan_not_done'],
      [active, meeting('final', '2023-10-01'), 'plan_not_done'],
      [
        active,
        { type: 'finalSurveySubmitted', date: '2023-10-01', by: curator, respondentId: ids.mentee },
        'final_meeting_missing',
      ],
      [
        active,
        { type: 'planItemDone', date: '2023-10-01', by: curator, itemId: 'nope' },
        'unknown_plan_item',
      ],
      [
        active,
        {
          type: 'extended',
          date: '2023-10-01',
          by: curator,
          agreedBy: [ids.mentor],
          extension: { newEnd: '2024-08-31', agreedAt: '2023-10-01', reason: 'Аттестация' },
        },
        'mutual_agreement_required',
      ],
      [
        active,
        {
          type: 'extended',
          date: '2023-10-01',
          by: curator,
          agreedBy: [ids.mentor, ids.mentee],
          extension: { newEnd: '2024-05-01', agreedAt: '2023-10-01', reason: 'Аттестация' },
        },
        'extension_not_later',
      ],
      [
        active,
        { type: 'terminated', date: '2023-10-01', by: curator, reason: 'mentorInitiative', note: 'Болезнь' },
        'termination_initiator_mismatch',
      ],
      [
        active,
        {
          type: 'terminated',
          date: '2023-10-01',
          by: { role: 'mentee', id: 'stranger' },
          reason: 'menteeInitiative',
          note: 'Переезд',
        },
        'actor_mismatch',
      ],
      [
        active,
        {
          type: 'mentorReplaced',
          date: '2023-10-01',
          by: curator,
          initiator: 'mentee',
          mentor: { id: 'new-m', category: 'teacher' },
          consents: [],
        },
        'consents_incomplete',
      ],
      [
        active,
        {
          type: 'mentorReplaced',
          date: '2023-10-01',
          by: curator,
          initiator: 'mentee',
          mentor: { id: 'new-m', category: 'teacher' },
          consents: [
            consent({ id: 'new-m', category: 'teacher' }, 'personalData', 'n1', '2023-10-01'),
            consent({ id: 'new-m', category: 'teacher' }, 'mentorDuties', 'n2', '2023-10-01'),
          ],
        },
        'replacement_order_required',
      ],
      [
        active,
        {
          type: 'consentWithdrawn',
          date: '2023-10-01',
          by: { role: 'mentee', id: ids.mentee },
          consentId: 'c-m-personalData',
        },
        'actor_mismatch',
      ],
      [
        active,
        {
          type: 'planCorrected',
          date: '2023-10-01',
          by: curator,
          agreedBy: [ids.mentor, ids.mentee],
          plan: [{ id: 'i9', title: 'x', due: '2025-01-01', expectedResult: 'y' }],
        },
        'plan_item_outside_programme',
      ],
    ];
    for (const [s, e, code] of cases) {
      const r = pairTransition(s, e);
      expect(r.refused?.code, `${e.type} → ${code}`).toBe(code);
      expect(r.refused?.message.length).toBeGreaterThan(10);
      expect(r.refused?.messageEn.length).toBeGreaterThan(10);
    }
  });

  it('closes a completed or terminated pair to further events', () => {
    const t = run(activePair(), [
      {
        type: 'terminated',
        date: '2023-11-01',
        by: { role: 'mentee', id: ids.mentee },
        reason: 'menteeInitiative',
        note: 'Переезд',
      },
    ]);
    expect(pairPhase(t)).toBe('terminated');
    expect(t.context.termination).toEqual({
      reason: 'menteeInitiative',
      initiator: { role: 'mentee', id: ids.mentee },
      date: '2023-11-01',
    });
    expect(pairTransition(t, meeting('regular', '2023-11-05', 'late')).refused?.code).toBe('pair_closed');
  });

  it('replaces the mentor at the mentee’s request and keeps the history', () => {
    const newMentor = { id: 'new-m', category: 'teacher' as const };
    const s = run(activePair(), [
      meeting('regular', '2023-10-10', 'r1'),
      {
        type: 'mentorReplaced',
        date: '2023-10-20',
        by: curator,
        initiator: 'mentee',
        mentor: newMentor,
        consents: [
          consent(newMentor, 'personalData', 'n1', '2023-10-18'),
          consent(newMentor, 'mentorDuties', 'n2', '2023-10-18'),
        ],
        order: order('replaceMentor', 'o-2', '2023-10-20'),
      },
    ]);
    expect(pairPhase(s)).toBe('active');
    expect(s.context.mentor.id).toBe('new-m');
    expect(s.context.mentorHistory).toEqual([
      { mentorId: ids.mentor, until: '2023-10-20', initiator: 'mentee' },
    ]);
    expect(s.context.meetings).toHaveLength(4);
    // The old mentor no longer acts for the pair.
    expect(
      pairTransition(s, { ...meeting('regular', '2023-10-25', 'r2'), by: { role: 'mentor', id: ids.mentor } })
        .refused?.code,
    ).toBe('actor_mismatch');
  });

  it('moves on to the order once a replacement mentor brings the missing consents', () => {
    const { initial } = makeWorld();
    const s = run(initial, consentsFor(false, [ids.mentee], '2023-09-05').slice(2)); // the mentee's only
    expect(pairPhase(s)).toBe('collectingConsents');
    const newMentor = { id: 'new-m', category: 'teacher' as const };
    const r = run(s, [
      {
        type: 'mentorReplaced',
        date: '2023-09-06',
        by: curator,
        initiator: 'curator',
        mentor: newMentor,
        consents: [
          consent(newMentor, 'personalData', 'n1', '2023-09-06'),
          consent(newMentor, 'mentorDuties', 'n2', '2023-09-06'),
        ],
      },
    ]);
    expect(pairPhase(r)).toBe('consented');
    expect(r.context.mentorHistory).toEqual([
      { mentorId: ids.mentor, until: '2023-09-06', initiator: 'curator' },
    ]);
  });

  it('extends the term and corrects the plan only by mutual agreement, keeping done items', () => {
    const agreedBy = [ids.mentor, ids.mentee];
    const s = run(activePair(), [
      { type: 'planItemDone', date: '2023-11-20', by: curator, itemId: 'i1' },
      {
        type: 'extended',
        date: '2024-05-01',
        by: curator,
        agreedBy,
        extension: { newEnd: '2024-08-31', agreedAt: '2024-05-01', reason: 'Аттестация' },
      },
    ]);
    expect(s.context.programme?.effectiveEnd).toBe('2024-08-31');
    const dropDone = pairTransition(s, {
      type: 'planCorrected',
      date: '2024-05-02',
      by: curator,
      agreedBy,
      plan: [{ id: 'i3', title: 'Новый', due: '2024-08-01', expectedResult: 'Результат' }],
    });
    expect(dropDone.refused?.code).toBe('done_item_removed');
    const ok = run(s, [
      {
        type: 'planCorrected',
        date: '2024-05-02',
        by: curator,
        agreedBy,
        plan: [
          { id: 'i1', title: 'Посещение', due: '2023-11-30', expectedResult: 'Анализ' },
          { id: 'i3', title: 'Новый', due: '2024-08-01', expectedResult: 'Результат' },
        ],
      },
    ]);
    expect(ok.context.programme?.plan).toEqual([
      { id: 'i1', menteeId: null, due: '2023-11-30', doneAt: '2023-11-20' },
      { id: 'i3', menteeId: null, due: '2024-08-01', doneAt: null },
    ]);
  });

  it('throws a NastavnikError for bad input, never a refusal or a raw error', () => {
    const s = makeWorld().initial;
    for (const bad of [
      { type: 'nope', date: '2023-01-01' },
      { type: 'completed', date: '2023-02-30', by: curator },
      null,
    ]) {
      let caught: unknown;
      try {
        // A JavaScript caller (or a cast) can still pass anything: validated at run time.
        pairTransition(s, bad as never);
      } catch (e) {
        caught = e;
      }
      expect(isNastavnikError(caught)).toBe(true);
    }
    expect(() =>
      createPairSnapshot(
        { ...makeWorld().pair },
        {
          date: '2023-09-01',
          participants: [
            { id: 'x', category: 'teacher' },
            { id: 'y', category: 'teacher' },
          ],
        },
      ),
    ).toThrow(expect.objectContaining({ code: 'unknown_reference' }));
  });

  it('keeps no birth date of adult staff, and keeps a pupil’s', () => {
    const teachers = createPairSnapshot(makeWorld().pair, {
      date: '2023-09-01',
      participants: [
        { id: ids.mentor, category: 'teacher', birthDate: '1980-01-01' },
        { id: ids.mentee, category: 'teacher', birthDate: '1999-01-01' },
      ],
    });
    expect(teachers.context.mentor).toEqual({ id: ids.mentor, category: 'teacher' });
    expect(makeWorld({ pupils: true }).initial.context.mentees[0]?.birthDate).toBe('2011-04-02');
  });

  it('agrees with an xstate actor fed the same events, and with a replay', () => {
    const { initial } = makeWorld();
    const events: PairEventInput[] = [
      ...consentsFor(false, [ids.mentee], '2023-09-05'),
      {
        type: 'orderIssued',
        date: '2023-09-10',
        by: { role: 'head' },
        order: order('approvePairs', 'o-1', '2023-09-10'),
      },
      meeting('organizational', '2023-09-15'),
      meeting('organizational', '2023-09-16', 'dup'), // refused: out of sequence
      meeting('trial', '2023-09-22'),
    ];
    const actor = createActor(pairMachine, { snapshot: initial }).start();
    let s = initial;
    const log: unknown[] = [];
    for (const e of events) {
      const r = pairTransition(s, e);
      actor.send(PairEventSchema.parse(e));
      if (!r.refused) {
        s = r.snapshot;
        log.push(r.event);
      }
      expect(actor.getSnapshot().value).toEqual(s.value);
      expect(actor.getSnapshot().context).toEqual(s.context);
    }
    actor.stop();
    expect(replayPair(initial, JSON.parse(JSON.stringify(log))).snapshot).toEqual(s);
  });

  it('finds overdue plan items and long gaps between meetings from a date alone', () => {
    const s = run(activePair(), [meeting('regular', '2023-10-06', 'r1')]);
    expect(findPairOverdue(s, '2023-10-20')).toEqual([]);
    expect(findPairOverdue(s, '2023-12-10', { maxWeeksWithoutMeeting: 4 })).toEqual([
      { kind: 'planItem', itemId: 'i1', due: '2023-11-30', days: 10 },
      { kind: 'noMeeting', since: '2023-10-06', weeks: 9 },
    ]);
    expect(findPairOverdue(s, addDays('2024-05-31', 3)).map((o) => o.kind)).toEqual([
      'planItem',
      'planItem',
      'noMeeting',
      'programmeEnd',
    ]);
    expect(findPairOverdue(makeWorld().initial, '2030-01-01')).toEqual([]);
  });
});
