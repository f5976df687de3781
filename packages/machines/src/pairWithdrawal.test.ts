import { defaultConsentPolicy, requiredConsents } from '@nastavnik/core';
import {
  type PairEventInput,
  PairEventSchema,
  type PairSnapshot,
  pairMachine,
  pairPhase,
  pairTransition,
} from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { consent, makeWorld, order } from './__fixtures__/pairWorld';

const curator = { role: 'curator' as const };

function run(s: PairSnapshot, events: PairEventInput[]): PairSnapshot {
  let cur = s;
  for (const e of events) {
    const r = pairTransition(cur, e);
    if (r.refused) throw new Error(`${e.type} refused: ${r.refused.code}`);
    cur = r.snapshot;
  }
  return cur;
}

/** A snapshot in every live phase of the pair's life, for a pair of teachers or a group of pupils. */
function phases(pupils: boolean): Array<[string, PairSnapshot]> {
  const { initial } = makeWorld({ pupils, mentees: pupils ? 2 : 1 });
  const c = initial.context;
  const everyone = [
    { p: c.mentor, role: 'mentor' as const },
    ...c.mentees.map((p) => ({ p, role: 'mentee' as const })),
  ];
  const consents: PairEventInput[] = everyone.flatMap(({ p, role }) =>
    requiredConsents(defaultConsentPolicy, p, role, 'pair').map(
      (purpose): PairEventInput => ({
        type: 'consentRecorded',
        date: '2023-09-05',
        by: curator,
        consent: consent(p, purpose, `c-${p.id}-${purpose}`, '2023-09-05'),
      }),
    ),
  );
  const meeting = (
    kind: 'organizational' | 'trial' | 'planning' | 'final',
    date: string,
  ): PairEventInput => ({
    type: 'meetingHeld',
    date,
    by: curator,
    meeting: { id: `m-${kind}`, pairId: c.pairId, kind, date },
  });
  const out: Array<[string, PairSnapshot]> = [];
  let s = initial;
  const step = (events: PairEventInput[]) => {
    s = run(s, events);
    out.push([pairPhase(s), s]);
  };
  out.push([pairPhase(s), s]);
  step(consents);
  step([
    {
      type: 'orderIssued',
      date: '2023-09-10',
      by: { role: 'head' },
      order: order('approvePairs', 'o-1', '2023-09-10'),
    },
  ]);
  step([meeting('organizational', '2023-09-15')]);
  step([meeting('trial', '2023-09-22')]);
  step([meeting('planning', '2023-09-29')]);
  step([
    {
      type: 'programmeApproved',
      date: '2023-09-29',
      by: curator,
      programme: {
        id: 'pp-1',
        pairId: c.pairId,
        start: '2023-10-01',
        end: '2024-05-31',
        goals: ['Адаптация'],
        plan: [{ id: 'i1', title: 'Открытый урок', due: '2024-03-01', expectedResult: 'Урок проведён' }],
      },
    },
  ]);
  step([
    { type: 'planItemDone', date: '2024-03-01', by: curator, itemId: 'i1' },
    meeting('final', '2024-05-20'),
  ]);
  return out;
}

const expectedPhases = [
  'collectingConsents',
  'consented',
  'awaitingOrganizational',
  'awaitingTrial',
  'awaitingPlanning',
  'awaitingProgramme',
  'active',
  'closing',
];

describe('pair machine: withdrawal of consent in every phase (152-ФЗ ст. 9 ч. 2)', () => {
  const cases = [
    {
      who: 'a parent for a minor mentee',
      pupils: true,
      subject: (s: PairSnapshot) => s.context.mentees[0]!.id,
      by: (id: string) => ({ role: 'parent' as const, id: 'parent-of-mentee', onBehalfOf: id }),
    },
    {
      who: 'an adult subject (the mentor)',
      pupils: false,
      subject: (s: PairSnapshot) => s.context.mentor.id,
      by: (id: string) => ({ role: 'mentor' as const, id }),
    },
    {
      who: 'an adult subject (the mentee)',
      pupils: false,
      subject: (s: PairSnapshot) => s.context.mentees[0]!.id,
      by: (id: string) => ({ role: 'mentee' as const, id }),
    },
  ];

  for (const { who, pupils, subject, by } of cases) {
    it(`is accepted from ${who}; before the order the pair waits for consents, after it the pair ends at once`, () => {
      const all = phases(pupils);
      expect(all.map(([p]) => p)).toEqual(expectedPhases);
      for (const [phase, s] of all) {
        const id = subject(s);
        const target = s.context.consents.find((k) => k.personId === id && k.purpose === 'personalData');
        if (!target) {
          expect(phase).toBe('collectingConsents');
          continue;
        }
        const date = s.context.lastDate;
        const event: PairEventInput = { type: 'consentWithdrawn', date, by: by(id), consentId: target.id };
        const r = pairTransition(s, event);
        expect(r.refused, `${phase}: ${r.refused?.code}`).toBeUndefined();
        const after = r.snapshot;
        if (phase === 'collectingConsents' || phase === 'consented') {
          expect(pairPhase(after)).toBe('collectingConsents');
          expect(after.context.termination ?? null).toBeNull();
        } else {
          expect(pairPhase(after), phase).toBe('terminated');
          expect(after.context.termination).toEqual({
            reason: 'consentWithdrawn',
            initiator: { role: by(id).role, id: by(id).id },
            date,
          });
          // Nothing more is processed: any further event is refused.
          expect(pairTransition(after, { type: 'completed', date, by: curator }).refused?.code).toBe(
            'pair_closed',
          );
        }
        // The statechart agrees with the reducer.
        const actor = createActor(pairMachine, {
          snapshot: pairMachine.resolveState({ value: s.value, context: s.context }),
        }).start();
        actor.send(PairEventSchema.parse(event));
        expect(actor.getSnapshot().value).toEqual(after.value);
        actor.stop();
      }
    });
  }

  it('refuses a withdrawal by someone else’s subject or a parent acting for another child', () => {
    const [, s] = phases(true)[4]!;
    const [m1, m2] = s.context.mentees;
    const target = s.context.consents.find((k) => k.personId === m1!.id && k.purpose === 'personalData')!;
    const date = s.context.lastDate;
    const byOther = pairTransition(s, {
      type: 'consentWithdrawn',
      date,
      by: { role: 'parent', id: 'p2', onBehalfOf: m2!.id },
      consentId: target.id,
    });
    expect(byOther.refused?.code).toBe('not_representative');
  });

  it('a withdrawn consent that the pair does not need (publication) does not end it', () => {
    const [, s] = phases(false)[6]!;
    const mentor = s.context.mentor;
    const withPub = run(s, [
      {
        type: 'consentRecorded',
        date: s.context.lastDate,
        by: curator,
        consent: {
          id: 'pub',
          personId: mentor.id,
          purpose: 'publication',
          givenBy: 'self',
          givenAt: s.context.lastDate,
        },
      },
    ]);
    const r = pairTransition(withPub, {
      type: 'consentWithdrawn',
      date: s.context.lastDate,
      by: { role: 'mentor', id: mentor.id },
      consentId: 'pub',
    });
    expect(r.refused).toBeUndefined();
    expect(pairPhase(r.snapshot)).toBe('active');
  });
});

describe('pair machine: a withdrawal before the order (152-ФЗ ст. 9 ч. 2, ст. 21 ч. 5)', () => {
  it('records who withdrew, keeps the pair from the order, and needs a fresh consent to reach it again', () => {
    const [, consented] = phases(true)[1]!;
    expect(pairPhase(consented)).toBe('consented');
    const child = consented.context.mentees[0]!;
    const target = consented.context.consents.find(
      (k) => k.personId === child.id && k.purpose === 'personalData',
    )!;
    const date = '2023-09-07';
    const by = { role: 'parent' as const, id: 'parent-of-mentee', onBehalfOf: child.id };
    const after = run(consented, [{ type: 'consentWithdrawn', date, by, consentId: target.id }]);
    // The pair is not formed yet: it goes back to collecting consents; processing for that purpose stops.
    expect(pairPhase(after)).toBe('collectingConsents');
    expect(after.context.termination).toBeNull();
    // The withdrawal is recorded with its initiator, before the order as after it.
    expect(after.context.withdrawals).toEqual([
      {
        consentId: target.id,
        personId: child.id,
        purpose: 'personalData',
        date,
        by: { role: 'parent', id: 'parent-of-mentee' },
      },
    ]);
    // No order without a fresh consent.
    const orderEvent: PairEventInput = {
      type: 'orderIssued',
      date: '2023-09-10',
      by: { role: 'head' },
      order: order('approvePairs', 'o-1', '2023-09-10'),
    };
    expect(pairTransition(after, orderEvent).refused).toBeDefined();
    // The same consent cannot be recorded again to undo the withdrawal; a new one (a new id) can.
    const again = pairTransition(after, {
      type: 'consentRecorded',
      date: '2023-09-08',
      by: curator,
      consent: consent(child, 'personalData', target.id, '2023-09-08'),
    });
    expect(again.refused).toBeDefined();
    const fresh = run(after, [
      {
        type: 'consentRecorded',
        date: '2023-09-08',
        by: curator,
        consent: consent(child, 'personalData', `${target.id}-2`, '2023-09-08'),
      },
    ]);
    expect(pairPhase(fresh)).toBe('consented');
    expect(pairPhase(run(fresh, [orderEvent]))).not.toBe('consented');
    // The withdrawal stays on record after the fresh consent.
    expect(fresh.context.withdrawals).toHaveLength(1);
  });
});
