import { fail, registerCatalogue } from '@nastavnik/core';
import { and, assign, not, setup } from 'xstate';
import {
  applyPairEvent,
  consentsCompleteAfter,
  explainPairEvent,
  openingPhaseAfter,
  type PairLocus,
  withdrawalEndsPair,
} from './_internal/pairRules';
import type { PairPhase } from './labels';
import type { PairContext } from './pairContext';
import type { PairEvent } from './pairEvents';

registerCatalogue();

const allowed = (locus: PairLocus) => ({ type: 'allowed', params: { locus } }) as const;
const apply = 'apply' as const;
const opening = (phase: PairPhase) => ({ type: 'openingPhaseIs', params: { phase } }) as const;

/**
 * The life of a mentoring pair (003 §6–7, 004 §4–5) as an xstate v5
 * statechart: `forming` (written consents → the head's order) → `running`
 * (organizational → trial → planning meeting → programme approved →
 * active → final meeting and final survey) → `completed`, or `terminated`
 * early from any live phase with a reason of 003 §7.1 — or because a consent
 * the policy requires was withdrawn (152-ФЗ ст. 9 ч. 2), by the subject or a
 * parent for a minor, which ends an approved pair at once.
 *
 * Every guard asks one rule function why an event would be refused, so an
 * actor and {@link pairTransition} agree; events carry their dates and the
 * machine never reads the clock. Start it from {@link createPairSnapshot}.
 *
 * @category Pair machine
 * @example
 * import { createActor } from 'xstate';
 * const actor = createActor(pairMachine, { snapshot: createPairSnapshot(pair, options) }).start();
 * actor.send(PairEventSchema.parse(consentEvent));
 */
export const pairMachine = setup({
  types: {
    context: {} as PairContext,
    events: {} as PairEvent,
    input: {} as PairContext | undefined,
  },
  guards: {
    allowed: ({ context, event }, params: { locus: PairLocus }) =>
      explainPairEvent(params.locus, context, event) === null,
    isFinalMeeting: ({ event }) => event.type === 'meetingHeld' && event.meeting.kind === 'final',
    openingPhaseIs: ({ context, event }, params: { phase: PairPhase }) =>
      openingPhaseAfter(context, event) === params.phase,
    consentsCompleteAfter: ({ context, event }) => consentsCompleteAfter(context, event),
    withdrawalEndsPair: ({ context, event }) => withdrawalEndsPair(context, event),
  },
  actions: {
    apply: assign(({ context, event }) => applyPairEvent(context, event)),
  },
}).createMachine({
  id: 'pair',
  context: ({ input }) => {
    if (input === undefined) {
      throw fail('required', ['input'], { reason: 'machineInput' });
    }
    return input;
  },
  initial: 'forming',
  states: {
    forming: {
      description: 'Сбор письменных согласий участников до приказа о закреплении пары',
      initial: 'collectingConsents',
      on: {
        formChanged: { guard: allowed('forming'), actions: apply },
        // The new mentor's consents may complete (or no longer need) the set.
        mentorReplaced: [
          {
            guard: and([allowed('forming'), 'consentsCompleteAfter']),
            target: '.consented',
            actions: apply,
          },
          { guard: allowed('forming'), target: '.collectingConsents', actions: apply },
        ],
        // One mentee joins or leaves a group: the set of consents needed changes with it.
        menteeAdded: [
          {
            guard: and([allowed('forming'), 'consentsCompleteAfter']),
            target: '.consented',
            actions: apply,
          },
          { guard: allowed('forming'), target: '.collectingConsents', actions: apply },
        ],
        menteeRemoved: [
          {
            guard: and([allowed('forming'), 'consentsCompleteAfter']),
            target: '.consented',
            actions: apply,
          },
          { guard: allowed('forming'), target: '.collectingConsents', actions: apply },
        ],
        // Meetings the seed holds before the order (001 5.2: trial and planning).
        meetingHeld: { guard: allowed('forming'), actions: apply },
        terminated: { guard: allowed('forming'), target: '#pair.terminated', actions: apply },
      },
      states: {
        collectingConsents: {
          on: {
            consentRecorded: [
              {
                guard: and([allowed('collectingConsents'), 'consentsCompleteAfter']),
                target: 'consented',
                actions: apply,
              },
              { guard: allowed('collectingConsents'), actions: apply },
            ],
            consentWithdrawn: { guard: allowed('collectingConsents'), actions: apply },
          },
        },
        consented: {
          on: {
            consentRecorded: { guard: allowed('consented'), actions: apply },
            consentWithdrawn: [
              {
                guard: and([allowed('consented'), not('consentsCompleteAfter')]),
                target: 'collectingConsents',
                actions: apply,
              },
              { guard: allowed('consented'), actions: apply },
            ],
            // The first phase after the order follows the seed's meeting sequence (004 §5; 001 5.2–5.3).
            orderIssued: [
              {
                guard: and([allowed('consented'), opening('awaitingOrganizational')]),
                target: '#pair.running.awaitingOrganizational',
                actions: apply,
              },
              { guard: allowed('consented'), target: '#pair.running.awaitingProgramme', actions: apply },
            ],
          },
        },
      },
    },
    running: {
      description: 'Пара утверждена приказом: встречи по порядку, работа по плану',
      initial: 'awaitingOrganizational',
      on: {
        consentRecorded: { guard: allowed('running'), actions: apply },
        // 152-ФЗ ст. 9 ч. 2: a withdrawal by the subject, a parent for a minor, or recorded by staff, in any phase;
        // a required consent gone ends the pair at once.
        consentWithdrawn: [
          {
            guard: and([allowed('running'), 'withdrawalEndsPair']),
            target: '#pair.terminated',
            actions: apply,
          },
          { guard: allowed('running'), actions: apply },
        ],
        formChanged: { guard: allowed('running'), actions: apply },
        mentorReplaced: { guard: allowed('running'), actions: apply },
        menteeAdded: { guard: allowed('running'), actions: apply },
        menteeRemoved: { guard: allowed('running'), actions: apply },
        terminated: { guard: allowed('running'), target: '#pair.terminated', actions: apply },
      },
      states: {
        awaitingOrganizational: {
          on: {
            meetingHeld: {
              guard: allowed('awaitingOrganizational'),
              target: 'awaitingTrial',
              actions: apply,
            },
          },
        },
        awaitingTrial: {
          on: {
            meetingHeld: { guard: allowed('awaitingTrial'), target: 'awaitingPlanning', actions: apply },
          },
        },
        awaitingPlanning: {
          on: {
            meetingHeld: { guard: allowed('awaitingPlanning'), target: 'awaitingProgramme', actions: apply },
          },
        },
        awaitingProgramme: {
          on: {
            programmeApproved: { guard: allowed('awaitingProgramme'), target: 'active', actions: apply },
          },
        },
        active: {
          on: {
            meetingHeld: [
              { guard: and([allowed('active'), 'isFinalMeeting']), target: 'closing', actions: apply },
              { guard: allowed('active'), actions: apply },
            ],
            planItemDone: { guard: allowed('active'), actions: apply },
            feedbackSubmitted: { guard: allowed('active'), actions: apply },
            extended: { guard: allowed('active'), actions: apply },
            planCorrected: { guard: allowed('active'), actions: apply },
          },
        },
        closing: {
          on: {
            finalSurveySubmitted: { guard: allowed('closing'), actions: apply },
            completed: { guard: allowed('closing'), target: '#pair.completed', actions: apply },
          },
        },
      },
    },
    completed: {
      type: 'final',
      description: 'План выполнен, заключительная встреча и итоговое анкетирование проведены',
    },
    terminated: { type: 'final', description: 'Досрочное завершение (003 §7.1)' },
  },
});
