import {
  type ConsentCause,
  type ConsentPurpose,
  consentCauseTexts,
  consentPurposeLabels,
  type IsoDate,
  type LocalizedText,
  monthNames,
  type ProgrammeStage,
  programmeStageLabels,
} from '@nastavnik/core';

const NBSP = '\u00a0';

/**
 * The reason of each finding, by code: ids, dates, counts and enum keys —
 * never a name. What a UI or a letter needs to say why, beyond the message.
 *
 * @category Attention
 * @example
 * const r: AttentionReasons['no_meeting'] = { days: 15, lastMeeting: '2026-11-22' };
 */
export interface AttentionReasons {
  /** Days since the last meeting (or, before the first, since the order); `lastMeeting` null before the first. */
  readonly no_meeting: { readonly days: number; readonly lastMeeting: IsoDate | null };
  readonly pause_proposed: { readonly days: number; readonly lastMeeting: IsoDate | null };
  readonly close_proposed: { readonly days: number; readonly lastMeeting: IsoDate | null };
  readonly plan_item_overdue: { readonly itemId: string; readonly due: IsoDate; readonly days: number };
  readonly programme_missing: { readonly orderDate: IsoDate; readonly days: number };
  readonly programme_end_passed: { readonly end: IsoDate; readonly days: number };
  readonly consent_missing: { readonly purpose: ConsentPurpose; readonly cause: ConsentCause };
  readonly consent_expiring: {
    readonly purpose: ConsentPurpose;
    readonly validUntil: IsoDate;
    readonly daysLeft: number;
  };
  /** The month of the interim survey (12 = December) and the last day of its window. */
  readonly feedback_survey_missing: { readonly month: number; readonly windowEnd: IsoDate };
  readonly final_survey_missing: { readonly finalMeeting: IsoDate; readonly days: number };
  readonly activity_overdue: {
    readonly activityId: string;
    readonly stage: ProgrammeStage;
    readonly deadline: IsoDate;
    readonly days: number;
  };
  readonly checkpoint_missed: { readonly checkpointId: string; readonly end: IsoDate; readonly days: number };
  readonly mentee_unpaired: { readonly days: number };
}

/**
 * The stable code of a finding: integrators switch on it; it never changes meaning.
 *
 * @category Attention
 * @example
 * const c: AttentionCode = 'no_meeting';
 */
export type AttentionCode = keyof AttentionReasons;

/** «15 дней» with a no-break space before the unit (the Russian plural of whole numbers, as CLDR's). */
function daysRu(n: number): string {
  const a = Math.abs(n);
  const ten = a % 10;
  const hundred = a % 100;
  const word =
    ten === 1 && hundred !== 11
      ? 'день'
      : ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)
        ? 'дня'
        : 'дней';
  return `${n}${NBSP}${word}`;
}
const daysEn = (n: number): string => `${n}${NBSP}${n === 1 ? 'day' : 'days'}`;
const purpose = (p: ConsentPurpose): LocalizedText => consentPurposeLabels[p];

type Texts = { readonly [C in AttentionCode]: (r: AttentionReasons[C]) => LocalizedText };

/**
 * Russian and English messages of every finding, by code, from the finding's
 * reason (ids, dates, counts; never names). Russian typography: «ёлочки» and
 * a no-break space before units.
 *
 * @category Attention
 * @example
 * attentionTexts.no_meeting({ days: 15, lastMeeting: '2026-11-22' }).ru; // 'Пара не встречалась 15 дней (последняя встреча 2026-11-22)'
 */
export const attentionTexts: Texts = {
  no_meeting: (r) => ({
    ru: `Пара не встречалась ${daysRu(r.days)}${r.lastMeeting === null ? ' (с даты приказа; встреч ещё не было)' : ` (последняя встреча ${r.lastMeeting})`}`,
    en: `The pair has not met for ${daysEn(r.days)}${r.lastMeeting === null ? ' (since the order; no meeting yet)' : ` (last meeting ${r.lastMeeting})`}`,
  }),
  pause_proposed: (r) => ({
    ru: `Пара не встречалась ${daysRu(r.days)}: предлагается приостановить работу пары или согласовать новый план`,
    en: `The pair has not met for ${daysEn(r.days)}: pause the pair or agree a new plan`,
  }),
  close_proposed: (r) => ({
    ru: `Пара не встречалась ${daysRu(r.days)}: предлагается досрочно завершить программу по инициативе куратора`,
    en: `The pair has not met for ${daysEn(r.days)}: close the programme early at the curator's initiative`,
  }),
  plan_item_overdue: (r) => ({
    ru: `Пункт плана ${r.itemId} просрочен на ${daysRu(r.days)} (срок ${r.due})`,
    en: `Plan item ${r.itemId} is ${daysEn(r.days)} overdue (due ${r.due})`,
  }),
  programme_missing: (r) => ({
    ru: `Пара утверждена приказом от ${r.orderDate}, но персонализированная программа не утверждена уже ${daysRu(r.days)}`,
    en: `The pair was approved by the order of ${r.orderDate}, but its personal programme has not been approved for ${daysEn(r.days)}`,
  }),
  programme_end_passed: (r) => ({
    ru: `Срок персонализированной программы истёк ${r.end} (${daysRu(r.days)} назад), а пара не завершена`,
    en: `The personal programme ended on ${r.end} (${daysEn(r.days)} ago) and the pair is not completed`,
  }),
  consent_missing: (r) => ({
    ru: `Нет действующего согласия «${purpose(r.purpose).ru}»: ${consentCauseTexts[r.cause].ru.toLowerCase()}`,
    en: `No consent in force for "${purpose(r.purpose).en}": ${consentCauseTexts[r.cause].en.toLowerCase()}`,
  }),
  consent_expiring: (r) => ({
    ru: `Согласие «${purpose(r.purpose).ru}» действует до ${r.validUntil}: осталось ${daysRu(r.daysLeft)}`,
    en: `The consent "${purpose(r.purpose).en}" is valid until ${r.validUntil}: ${daysEn(r.daysLeft)} left`,
  }),
  feedback_survey_missing: (r) => ({
    ru: `Не заполнена анкета обратной связи за ${monthNames.ru.nominative[r.month - 1]} (окно закрылось ${r.windowEnd})`,
    en: `The feedback survey of ${monthNames.en[r.month - 1]} is not filled (its window closed on ${r.windowEnd})`,
  }),
  final_survey_missing: (r) => ({
    ru: `Не заполнена итоговая анкета удовлетворённости: заключительная встреча была ${r.finalMeeting}, прошло ${daysRu(r.days)}`,
    en: `The final satisfaction survey is not filled: the final meeting was on ${r.finalMeeting}, ${daysEn(r.days)} ago`,
  }),
  activity_overdue: (r) => ({
    ru: `Мероприятие дорожной карты ${r.activityId} (этап «${programmeStageLabels[r.stage].ru}») просрочено на ${daysRu(r.days)} (срок ${r.deadline})`,
    en: `Roadmap activity ${r.activityId} (stage "${programmeStageLabels[r.stage].en}") is ${daysEn(r.days)} overdue (deadline ${r.deadline})`,
  }),
  checkpoint_missed: (r) => ({
    ru: `Мониторинг ${r.checkpointId} не проведён: окно закрылось ${r.end} (${daysRu(r.days)} назад)`,
    en: `Monitoring checkpoint ${r.checkpointId} was not held: its window closed on ${r.end} (${daysEn(r.days)} ago)`,
  }),
  mentee_unpaired: (r) => ({
    ru: `Наставляемый ${daysRu(r.days)} остаётся без наставника`,
    en: `The mentee has been without a mentor for ${daysEn(r.days)}`,
  }),
};

/**
 * What to do about each finding, by code: the sentence a digest prints under it.
 *
 * @category Attention
 * @example
 * attentionActions.mentee_unpaired.ru; // 'Организовать психолого-педагогическое сопровождение и продолжить поиск наставника (003, дорожная карта п. 6)'
 */
export const attentionActions: { readonly [C in AttentionCode]: LocalizedText } = {
  no_meeting: {
    ru: 'Связаться с наставником и наставляемым, назначить встречу',
    en: 'Contact the mentor and the mentee and schedule a meeting',
  },
  pause_proposed: {
    ru: 'Решить с парой: приостановить работу или скорректировать план (003 §7)',
    en: 'Decide with the pair: pause or correct the plan (003 §7)',
  },
  close_proposed: {
    ru: 'Рассмотреть досрочное завершение по инициативе куратора; наставляемому — поиск нового наставника (003 §7)',
    en: "Consider early completion at the curator's initiative; find the mentee a new mentor (003 §7)",
  },
  plan_item_overdue: {
    ru: 'Выполнить пункт плана или согласовать корректировку плана',
    en: 'Complete the plan item or agree a correction of the plan',
  },
  programme_missing: {
    ru: 'Разработать и утвердить персонализированную программу пары',
    en: "Draft and approve the pair's personal programme",
  },
  programme_end_passed: {
    ru: 'Провести заключительную встречу и завершить программу либо продлить её по взаимному согласию',
    en: 'Hold the final meeting and complete the programme, or extend it by mutual agreement',
  },
  consent_missing: {
    ru: 'Получить письменное согласие (за несовершеннолетнего — от родителя или законного представителя); до этого не обрабатывать данные',
    en: 'Obtain the written consent (for a minor, from a parent or guardian); do not process the data until then',
  },
  consent_expiring: {
    ru: 'Продлить согласие до окончания срока его действия',
    en: 'Renew the consent before it expires',
  },
  feedback_survey_missing: {
    ru: 'Напомнить заполнить анкету обратной связи',
    en: 'Remind the participant to fill in the feedback survey',
  },
  final_survey_missing: {
    ru: 'Напомнить заполнить итоговую анкету, чтобы завершить программу',
    en: 'Remind the participant to fill in the final survey so the programme can be completed',
  },
  activity_overdue: {
    ru: 'Провести мероприятие дорожной карты или перенести срок приказом',
    en: 'Carry out the roadmap activity or move its deadline by an order',
  },
  checkpoint_missed: {
    ru: 'Провести мониторинг и отразить его в отчёте куратора',
    en: "Hold the monitoring and record it in the curator's report",
  },
  mentee_unpaired: {
    ru: 'Организовать психолого-педагогическое сопровождение и продолжить поиск наставника (003, дорожная карта п. 6)',
    en: 'Arrange psychological and pedagogical support and keep looking for a mentor (003, roadmap item 6)',
  },
};
