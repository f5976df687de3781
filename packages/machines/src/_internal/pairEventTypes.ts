// Pair event types as small numbers. A stored event's `type` is a fresh
// string (parsed from the log): using it as a property key makes the engine
// intern it first, which costs more than the rest of a replay step; a switch
// compares it with the literals instead. The replay looks tables up by index.
import type { PairEvent } from '../pairEvents';

type PairEventType = PairEvent['type'];

/** Every pair event type, in a fixed order (the index of each is its number). */
export const pairEventTypes = [
  'consentRecorded',
  'consentWithdrawn',
  'orderIssued',
  'meetingHeld',
  'programmeApproved',
  'planItemDone',
  'feedbackSubmitted',
  'finalSurveySubmitted',
  'extended',
  'planCorrected',
  'formChanged',
  'mentorReplaced',
  'menteeAdded',
  'menteeRemoved',
  'terminated',
  'completed',
] as const satisfies readonly PairEventType[];

// Every type is listed: a new event type fails to compile here until it is added.
type Unlisted = Exclude<PairEventType, (typeof pairEventTypes)[number]>;
export const allPairEventTypesListed: [Unlisted] extends [never] ? true : never = true;

/** The number of a pair event type (-1 for an unknown one), without using the string as a key. */
export function pairEventIndex(type: string): number {
  switch (type) {
    case 'consentRecorded':
      return 0;
    case 'consentWithdrawn':
      return 1;
    case 'orderIssued':
      return 2;
    case 'meetingHeld':
      return 3;
    case 'programmeApproved':
      return 4;
    case 'planItemDone':
      return 5;
    case 'feedbackSubmitted':
      return 6;
    case 'finalSurveySubmitted':
      return 7;
    case 'extended':
      return 8;
    case 'planCorrected':
      return 9;
    case 'formChanged':
      return 10;
    case 'mentorReplaced':
      return 11;
    case 'menteeAdded':
      return 12;
    case 'menteeRemoved':
      return 13;
    case 'terminated':
      return 14;
    case 'completed':
      return 15;
    default:
      return -1;
  }
}
