import { type IsoDate, isNastavnikError } from '@nastavnik/core';
import {
  type AttentionFinding,
  findAttention,
  type Reminder,
  reminderSchedule,
  type SentReminder,
} from '@nastavnik/machines';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PairBuilder, pairBuilder } from '../__fixtures__/attentionWorld';

const addDays = (d: IsoDate, n: number): IsoDate => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};

/** Advance a clock day by day, sending what the schedule says and keeping the history. */
function simulate(
  from: IsoDate,
  to: IsoDate,
  findingsOn: (day: IsoDate) => AttentionFinding[],
): { sent: Reminder[]; seen: Map<string, { finding: AttentionFinding; days: IsoDate[] }> } {
  const history: SentReminder[] = [];
  const sent: Reminder[] = [];
  const seen = new Map<string, { finding: AttentionFinding; days: IsoDate[] }>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const findings = findingsOn(day);
    for (const f of findings) {
      const s = seen.get(f.key);
      if (s) s.days.push(day);
      else seen.set(f.key, { finding: f, days: [day] });
    }
    const today = reminderSchedule(findings, history, day);
    for (const r of today) {
      sent.push(r);
      history.push({ findingKey: r.findingKey, step: r.step, date: r.date });
    }
  }
  return { sent, seen };
}

describe('reminderSchedule: the ladder (mentor and mentee → parent → curator → municipal curator)', () => {
  it('reminds a pair that stopped meeting at 7, 14, 30 and 60 days, then proposes to pause and to close', () => {
    const s = pairBuilder().active('2026-09-10').snapshot; // last meeting 2026-09-13
    const { sent } = simulate('2026-09-13', '2027-01-31', (day) => findAttention({ pairs: [s] }, day));
    const noMeeting = sent.filter((r) => r.code === 'no_meeting');
    expect(noMeeting.map((r) => [r.date, r.step, r.to])).toEqual([
      ['2026-09-20', 0, ['mentor', 'mentee']],
      ['2026-09-27', 1, ['mentor', 'mentee']], // no parent: an adult mentee
      ['2026-10-13', 2, ['curator']],
      ['2026-11-12', 3, ['municipalCurator']],
    ]);
    const proposals = sent.filter((r) => r.kind === 'proposal');
    expect(proposals.map((r) => [r.date, r.action, r.to])).toEqual([
      ['2026-12-12', 'pause', ['curator']],
      ['2026-12-19', 'close', ['curator']],
      ['2027-01-18', 'close', ['municipalCurator']], // the pause proposal gave way to the close one
    ]);
  });

  it('tells the parent of a minor at the second step', () => {
    const s = pairBuilder({ pupils: true }).active('2026-09-10').snapshot;
    const { sent } = simulate('2026-09-13', '2026-09-30', (day) => findAttention({ pairs: [s] }, day));
    expect(sent.find((r) => r.code === 'no_meeting' && r.step === 1)?.to).toEqual([
      'mentor',
      'mentee',
      'parent',
    ]);
  });

  it('never sends the same reminder twice, and when days were skipped tells everyone passed over', () => {
    const s = pairBuilder().active('2026-09-10').snapshot;
    const findings = findAttention({ pairs: [s] }, '2026-10-20');
    const first = reminderSchedule(findings, [], '2026-10-20').filter((r) => r.code === 'no_meeting');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ step: 2, to: ['mentor', 'mentee', 'curator'] });
    const history = first.map((r) => ({ findingKey: r.findingKey, step: r.step, date: r.date }));
    expect(reminderSchedule(findings, history, '2026-10-20').filter((r) => r.code === 'no_meeting')).toEqual(
      [],
    );
    expect(reminderSchedule(findings, history, '2026-10-21').filter((r) => r.code === 'no_meeting')).toEqual(
      [],
    );
  });

  it('starts a curator-only finding at the curator', () => {
    const s = pairBuilder().active('2026-09-10').snapshot;
    const mentees = [{ id: 'waiting-1' as never, since: '2026-09-01' }];
    const { sent } = simulate('2026-09-01', '2026-10-31', (day) =>
      findAttention({ pairs: [s], mentees }, day),
    );
    expect(sent.filter((r) => r.code === 'mentee_unpaired').map((r) => [r.date, r.to])).toEqual([
      ['2026-09-15', ['curator']],
      ['2026-10-15', ['municipalCurator']],
    ]);
  });

  it('refuses a bad history with a NastavnikError', () => {
    let caught: unknown;
    try {
      reminderSchedule([], [{ findingKey: '', step: -1, date: 'x' }], '2026-09-01');
    } catch (e) {
      caught = e;
    }
    expect(isNastavnikError(caught)).toBe(true);
  });
});

describe('reminderSchedule over a simulated school year (properties)', () => {
  // A pair that meets on some days, and may be terminated early.
  const timeline = fc.record({
    pupils: fc.boolean(),
    meetings: fc
      .uniqueArray(fc.integer({ min: 5, max: 250 }), { maxLength: 12 })
      .map((a) => a.sort((x, y) => x - y)),
    terminateOn: fc.option(fc.integer({ min: 20, max: 250 }), { nil: null }),
    waitingSince: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  });

  it('steps only go up, nothing twice, nothing after the pair ends, and the curator hears of every finding left unresolved', () => {
    fc.assert(
      fc.property(fc.array(timeline, { minLength: 1, maxLength: 3 }), (lines) => {
        const start = '2026-09-10';
        const end = '2027-05-31';
        const pairs = lines.map((l, i) => {
          const b = pairBuilder({ id: `p${i}`, pupils: l.pupils }).active(start);
          const events: Array<{ day: IsoDate; apply: (x: PairBuilder) => PairBuilder }> = l.meetings.map(
            (d) => ({
              day: addDays(start, d),
              apply: (x: PairBuilder) => x.meeting('regular', addDays(start, d)),
            }),
          );
          if (l.terminateOn !== null) {
            const day = addDays(start, l.terminateOn);
            events.push({
              day,
              apply: (x: PairBuilder) =>
                x.apply({
                  type: 'terminated',
                  date: day,
                  by: { role: 'curator' },
                  reason: 'curatorInitiative',
                  note: 'Форс-мажор',
                }),
            });
          }
          events.sort((a, b2) => (a.day < b2.day ? -1 : a.day > b2.day ? 1 : 0));
          return { b, events, terminatedOn: l.terminateOn === null ? null : addDays(start, l.terminateOn) };
        });
        const mentees = lines.flatMap((l, i) =>
          l.waitingSince === null
            ? []
            : [{ id: `waiting-${i}` as never, since: addDays(start, l.waitingSince) }],
        );
        const state = pairs.map((p) => ({ b: p.b, next: 0 }));
        const { sent, seen } = simulate(addDays(start, 4), end, (day) => {
          const snaps = state.map((st, i) => {
            const evs = pairs[i]?.events ?? [];
            while (st.next < evs.length && (evs[st.next]?.day ?? '') <= day) {
              const ev = evs[st.next];
              // A terminated pair takes no more meetings: skip what comes after.
              if (ev && !['completed', 'terminated'].includes(String(st.b.snapshot.value)))
                st.b = ev.apply(st.b);
              st.next++;
            }
            return st.b.snapshot;
          });
          return findAttention({ pairs: snaps, mentees }, day);
        });
        // Nothing twice.
        expect(new Set(sent.map((r) => r.key)).size).toBe(sent.length);
        // Steps only go up, in date order.
        const last = new Map<string, number>();
        for (const r of sent) {
          expect(r.step).toBeGreaterThan(last.get(r.findingKey) ?? -1);
          last.set(r.findingKey, r.step);
        }
        // Nothing for a pair after it ended.
        for (const p of pairs.map((x, i) => ({ ...x, id: `p${i}` }))) {
          const ended = p.terminatedOn;
          if (ended === null) continue;
          expect(sent.filter((r) => r.pairId === p.id && r.date >= ended)).toEqual([]);
        }
        // Every finding seen 23 days or more after it became due has reached the curator by then.
        for (const [key, { finding, days }] of seen) {
          const late = days.find((d) => d >= addDays(finding.dueSince, 23));
          if (late === undefined) continue;
          const told = sent.some((r) => r.findingKey === key && r.date <= late && r.to.includes('curator'));
          expect(told, key).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
