import { defaultConsentPolicy, mentorMonthHours, PersonIdSchema, requiredConsents } from '@nastavnik/core';
import {
  type PairEventInput,
  type PairSnapshot,
  pairTransition,
  workloadEntriesFromPairs,
} from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';
import { consent, makeWorld, order } from './__fixtures__/pairWorld';

const curator = { role: 'curator' as const };

/** A teachers' pair approved by an order on 2023-09-10, its consents recorded. */
function approved(): PairSnapshot {
  const { initial } = makeWorld();
  const c = initial.context;
  const everyone = [
    { p: c.mentor, role: 'mentor' as const },
    ...c.mentees.map((p) => ({ p, role: 'mentee' as const })),
  ];
  const events: PairEventInput[] = [
    ...everyone.flatMap(({ p, role }) =>
      requiredConsents(defaultConsentPolicy, p, role, 'pair').map(
        (purpose): PairEventInput => ({
          type: 'consentRecorded',
          date: '2023-09-05',
          by: curator,
          consent: consent(p, purpose, `c-${p.id}-${purpose}`, '2023-09-05'),
        }),
      ),
    ),
    {
      type: 'orderIssued',
      date: '2023-09-10',
      by: { role: 'head' },
      order: order('approvePairs', 'o-1', '2023-09-10'),
    },
  ];
  let s = initial;
  for (const e of events) {
    const r = pairTransition(s, e);
    if (r.refused) throw new Error(`${e.type} refused: ${r.refused.code}`);
    s = r.snapshot;
  }
  return s;
}

describe('workload entries from pair snapshots', () => {
  it('keeps a meeting’s duration in the snapshot, and a meeting without one stays as it was', () => {
    const initial = approved();
    const meeting = (id: string, durationMinutes?: number) => ({
      type: 'meetingHeld' as const,
      date: '2023-09-15',
      by: curator,
      meeting: {
        id,
        pairId: 'pair-1',
        kind: 'organizational' as const,
        date: '2023-09-15',
        ...(durationMinutes === undefined ? {} : { durationMinutes }),
      },
    });
    const timed = pairTransition(initial, meeting('m-1', 40));
    expect(timed.refused).toBeUndefined();
    expect(timed.snapshot.context.meetings.at(-1)).toEqual({
      id: 'm-1',
      kind: 'organizational',
      date: '2023-09-15',
      durationMinutes: 40,
    });
    const plain = pairTransition(initial, meeting('m-0'));
    expect(Object.keys(plain.snapshot.context.meetings.at(-1) ?? {})).toEqual(['id', 'kind', 'date']);
    expect(workloadEntriesFromPairs([timed.snapshot])).toEqual([
      {
        mentorId: 'pair-1-mentor',
        pairId: 'pair-1',
        date: '2023-09-15',
        durationMinutes: 40,
        source: 'meeting',
      },
    ]);
  });

  it('counts a meeting before a mentor change for the mentor of that time, and leaves out meetings without a duration', () => {
    const { initial } = makeWorld();
    const snapshot = {
      context: {
        ...initial.context,
        meetings: [
          { id: 'm-1', kind: 'regular' as const, date: '2023-10-02', durationMinutes: 60 },
          { id: 'm-2', kind: 'regular' as const, date: '2023-10-20', durationMinutes: 45 },
          { id: 'm-3', kind: 'regular' as const, date: '2023-10-27' },
        ],
        mentorHistory: [
          { mentorId: PersonIdSchema.parse('t-before'), until: '2023-10-10', initiator: 'mentor' as const },
        ],
      },
    } as unknown as Parameters<typeof workloadEntriesFromPairs>[0][number];
    const rows = mentorMonthHours(workloadEntriesFromPairs([snapshot], { programmeId: 'prog-1' }));
    expect(rows.map((r) => [r.mentorId, r.month, r.minutes])).toEqual([
      ['pair-1-mentor', '2023-10', 45],
      ['t-before', '2023-10', 60],
    ]);
  });
});
