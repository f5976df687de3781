import { rolesInWords } from '../authority';
import {
  consentPurposeLabels,
  meetingKindLabels,
  orderKindLabels,
  type ParticipantRole,
  participantRoleLabels,
  personCategoryLabels,
  programmeStageLabels,
  terminationReasonLabels,
} from '../enums';
import type { IssueParams } from '../issueParams';
import type { Lang, LocalizedText } from '../labels';
import { pairEventLabels, pairPhaseLabels } from '../pairLabels';
import type { DeliverableKind } from '../roadmap';
import type { IssueMessages } from './registry';
import { id, isoDate, num } from './safe';

// The refusals of the pair and programme machines: a valid event that a rule of the seeds turns
// down. Every enum key is named in words in both languages (an English text never shows an
// internal code); ids, dates and counts go through the same guards as every other message.

type Words = Readonly<Record<string, LocalizedText>>;

/** A key's words in a language, or nothing when the key is not in the table (a wrong cast). */
function word(table: Words, key: string | undefined, lang: Lang): string {
  return key !== undefined && Object.hasOwn(table, key) ? (table[key]?.[lang] ?? '') : '';
}

/** A comma-separated list of ids, each checked like any id; anything else shows as «…». */
function idList(list: string | undefined): string {
  return (list ?? '')
    .split(',')
    .map((x) => id(x.trim()) || '…')
    .join(', ');
}

const locusWords: Words = {
  ...pairPhaseLabels,
  forming: { ru: 'формирование пары', en: 'forming the pair' },
  running: { ru: 'работа пары', en: 'the pair at work' },
};

const stageWords: Words = {
  ...programmeStageLabels,
  closed: { ru: 'цикл завершён', en: 'the cycle is closed' },
};

const consentCauseWords: Words = {
  consent_missing: { ru: 'нет согласия', en: 'no consent' },
  consent_withdrawn: { ru: 'согласие отозвано', en: 'the consent is withdrawn' },
  consent_expired: { ru: 'срок действия согласия истёк', en: 'the consent has expired' },
  minor_requires_parent_consent: {
    ru: 'для несовершеннолетнего нужно согласие родителя (законного представителя)',
    en: "a minor needs a parent's or guardian's consent",
  },
};

const deliverableWords: { readonly [K in DeliverableKind]: LocalizedText } = {
  regulation: { ru: 'положение о наставничестве', en: 'mentoring regulation' },
  roadmap: { ru: 'дорожная карта', en: 'roadmap' },
  introduceOrder: { ru: 'приказ о внедрении наставничества', en: 'order introducing mentoring' },
  curatorOrder: { ru: 'приказ о назначении куратора', en: 'order appointing the curator' },
  pairsOrder: { ru: 'приказ о закреплении пар', en: 'order approving the pairs' },
  plansOrder: { ru: 'приказ об утверждении планов', en: 'order approving the plans' },
  competitionOrder: { ru: 'приказ об итогах конкурса', en: 'order on the competition results' },
  menteeRegistry: { ru: 'реестр наставляемых', en: 'mentee registry' },
  mentorRegistry: { ru: 'реестр наставников', en: 'mentor registry' },
  curatorRegistry: { ru: 'реестр кураторов', en: 'curator registry' },
  surveyResults: { ru: 'результаты анкетирования', en: 'survey results' },
  consents: { ru: 'согласия на обработку персональных данных', en: 'consents to personal data processing' },
  trainingPlan: { ru: 'программа обучения наставников', en: 'mentor training plan' },
  trainingCompleted: { ru: 'обучение наставников пройдено', en: 'mentor training completed' },
  personalProgrammes: { ru: 'персонализированные программы', en: 'personal programmes' },
  monitoringReport: { ru: 'отчёт о мониторинге', en: 'monitoring report' },
  finalReport: { ru: 'итоговый отчёт', en: 'final report' },
  practiceBank: { ru: 'база наставнических практик', en: 'bank of mentoring practices' },
  publication: { ru: 'публикация', en: 'publication' },
  event: { ru: 'мероприятие', en: 'event' },
  minutes: { ru: 'протокол', en: 'minutes' },
  methodicalMaterials: { ru: 'методические материалы', en: 'methodological materials' },
  other: { ru: 'иной результат', en: 'other deliverable' },
};

/** The roles of a comma-separated list, in words («руководитель или исполняющий обязанности руководителя»). */
function roles(p: IssueParams['not_authorized']): readonly ParticipantRole[] {
  return (p.required ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r): r is ParticipantRole => Object.hasOwn(participantRoleLabels, r));
}

// «участника p-7» only when there is an id to print.
const person = (value: string | undefined, ru: string): string => (id(value) ? `${ru} ${id(value)}` : ru);

/**
 * The Russian messages of the machines' refusals (spread into the Russian catalogue).
 *
 * @internal
 */
export const refusalMessagesRu = {
  pair_closed: () => 'Персонализированная программа пары уже завершена: события больше не принимаются',
  programme_closed: () => 'Цикл программы наставничества завершён: события больше не принимаются',
  event_not_allowed: (p) => {
    const event = word(pairEventLabels, p.event, 'ru');
    const phase = word(locusWords, p.phase, 'ru');
    return event && phase
      ? `Событие «${event}» недопустимо на этапе «${phase}»`
      : 'Событие недопустимо на этом этапе жизни пары';
  },
  date_before_previous: (p) =>
    isoDate(p.date) && isoDate(p.previous)
      ? `Дата события (${isoDate(p.date)}) раньше даты предыдущего события (${isoDate(p.previous)})`
      : 'Дата события раньше даты предыдущего события',
  actor_mismatch: (p) => {
    const who = id(p.id) ? `Указанный участник (${id(p.id)})` : 'Указанный участник';
    const role = word(participantRoleLabels, p.role, 'ru');
    return role ? `${who} не выступает в этой паре в роли «${role}»` : `${who} не участвует в этой паре`;
  },
  not_authorized: (p) => {
    const r = roles(p);
    return r.length === 0
      ? 'Это действие никому не разрешено'
      : `Это действие записывает ${rolesInWords(r).ru}`;
  },
  not_representative: () =>
    'Родитель (законный представитель) действует только за несовершеннолетнего наставляемого этой пары',
  not_participant: (p) => `${person(p.personId, 'Лицо')} не участвует в этой паре (группе)`,
  wrong_pair: (p) =>
    id(p.pairId) ? `Документ относится к другой паре (${id(p.pairId)})` : 'Документ относится к другой паре',
  duplicate_consent: (p) => `${person(p.consentId, 'Согласие')} уже зарегистрировано`,
  unknown_consent: (p) => `${person(p.consentId, 'Согласие')} не найдено`,
  consent_already_withdrawn: (p) => `${person(p.consentId, 'Согласие')} уже отозвано`,
  consents_in_force: () =>
    'Все необходимые согласия участников действуют: завершение в связи с отзывом согласия невозможно',
  consents_incomplete: (p) => {
    const parts = [
      id(p.personId),
      word(consentPurposeLabels, p.purpose, 'ru') && `«${word(consentPurposeLabels, p.purpose, 'ru')}»`,
    ].filter(Boolean);
    const cause = word(consentCauseWords, p.cause, 'ru');
    return `Нет необходимых письменных согласий${parts.length > 0 ? `: ${parts.join(' — ')}` : ''}${cause ? ` (${cause})` : ''}`;
  },
  order_missing: () => 'Пара ещё не утверждена приказом руководителя',
  order_already_issued: () => 'Пара уже утверждена приказом',
  order_kind_mismatch: (p) =>
    word(orderKindLabels, p.expected, 'ru')
      ? `Нужен приказ вида «${word(orderKindLabels, p.expected, 'ru')}»`
      : 'Нужен приказ другого вида',
  duplicate_meeting: (p) => `${person(p.meetingId, 'Встреча')} уже зарегистрирована`,
  meeting_out_of_sequence: (p) => {
    const expected = word(meetingKindLabels, p.expected, 'ru');
    const got = word(meetingKindLabels, p.got, 'ru');
    return expected && got
      ? `Нарушена последовательность встреч: ожидается ${expected}, а не ${got}`
      : 'Нарушена последовательность встреч';
  },
  planning_meeting_missing: () => 'Персонализированная программа утверждается после встречи-планирования',
  programme_not_approved: () => 'Персонализированная программа и план ещё не утверждены',
  programme_already_approved: () =>
    'Персонализированная программа уже утверждена; изменения — только по обоюдному согласию',
  plan_empty: () => 'В индивидуальном плане нет ни одного пункта',
  unknown_plan_item: (p) =>
    id(p.itemId)
      ? `Пункта ${id(p.itemId)} нет в индивидуальном плане`
      : 'Такого пункта нет в индивидуальном плане',
  plan_item_already_done: (p) => `${person(p.itemId, 'Пункт')} уже выполнен`,
  done_item_removed: (p) =>
    `Корректировка плана не может удалить выполненный пункт${id(p.itemId) ? ` ${id(p.itemId)}` : ''}`,
  plan_not_done: (p) =>
    `Индивидуальный план выполнен не полностью: осталось пунктов — ${num(p.remaining) || 'несколько'}`,
  final_meeting_missing: () => 'Заключительная встреча ещё не проведена',
  survey_already_submitted: (p) =>
    `Итоговая анкета ${id(p.personId) ? `участника ${id(p.personId)}` : 'этого участника'} уже получена`,
  final_survey_missing: (p) => `Не получены итоговые анкеты: ${idList(p.missing)}`,
  mutual_agreement_required: (p) =>
    `Нужно обоюдное согласие наставника и наставляемых${num(p.missing) ? ` (нет согласия: ${num(p.missing)})` : ''}`,
  extension_not_later: (p) =>
    isoDate(p.end)
      ? `Продление должно переносить окончание программы позже ${isoDate(p.end)}`
      : 'Продление должно переносить окончание программы на более позднюю дату',
  same_mentor: () => 'Новый наставник совпадает с текущим',
  mentor_is_mentee: (p) =>
    `${person(p.personId, 'Лицо')} — наставляемый этой пары и не может стать её наставником`,
  replacement_order_required: () =>
    'Замена наставника в утверждённой паре оформляется приказом о замене наставника',
  termination_initiator_mismatch: (p) => {
    const reason = word(terminationReasonLabels, p.reason, 'ru');
    const role = word(participantRoleLabels, p.role, 'ru');
    return reason && role
      ? `Основание «${reason}» не соответствует инициатору (${role})`
      : 'Основание досрочного завершения не соответствует инициатору';
  },
  opening_meeting_missing: (p) =>
    word(meetingKindLabels, p.expected, 'ru')
      ? `До приказа о закреплении пары проводится ${word(meetingKindLabels, p.expected, 'ru')} (001 5.2–5.3)`
      : 'До приказа о закреплении пары проводятся первые встречи (001 5.2–5.3)',
  too_few_meetings: (p) =>
    `До заключительной встречи нужно регулярных встреч: ${num(p.minimum)} (проведено ${num(p.held) || '0'})`,
  mentor_unfit_for_form: (p) =>
    word(personCategoryLabels, p.category, 'ru')
      ? `Новый наставник (${word(personCategoryLabels, p.category, 'ru')}) не подходит для формы наставничества пары`
      : 'Новый наставник не подходит для формы наставничества пары',
  last_mentee: () =>
    'Это последний наставляемый: завершите программу досрочно (003 §7.1), а не исключайте его',
  group_member_leaves: () =>
    'В группе наставляемый выбывает сам (событие «наставляемый выбыл»), остальные продолжают работу',
  already_participant: (p) => `${person(p.personId, 'Лицо')} уже участвует в этой паре (группе)`,
  membership_order_required: () => 'Состав утверждённой группы меняется приказом руководителя (003 §6.2)',
  plan_item_not_mentee: (p) =>
    `Пункт плана${id(p.itemId) ? ` ${id(p.itemId)}` : ''} закреплён за лицом, которое не является наставляемым группы`,
  unknown_activity: (p) =>
    id(p.activityId)
      ? `Мероприятия ${id(p.activityId)} нет в дорожной карте`
      : 'Мероприятия нет в дорожной карте',
  activity_already_started: (p) => `${person(p.activityId, 'Мероприятие')} уже начато`,
  activity_already_done: (p) => `${person(p.activityId, 'Мероприятие')} уже выполнено`,
  stage_not_reached: (p) => {
    const stage = word(stageWords, p.stage, 'ru');
    const current = word(stageWords, p.current, 'ru');
    return stage && current
      ? `Этап «${stage}» ещё не начат (текущий этап — «${current}»)`
      : 'Этап программы ещё не начат';
  },
  deliverable_missing: (p) =>
    `${person(p.activityId, 'Мероприятие')} не выполнено без результата${word(deliverableWords, p.kind, 'ru') ? ` «${word(deliverableWords, p.kind, 'ru')}»` : ''}`,
  stage_mismatch: (p) =>
    word(stageWords, p.expected, 'ru')
      ? `Завершить можно только текущий этап «${word(stageWords, p.expected, 'ru')}»`
      : 'Завершить можно только текущий этап',
  gate_deliverable_missing: (p) => {
    const stage = word(stageWords, p.stage, 'ru');
    const kind = word(deliverableWords, p.kind, 'ru');
    return `${stage ? `Этап «${stage}»` : 'Этап'} не завершить без документа${kind ? ` «${kind}»` : ''}`;
  },
  gate_activity_open: (p) => {
    const stage = word(stageWords, p.stage, 'ru');
    return `${stage ? `Этап «${stage}»` : 'Этап'} не завершить: не выполнено мероприятие${id(p.activityId) ? ` ${id(p.activityId)}` : ''}`;
  },
  activities_open: (p) =>
    `Цикл не завершить: не выполнены мероприятия дорожной карты — ${num(p.count)} (${idList(p.ids)})`,
  unknown_checkpoint: (p) =>
    `Контрольной точки мониторинга${id(p.checkpointId) ? ` ${id(p.checkpointId)}` : ''} нет в программе`,
  checkpoint_already_held: (p) =>
    `Мониторинг${id(p.checkpointId) ? ` ${id(p.checkpointId)}` : ''} уже проведён`,
  checkpoint_too_early: (p) =>
    `Мониторинг${id(p.checkpointId) ? ` ${id(p.checkpointId)}` : ''} проводится не раньше ${isoDate(p.from) || 'начала своего окна'}`,
} satisfies Partial<IssueMessages>;

/**
 * The English messages of the machines' refusals (spread into the English catalogue).
 *
 * @internal
 */
export const refusalMessagesEn = {
  pair_closed: () => "The pair's personal programme is closed: no more events are accepted",
  programme_closed: () => 'The programme cycle is closed: no more events are accepted',
  event_not_allowed: (p) => {
    const event = word(pairEventLabels, p.event, 'en');
    const phase = word(locusWords, p.phase, 'en');
    return event && phase
      ? `Event "${event}" is not allowed in phase "${phase}"`
      : "The event is not allowed in this phase of the pair's life";
  },
  date_before_previous: (p) =>
    isoDate(p.date) && isoDate(p.previous)
      ? `The event's date (${isoDate(p.date)}) is before the previous event's date (${isoDate(p.previous)})`
      : "The event's date is before the previous event's date",
  actor_mismatch: (p) => {
    const who = id(p.id) ? `The given participant (${id(p.id)})` : 'The given participant';
    const role = word(participantRoleLabels, p.role, 'en');
    return role ? `${who} is not the ${role} of this pair` : `${who} does not take part in this pair`;
  },
  not_authorized: (p) => {
    const r = roles(p);
    return r.length === 0
      ? 'Nobody may record this action'
      : `This action is recorded by the ${rolesInWords(r).en}`;
  },
  not_representative: () => 'A parent or legal representative acts only for a minor mentee of this pair',
  not_participant: (p) => `${person(p.personId, 'Person')} is not a participant of this pair (group)`,
  wrong_pair: (p) =>
    id(p.pairId)
      ? `The document belongs to another pair (${id(p.pairId)})`
      : 'The document belongs to another pair',
  duplicate_consent: (p) => `${person(p.consentId, 'Consent')} is already recorded`,
  unknown_consent: (p) => `${person(p.consentId, 'Consent')} is not recorded`,
  consent_already_withdrawn: (p) => `${person(p.consentId, 'Consent')} is already withdrawn`,
  consents_in_force: () => 'Every required consent is in force: the pair cannot end for a withdrawn consent',
  consents_incomplete: (p) => {
    const parts = [
      id(p.personId),
      word(consentPurposeLabels, p.purpose, 'en') && `"${word(consentPurposeLabels, p.purpose, 'en')}"`,
    ].filter(Boolean);
    const cause = word(consentCauseWords, p.cause, 'en');
    return `Written consents are incomplete${parts.length > 0 ? `: ${parts.join(' — ')}` : ''}${cause ? ` (${cause})` : ''}`;
  },
  order_missing: () => 'The pair is not yet approved by an order of the head',
  order_already_issued: () => 'The pair is already approved by an order',
  order_kind_mismatch: (p) =>
    word(orderKindLabels, p.expected, 'en')
      ? `An order of kind "${word(orderKindLabels, p.expected, 'en')}" is required`
      : 'An order of another kind is required',
  duplicate_meeting: (p) => `${person(p.meetingId, 'Meeting')} is already recorded`,
  meeting_out_of_sequence: (p) => {
    const expected = word(meetingKindLabels, p.expected, 'en');
    const got = word(meetingKindLabels, p.got, 'en');
    return expected && got
      ? `Meetings out of sequence: expected ${expected}, got ${got}`
      : 'Meetings out of sequence';
  },
  planning_meeting_missing: () => 'The personal programme is approved after the planning meeting',
  programme_not_approved: () => 'The personal programme and its plan are not yet approved',
  programme_already_approved: () =>
    'The personal programme is already approved; changes only by mutual agreement',
  plan_empty: () => 'The individual plan has no items',
  unknown_plan_item: (p) =>
    id(p.itemId)
      ? `Item ${id(p.itemId)} is not in the individual plan`
      : 'No such item in the individual plan',
  plan_item_already_done: (p) => `${person(p.itemId, 'Item')} is already done`,
  done_item_removed: (p) =>
    `A plan correction cannot remove the done item${id(p.itemId) ? ` ${id(p.itemId)}` : ''}`,
  plan_not_done: (p) => `The individual plan is not fully done: items left — ${num(p.remaining) || 'some'}`,
  final_meeting_missing: () => 'The final meeting has not been held',
  survey_already_submitted: (p) =>
    `The final survey of ${id(p.personId) ? `participant ${id(p.personId)}` : 'this participant'} is already in`,
  final_survey_missing: (p) => `Final surveys missing: ${idList(p.missing)}`,
  mutual_agreement_required: (p) =>
    `Mutual agreement of the mentor and the mentees is required${num(p.missing) ? ` (not agreed: ${num(p.missing)})` : ''}`,
  extension_not_later: (p) =>
    isoDate(p.end)
      ? `An extension must move the end later than ${isoDate(p.end)}`
      : "An extension must move the programme's end to a later date",
  same_mentor: () => 'The new mentor is the current mentor',
  mentor_is_mentee: (p) =>
    `${person(p.personId, 'Person')} is a mentee of this pair and cannot become its mentor`,
  replacement_order_required: () =>
    'Replacing the mentor of an approved pair requires an order on replacing the mentor',
  termination_initiator_mismatch: (p) => {
    const reason = word(terminationReasonLabels, p.reason, 'en');
    const role = word(participantRoleLabels, p.role, 'en');
    return reason && role
      ? `Reason "${reason}" does not match the initiator (${role})`
      : 'The reason for early termination does not match the initiator';
  },
  opening_meeting_missing: (p) =>
    word(meetingKindLabels, p.expected, 'en')
      ? `Before the order approving the pair, the ${word(meetingKindLabels, p.expected, 'en')} is held (001 5.2–5.3)`
      : 'Before the order approving the pair, the first meetings are held (001 5.2–5.3)',
  too_few_meetings: (p) =>
    `Regular meetings needed before the final one: ${num(p.minimum)} (held: ${num(p.held) || '0'})`,
  mentor_unfit_for_form: (p) =>
    word(personCategoryLabels, p.category, 'en')
      ? `The new mentor (${word(personCategoryLabels, p.category, 'en')}) does not fit the pair's form of mentoring`
      : "The new mentor does not fit the pair's form of mentoring",
  last_mentee: () => 'This is the last mentee: terminate the programme early (003 §7.1) instead',
  group_member_leaves: () => 'In a group one mentee leaves (the "mentee left" event) and the others go on',
  already_participant: (p) => `${person(p.personId, 'Person')} already takes part in this pair (group)`,
  membership_order_required: () => "An approved group's membership changes by the head's order (003 §6.2)",
  plan_item_not_mentee: (p) =>
    `Plan item${id(p.itemId) ? ` ${id(p.itemId)}` : ''} belongs to someone who is not a mentee of the group`,
  unknown_activity: (p) =>
    id(p.activityId)
      ? `Activity ${id(p.activityId)} is not in the roadmap`
      : 'The activity is not in the roadmap',
  activity_already_started: (p) => `${person(p.activityId, 'Activity')} is already in progress`,
  activity_already_done: (p) => `${person(p.activityId, 'Activity')} is already done`,
  stage_not_reached: (p) => {
    const stage = word(stageWords, p.stage, 'en');
    const current = word(stageWords, p.current, 'en');
    return stage && current
      ? `Stage "${stage}" is not reached yet (current: "${current}")`
      : 'The stage of the programme is not reached yet';
  },
  deliverable_missing: (p) =>
    `${person(p.activityId, 'Activity')} is not done without its deliverable${word(deliverableWords, p.kind, 'en') ? ` "${word(deliverableWords, p.kind, 'en')}"` : ''}`,
  stage_mismatch: (p) => {
    const expected = word(stageWords, p.expected, 'en');
    const got = word(stageWords, p.got, 'en');
    return expected
      ? `Only the current stage "${expected}" can be completed${got ? ` (got "${got}")` : ''}`
      : 'Only the current stage can be completed';
  },
  gate_deliverable_missing: (p) => {
    const stage = word(stageWords, p.stage, 'en');
    const kind = word(deliverableWords, p.kind, 'en');
    return `${stage ? `Stage "${stage}"` : 'The stage'} cannot be completed without the deliverable${kind ? ` "${kind}"` : ''}`;
  },
  gate_activity_open: (p) => {
    const stage = word(stageWords, p.stage, 'en');
    return `${stage ? `Stage "${stage}"` : 'The stage'} cannot be completed: activity${id(p.activityId) ? ` ${id(p.activityId)}` : ''} is not done`;
  },
  activities_open: (p) =>
    `The cycle cannot be closed: roadmap activities not done — ${num(p.count)} (${idList(p.ids)})`,
  unknown_checkpoint: (p) =>
    `Monitoring checkpoint${id(p.checkpointId) ? ` ${id(p.checkpointId)}` : ''} is not in the programme`,
  checkpoint_already_held: (p) =>
    `Monitoring checkpoint${id(p.checkpointId) ? ` ${id(p.checkpointId)}` : ''} is already held`,
  checkpoint_too_early: (p) =>
    `Monitoring checkpoint${id(p.checkpointId) ? ` ${id(p.checkpointId)}` : ''} is held no earlier than ${isoDate(p.from) || 'the start of its window'}`,
} satisfies Partial<IssueMessages>;
