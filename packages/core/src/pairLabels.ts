import type { LocalizedText } from './labels';

// The phases and events of the pair machine live in `@nastavnik/machines`; their words live here
// so that the one message catalogue can name them in a refusal (core is at the bottom).

/**
 * The phases of a pair's life, in order (the atomic states of the pair machine of `@nastavnik/machines`).
 *
 * @category Pair machine
 * @example
 * const p: PairPhase = 'awaitingTrial';
 */
export type PairPhase =
  | 'collectingConsents'
  | 'consented'
  | 'awaitingOrganizational'
  | 'awaitingTrial'
  | 'awaitingPlanning'
  | 'awaitingProgramme'
  | 'active'
  | 'closing'
  | 'completed'
  | 'terminated';

/**
 * Russian and English labels of the pair phases.
 *
 * @category Pair machine
 * @example
 * pairPhaseLabels.awaitingTrial.ru; // 'ожидается пробная рабочая встреча'
 */
export const pairPhaseLabels: { readonly [K in PairPhase]: LocalizedText } = {
  collectingConsents: { ru: 'сбор письменных согласий', en: 'collecting consents' },
  consented: { ru: 'согласия получены, ожидается приказ', en: 'consents collected, awaiting the order' },
  awaitingOrganizational: {
    ru: 'утверждена приказом, ожидается организационная встреча',
    en: 'approved, awaiting the organizational meeting',
  },
  awaitingTrial: { ru: 'ожидается пробная рабочая встреча', en: 'awaiting the trial meeting' },
  awaitingPlanning: { ru: 'ожидается встреча-планирование', en: 'awaiting the planning meeting' },
  awaitingProgramme: {
    ru: 'ожидается утверждение программы и плана',
    en: 'awaiting approval of the programme and plan',
  },
  active: { ru: 'работа по плану', en: 'active' },
  closing: {
    ru: 'заключительная встреча проведена, итоговое анкетирование',
    en: 'final meeting held, final survey',
  },
  completed: { ru: 'программа завершена', en: 'completed' },
  terminated: { ru: 'программа завершена досрочно', en: 'terminated early' },
};

/**
 * The kinds of pair event (`PairEventSchema` of `@nastavnik/machines`).
 *
 * @category Pair events
 * @example
 * const t: PairEventType = 'meetingHeld';
 */
export type PairEventType =
  | 'consentRecorded'
  | 'consentWithdrawn'
  | 'orderIssued'
  | 'meetingHeld'
  | 'programmeApproved'
  | 'planItemDone'
  | 'feedbackSubmitted'
  | 'finalSurveySubmitted'
  | 'extended'
  | 'planCorrected'
  | 'formChanged'
  | 'mentorReplaced'
  | 'menteeAdded'
  | 'menteeRemoved'
  | 'terminated'
  | 'completed';

/**
 * Russian and English labels of the pair events.
 *
 * @category Pair events
 * @example
 * pairEventLabels.orderIssued.ru; // 'издан приказ о закреплении пары'
 */
export const pairEventLabels: { readonly [K in PairEventType]: LocalizedText } = {
  consentRecorded: { ru: 'получено письменное согласие', en: 'consent recorded' },
  consentWithdrawn: { ru: 'согласие отозвано', en: 'consent withdrawn' },
  orderIssued: { ru: 'издан приказ о закреплении пары', en: 'order issued' },
  meetingHeld: { ru: 'проведена встреча', en: 'meeting held' },
  programmeApproved: { ru: 'утверждены программа и план', en: 'programme approved' },
  planItemDone: { ru: 'выполнен пункт плана', en: 'plan item done' },
  feedbackSubmitted: { ru: 'получена анкета обратной связи', en: 'interim feedback submitted' },
  finalSurveySubmitted: { ru: 'получена итоговая анкета', en: 'final survey submitted' },
  extended: { ru: 'срок программы продлён', en: 'term extended' },
  planCorrected: { ru: 'план скорректирован', en: 'plan corrected' },
  formChanged: { ru: 'изменена форма наставничества', en: 'form changed' },
  mentorReplaced: { ru: 'наставник заменён', en: 'mentor replaced' },
  menteeAdded: { ru: 'в группу включён наставляемый', en: 'mentee added to the group' },
  menteeRemoved: { ru: 'наставляемый выбыл из группы', en: 'mentee left the group' },
  terminated: { ru: 'программа завершена досрочно', en: 'terminated early' },
  completed: { ru: 'программа завершена', en: 'completed' },
};

/**
 * Where a pair rule is evaluated: an atomic phase, or a group of phases
 * (`forming`: before the order; `running`: after it) for events a parent
 * state handles. A refusal's `event_not_allowed` names it.
 *
 * @category Pair machine
 * @example
 * const l: PairLocus = 'forming';
 */
export type PairLocus = PairPhase | 'forming' | 'running';
