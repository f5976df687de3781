import {
  consentPurposeLabels,
  type LocalizedText,
  meetingKindLabels,
  orderKindLabels,
  type ParticipantRole,
  ParticipantRoleSchema,
  participantRoleLabels,
  personCategoryLabels,
  programmeStageLabels,
  rolesInWords,
  type TermViolation,
  termIssue,
  terminationReasonLabels,
} from '@nastavnik/core';
import { pairEventLabels, pairPhaseLabels } from './labels';

/**
 * Why a pair machine refused an event. Stable codes: integrators switch on
 * them, and they never change meaning between releases.
 *
 * @category Refusals
 * @example
 * const code: PairRefusalCode = 'consents_incomplete';
 */
export type PairRefusalCode =
  | 'pair_closed'
  | 'event_not_allowed'
  | 'date_before_previous'
  | 'actor_mismatch'
  | 'not_authorized'
  | 'not_representative'
  | 'not_participant'
  | 'wrong_pair'
  | 'duplicate_consent'
  | 'unknown_consent'
  | 'consent_already_withdrawn'
  | 'consents_in_force'
  | 'consents_incomplete'
  | 'order_missing'
  | 'order_already_issued'
  | 'order_kind_mismatch'
  | 'duplicate_meeting'
  | 'meeting_out_of_sequence'
  | 'planning_meeting_missing'
  | 'programme_not_approved'
  | 'programme_already_approved'
  | 'plan_empty'
  | 'unknown_plan_item'
  | 'plan_item_already_done'
  | 'plan_item_outside_programme'
  | 'done_item_removed'
  | 'plan_not_done'
  | 'final_meeting_missing'
  | 'survey_already_submitted'
  | 'final_survey_missing'
  | 'mutual_agreement_required'
  | 'extension_not_later'
  | 'term_outside_policy'
  | 'same_mentor'
  | 'mentor_is_mentee'
  | 'replacement_order_required'
  | 'termination_initiator_mismatch'
  | 'pair_size_mismatch'
  | 'opening_meeting_missing'
  | 'too_few_meetings'
  | 'mentor_unfit_for_form'
  | 'last_mentee'
  | 'group_member_leaves'
  | 'already_participant'
  | 'membership_order_required'
  | 'plan_item_not_mentee';

/**
 * Why a programme machine refused an event.
 *
 * @category Refusals
 * @example
 * const code: ProgrammeRefusalCode = 'gate_deliverable_missing';
 */
export type ProgrammeRefusalCode =
  | 'programme_closed'
  | 'not_authorized'
  | 'date_before_previous'
  | 'unknown_activity'
  | 'activity_already_started'
  | 'activity_already_done'
  | 'stage_not_reached'
  | 'deliverable_missing'
  | 'stage_mismatch'
  | 'gate_deliverable_missing'
  | 'gate_activity_open'
  | 'activities_open'
  | 'unknown_checkpoint'
  | 'checkpoint_already_held'
  | 'checkpoint_too_early';

/**
 * Typed extras of a refusal: ids, dates, counts; never personal data.
 *
 * @category Refusals
 * @example
 * const p: RefusalParams = { remaining: 2 };
 */
export type RefusalParams = Readonly<Record<string, string | number | boolean>>;

/**
 * A refused event, as data: a stable `code`, a Russian `message` for people,
 * an English `messageEn` for logs and integrators, and typed `params` (ids,
 * dates, counts; never names or other personal data). A refusal is not an
 * error: the event was valid input, the rules of the seeds said no.
 *
 * @category Refusals
 * @example
 * const r = pairTransition(snapshot, orderEvent);
 * if (r.refused) console.log(r.refused.code, r.refused.message);
 */
export interface Refusal<C extends string = PairRefusalCode | ProgrammeRefusalCode> {
  readonly code: C;
  /** Russian text, for people. */
  readonly message: string;
  /** English text, for logs and integrators. */
  readonly messageEn: string;
  readonly params?: RefusalParams;
}

type Texts<C extends string> = { readonly [K in C]: (p: RefusalParams) => LocalizedText };

const s = (p: RefusalParams, key: string): string => String(p[key] ?? '');
// Look a param up in a label table (falls back to the raw value).
const l = (table: Readonly<Record<string, LocalizedText>>, p: RefusalParams, key: string): string =>
  table[s(p, key)]?.ru ?? s(p, key);
// The English label: an English refusal names things in words, never by an internal code.
const le = (table: Readonly<Record<string, LocalizedText>>, p: RefusalParams, key: string): string =>
  table[s(p, key)]?.en ?? s(p, key);
// A term refusal carries the violation's code, its rule and its params; the words are core's catalogue.
const termText = (p: RefusalParams): LocalizedText => {
  const issue = termIssue(
    {
      code: s(p, 'violation') as TermViolation['code'],
      rule: s(p, 'rule') as TermViolation['rule'],
      params: Object.fromEntries(
        Object.entries(p).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]),
      ),
    },
    [],
  );
  return { ru: `${issue.message} (${s(p, 'rule')})`, en: `${issue.messageEn} (${s(p, 'rule')})` };
};
// `required` is the comma-separated list of the roles that may record the event.
const notAuthorized = (p: RefusalParams): LocalizedText => {
  const roles = s(p, 'required')
    .split(', ')
    .filter((r): r is ParticipantRole => ParticipantRoleSchema.safeParse(r).success);
  const w = rolesInWords(roles);
  return roles.length === 0
    ? { ru: 'Это действие никому не разрешено', en: 'Nobody may record this action' }
    : { ru: `Это действие записывает ${w.ru}`, en: `This action is recorded by the ${w.en}` };
};
const consentCauseRu: Readonly<Record<string, LocalizedText>> = {
  consent_missing: { ru: 'нет согласия', en: 'no consent' },
  consent_withdrawn: { ru: 'согласие отозвано', en: 'the consent is withdrawn' },
  consent_expired: { ru: 'срок действия согласия истёк', en: 'the consent has expired' },
  minor_requires_parent_consent: {
    ru: 'для несовершеннолетнего нужно согласие родителя (законного представителя)',
    en: "a minor needs a parent's or guardian's consent",
  },
};

/**
 * Russian and English texts of every pair refusal, by code. Exposed so that a
 * UI can print the refusals table or re-render a stored refusal.
 *
 * @category Refusals
 * @example
 * pairRefusalTexts.plan_not_done({ remaining: 2 }).ru; // 'Индивидуальный план выполнен не полностью: осталось пунктов — 2'
 */
export const pairRefusalTexts: Texts<PairRefusalCode> = {
  pair_closed: () => ({
    ru: 'Персонализированная программа пары уже завершена: события больше не принимаются',
    en: "The pair's personal programme is closed: no more events are accepted",
  }),
  event_not_allowed: (p) => ({
    ru: `Событие «${l(pairEventLabels, p, 'event')}» недопустимо на этапе «${l(pairPhaseLabels, p, 'phase')}»`,
    en: `Event "${le(pairEventLabels, p, 'event')}" is not allowed in phase "${le(pairPhaseLabels, p, 'phase')}"`,
  }),
  date_before_previous: (p) => ({
    ru: `Дата события (${s(p, 'date')}) раньше даты предыдущего события (${s(p, 'previous')})`,
    en: `The event's date (${s(p, 'date')}) is before the previous event's date (${s(p, 'previous')})`,
  }),
  actor_mismatch: (p) => ({
    ru: `Указанный участник (${s(p, 'id')}) не является ${p.role === 'mentor' ? 'наставником' : 'наставляемым'} этой пары`,
    en: `The given participant (${s(p, 'id')}) is not a ${s(p, 'role')} of this pair`,
  }),
  not_authorized: notAuthorized,
  term_outside_policy: (p) => termText(p),
  pair_size_mismatch: (p) =>
    p.format === 'group'
      ? {
          ru: `В группе два наставляемых или больше (003 §2.3), а не ${s(p, 'mentees')}`,
          en: `A group has two or more mentees (003 §2.3), not ${s(p, 'mentees')}`,
        }
      : {
          ru: `В паре «один на один» ровно один наставляемый (003 §2.3), а не ${s(p, 'mentees')}: для группы нужен вид «в группе»`,
          en: `A one-to-one pair has exactly one mentee (003 §2.3), not ${s(p, 'mentees')}: a group needs the group format`,
        },
  opening_meeting_missing: (p) => ({
    ru: `До приказа о закреплении пары проводится ${l(meetingKindLabels, p, 'expected')} (001 5.2–5.3)`,
    en: `Before the order approving the pair, the ${s(p, 'expected')} meeting is held (001 5.2–5.3)`,
  }),
  too_few_meetings: (p) => ({
    ru: `До заключительной встречи нужно регулярных встреч: ${s(p, 'minimum')} (проведено ${s(p, 'held')})`,
    en: `Regular meetings needed before the final one: ${s(p, 'minimum')} (held: ${s(p, 'held')})`,
  }),
  mentor_unfit_for_form: (p) => ({
    ru: `Новый наставник (${l(personCategoryLabels, p, 'category')}) не подходит для формы наставничества «${s(p, 'form')}»`,
    en: `The new mentor (${s(p, 'category')}) does not fit the form "${s(p, 'form')}"`,
  }),
  last_mentee: () => ({
    ru: 'Это последний наставляемый: завершите программу досрочно (003 §7.1), а не исключайте его',
    en: 'This is the last mentee: terminate the programme early (003 §7.1) instead',
  }),
  group_member_leaves: () => ({
    ru: 'В группе наставляемый выбывает сам (событие «наставляемый выбыл»), остальные продолжают работу',
    en: 'In a group one mentee leaves (menteeRemoved) and the others go on',
  }),
  already_participant: (p) => ({
    ru: `Лицо ${s(p, 'personId')} уже участвует в этой паре (группе)`,
    en: `Person ${s(p, 'personId')} already takes part in this pair (group)`,
  }),
  membership_order_required: () => ({
    ru: 'Состав утверждённой группы меняется приказом руководителя (003 §6.2)',
    en: "An approved group's membership changes by the head's order (003 §6.2)",
  }),
  plan_item_not_mentee: (p) => ({
    ru: `Пункт плана ${s(p, 'itemId')} закреплён за лицом, которое не является наставляемым группы`,
    en: `Plan item ${s(p, 'itemId')} belongs to someone who is not a mentee of the group`,
  }),
  not_representative: () => ({
    ru: 'Родитель (законный представитель) действует только за несовершеннолетнего наставляемого этой пары',
    en: 'A parent or legal representative acts only for a minor mentee of this pair',
  }),
  not_participant: (p) => ({
    ru: `Лицо ${s(p, 'personId')} не участвует в этой паре (группе)`,
    en: `Person ${s(p, 'personId')} is not a participant of this pair (group)`,
  }),
  wrong_pair: (p) => ({
    ru: `Документ относится к другой паре (${s(p, 'pairId')})`,
    en: `The document belongs to another pair (${s(p, 'pairId')})`,
  }),
  duplicate_consent: (p) => ({
    ru: `Согласие ${s(p, 'consentId')} уже зарегистрировано`,
    en: `Consent ${s(p, 'consentId')} is already recorded`,
  }),
  unknown_consent: (p) => ({
    ru: `Согласие ${s(p, 'consentId')} не найдено`,
    en: `Consent ${s(p, 'consentId')} is not recorded`,
  }),
  consent_already_withdrawn: (p) => ({
    ru: `Согласие ${s(p, 'consentId')} уже отозвано`,
    en: `Consent ${s(p, 'consentId')} is already withdrawn`,
  }),
  consents_in_force: () => ({
    ru: 'Все необходимые согласия участников действуют: завершение в связи с отзывом согласия невозможно',
    en: 'Every required consent is in force: the pair cannot end for a withdrawn consent',
  }),
  consents_incomplete: (p) => ({
    ru: `Нет необходимых письменных согласий: ${s(p, 'personId')} — «${l(consentPurposeLabels, p, 'purpose')}» (${l(consentCauseRu, p, 'cause')})`,
    en: `Written consents are incomplete: ${s(p, 'personId')} — "${le(consentPurposeLabels, p, 'purpose')}" (${le(consentCauseRu, p, 'cause')})`,
  }),
  order_missing: () => ({
    ru: 'Пара ещё не утверждена приказом руководителя',
    en: 'The pair is not yet approved by an order of the head',
  }),
  order_already_issued: () => ({
    ru: 'Пара уже утверждена приказом',
    en: 'The pair is already approved by an order',
  }),
  order_kind_mismatch: (p) => ({
    ru: `Нужен приказ вида «${l(orderKindLabels, p, 'expected')}»`,
    en: `An order of kind "${le(orderKindLabels, p, 'expected')}" is required`,
  }),
  duplicate_meeting: (p) => ({
    ru: `Встреча ${s(p, 'meetingId')} уже зарегистрирована`,
    en: `Meeting ${s(p, 'meetingId')} is already recorded`,
  }),
  meeting_out_of_sequence: (p) => ({
    ru: `Нарушена последовательность встреч: ожидается ${l(meetingKindLabels, p, 'expected')}, а не ${l(meetingKindLabels, p, 'got')}`,
    en: `Meetings out of sequence: expected ${le(meetingKindLabels, p, 'expected')}, got ${le(meetingKindLabels, p, 'got')}`,
  }),
  planning_meeting_missing: () => ({
    ru: 'Персонализированная программа утверждается после встречи-планирования',
    en: 'The personal programme is approved after the planning meeting',
  }),
  programme_not_approved: () => ({
    ru: 'Персонализированная программа и план ещё не утверждены',
    en: 'The personal programme and its plan are not yet approved',
  }),
  programme_already_approved: () => ({
    ru: 'Персонализированная программа уже утверждена; изменения — только по обоюдному согласию',
    en: 'The personal programme is already approved; changes only by mutual agreement',
  }),
  plan_empty: () => ({
    ru: 'В индивидуальном плане нет ни одного пункта',
    en: 'The individual plan has no items',
  }),
  unknown_plan_item: (p) => ({
    ru: `Пункта ${s(p, 'itemId')} нет в индивидуальном плане`,
    en: `Item ${s(p, 'itemId')} is not in the individual plan`,
  }),
  plan_item_already_done: (p) => ({
    ru: `Пункт ${s(p, 'itemId')} уже выполнен`,
    en: `Item ${s(p, 'itemId')} is already done`,
  }),
  plan_item_outside_programme: (p) => ({
    ru: `Срок пункта ${s(p, 'itemId')} выходит за сроки программы (${s(p, 'start')} — ${s(p, 'end')})`,
    en: `Item ${s(p, 'itemId')} is due outside the programme's term (${s(p, 'start')} — ${s(p, 'end')})`,
  }),
  done_item_removed: (p) => ({
    ru: `Корректировка плана не может удалить выполненный пункт ${s(p, 'itemId')}`,
    en: `A plan correction cannot remove the done item ${s(p, 'itemId')}`,
  }),
  plan_not_done: (p) => ({
    ru: `Индивидуальный план выполнен не полностью: осталось пунктов — ${s(p, 'remaining')}`,
    en: `The individual plan is not fully done: items left — ${s(p, 'remaining')}`,
  }),
  final_meeting_missing: () => ({
    ru: 'Заключительная встреча ещё не проведена',
    en: 'The final meeting has not been held',
  }),
  survey_already_submitted: (p) => ({
    ru: `Итоговая анкета участника ${s(p, 'personId')} уже получена`,
    en: `The final survey of ${s(p, 'personId')} is already in`,
  }),
  final_survey_missing: (p) => ({
    ru: `Не получены итоговые анкеты: ${s(p, 'missing')}`,
    en: `Final surveys missing: ${s(p, 'missing')}`,
  }),
  mutual_agreement_required: (p) => ({
    ru: `Нужно обоюдное согласие наставника и наставляемых (нет согласия: ${s(p, 'missing')})`,
    en: `Mutual agreement of the mentor and the mentees is required (missing: ${s(p, 'missing')})`,
  }),
  extension_not_later: (p) => ({
    ru: `Продление должно переносить окончание программы позже ${s(p, 'end')}`,
    en: `An extension must move the end later than ${s(p, 'end')}`,
  }),
  same_mentor: () => ({
    ru: 'Новый наставник совпадает с текущим',
    en: 'The new mentor is the current mentor',
  }),
  mentor_is_mentee: (p) => ({
    ru: `Лицо ${s(p, 'personId')} — наставляемый этой пары и не может стать её наставником`,
    en: `Person ${s(p, 'personId')} is a mentee of this pair and cannot become its mentor`,
  }),
  replacement_order_required: () => ({
    ru: 'Замена наставника в утверждённой паре оформляется приказом о замене наставника',
    en: 'Replacing the mentor of an approved pair requires an order on replacing the mentor',
  }),
  termination_initiator_mismatch: (p) => ({
    ru: `Основание «${l(terminationReasonLabels, p, 'reason')}» не соответствует инициатору (${l(participantRoleLabels, p, 'role')})`,
    en: `Reason "${le(terminationReasonLabels, p, 'reason')}" does not match the initiator (${le(participantRoleLabels, p, 'role')})`,
  }),
};

/**
 * Russian and English texts of every programme refusal, by code.
 *
 * @category Refusals
 * @example
 * programmeRefusalTexts.stage_mismatch({ expected: 'menteeBase', got: 'pairWork' }).en;
 */
export const programmeRefusalTexts: Texts<ProgrammeRefusalCode> = {
  programme_closed: () => ({
    ru: 'Цикл программы наставничества завершён: события больше не принимаются',
    en: 'The programme cycle is closed: no more events are accepted',
  }),
  not_authorized: notAuthorized,
  date_before_previous: (p) => ({
    ru: `Дата события (${s(p, 'date')}) раньше даты предыдущего события (${s(p, 'previous')})`,
    en: `The event's date (${s(p, 'date')}) is before the previous event's date (${s(p, 'previous')})`,
  }),
  unknown_activity: (p) => ({
    ru: `Мероприятия ${s(p, 'activityId')} нет в дорожной карте`,
    en: `Activity ${s(p, 'activityId')} is not in the roadmap`,
  }),
  activity_already_started: (p) => ({
    ru: `Мероприятие ${s(p, 'activityId')} уже начато`,
    en: `Activity ${s(p, 'activityId')} is already in progress`,
  }),
  activity_already_done: (p) => ({
    ru: `Мероприятие ${s(p, 'activityId')} уже выполнено`,
    en: `Activity ${s(p, 'activityId')} is already done`,
  }),
  stage_not_reached: (p) => ({
    ru: `Этап «${l(programmeStageLabels, p, 'stage')}» ещё не начат (текущий этап — «${l(programmeStageLabels, p, 'current')}»)`,
    en: `Stage "${le(programmeStageLabels, p, 'stage')}" is not reached yet (current: "${le(programmeStageLabels, p, 'current')}")`,
  }),
  deliverable_missing: (p) => ({
    ru: `Мероприятие ${s(p, 'activityId')} не выполнено без результата «${s(p, 'kind')}»`,
    en: `Activity ${s(p, 'activityId')} is not done without its deliverable "${s(p, 'kind')}"`,
  }),
  stage_mismatch: (p) => ({
    ru: `Завершить можно только текущий этап «${l(programmeStageLabels, p, 'expected')}»`,
    en: `Only the current stage "${le(programmeStageLabels, p, 'expected')}" can be completed (got "${le(programmeStageLabels, p, 'got')}")`,
  }),
  gate_deliverable_missing: (p) => ({
    ru: `Этап «${l(programmeStageLabels, p, 'stage')}» не завершить без документа «${s(p, 'kind')}»`,
    en: `Stage "${le(programmeStageLabels, p, 'stage')}" cannot be completed without the deliverable "${s(p, 'kind')}"`,
  }),
  gate_activity_open: (p) => ({
    ru: `Этап «${l(programmeStageLabels, p, 'stage')}» не завершить: не выполнено мероприятие ${s(p, 'activityId')}`,
    en: `Stage "${le(programmeStageLabels, p, 'stage')}" cannot be completed: activity ${s(p, 'activityId')} is not done`,
  }),
  activities_open: (p) => ({
    ru: `Цикл не завершить: не выполнены мероприятия дорожной карты — ${s(p, 'count')} (${s(p, 'ids')})`,
    en: `The cycle cannot be closed: roadmap activities not done — ${s(p, 'count')} (${s(p, 'ids')})`,
  }),
  unknown_checkpoint: (p) => ({
    ru: `Контрольной точки мониторинга ${s(p, 'checkpointId')} нет в программе`,
    en: `Monitoring checkpoint ${s(p, 'checkpointId')} is not in the programme`,
  }),
  checkpoint_already_held: (p) => ({
    ru: `Мониторинг ${s(p, 'checkpointId')} уже проведён`,
    en: `Monitoring checkpoint ${s(p, 'checkpointId')} is already held`,
  }),
  checkpoint_too_early: (p) => ({
    ru: `Мониторинг ${s(p, 'checkpointId')} проводится не раньше ${s(p, 'from')}`,
    en: `Monitoring checkpoint ${s(p, 'checkpointId')} is held no earlier than ${s(p, 'from')}`,
  }),
};

/** Build a refusal from a texts table (not exported from the package). */
export function makeRefusal<C extends string>(texts: Texts<C>, code: C, params?: RefusalParams): Refusal<C> {
  const t = texts[code](params ?? {});
  return params ? { code, message: t.ru, messageEn: t.en, params } : { code, message: t.ru, messageEn: t.en };
}
