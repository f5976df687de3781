import {
  createPairSnapshot,
  defaultPairPolicy,
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
    const purposes =
      i === 0 || !o.pupils
        ? (['personalData', 'mentorDuties'] as const)
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
    expect(ended.refused?.params?.violation).toBe('programme_already_ended');
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
    expect(pairTransition(s, extend('2024-08-20', '2024-12-31')).refused?.params?.violation).toBe(
      'extension_after_end',
    );
    expect(pairTransition(s, extend('2024-05-20', '2034-05-31')).refused?.params?.violation).toBe(
      'extension_too_long',
    );
    const ok = pairTransition(s, extend('2024-05-20', '2024-12-31'));
    expect(ok.refused).toBeUndefined();
    expect(ok.snapshot.context.programme?.effectiveEnd).toBe('2024-12-31');
    expect(pairPhase(ok.snapshot)).toBe('active');
  });
});
