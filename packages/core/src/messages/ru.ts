import { consentPurposeLabels } from '../enums';
import type {
  DateRangeReason,
  DuplicateKind,
  InvalidInputReason,
  InvalidValueReason,
  IssueParams,
  ReferenceKind,
  RequiredReason,
  TooBigReason,
} from '../issueParams';
import { calendarMessagesRu } from './calendar';
import { generalMessagesRu } from './general';
import { plural } from './plural';
import { refusalMessagesRu } from './refusals';
import type { IssueMessages } from './registry';
import { id, isoDate, num, pick, token, tokens } from './safe';
import { type SolverInputReason, solverInputRu, solverMessagesRu } from './solver';

const field = (where: string): string => (where ? `Поле «${where}»: ` : '');
const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const charsGen = { one: 'символа', few: 'символов', many: 'символов', other: 'символа' };
const monthsGen = { one: 'месяца', few: 'месяцев', many: 'месяцев', other: 'месяца' };

const dateRange: Readonly<Record<DateRangeReason, string>> = {
  consentExpiresBeforeGiven: 'Срок действия согласия истекает раньше даты его подписания',
  scoreBeforeRound: 'Балл записан до проведения этапа конкурса',
  noRoundByOrderDate: 'На дату приказа не проведён ни один этап конкурса',
  scaleBounds: 'Шкала: максимум должен быть больше минимума',
  consentWithdrawnBeforeGiven: 'Дата отзыва согласия раньше даты его подписания',
  periodEndsBeforeStart: 'Период заканчивается раньше, чем начинается',
  asOfOutsideYear: 'Дата среза данных должна входить в учебный год',
  planItemDueBeforeStart: 'Срок пункта плана раньше его начала',
  programmeEndsBeforeStart: 'Дата окончания программы раньше даты начала',
  extensionNotLater: 'Продление должно переносить окончание программы на более позднюю дату',
  completionBeforeStart: 'Дата завершения раньше начала программы',
  pairEndsBeforeApproval: 'Пара завершена раньше, чем утверждена',
  consentAfterEvent: 'Согласие не может быть подписано позже даты его регистрации',
  eventDateIsOrderDate: 'Дата события должна совпадать с датой приказа',
  eventDateIsMeetingDate: 'Дата события должна совпадать с датой встречи',
  eventDateIsAgreementDate: 'Дата события должна совпадать с датой соглашения о продлении',
  programmeBeforeApproval: 'Программа начинается раньше её утверждения (003 §6.2)',
  programmeEndedBeforeApproval: 'Программа закончилась раньше её утверждения (003 §6.2)',
  extensionAfterEnd: 'Продление согласуется до окончания программы (003 §7.2)',
  agreementEndsBeforeStart: 'Срок наставничества по соглашению заканчивается раньше, чем начинается',
};

const references: Readonly<Record<ReferenceKind, string>> = {
  round: 'Балл выставлен за несуществующий этап конкурса',
  pairParticipant: 'Участник пары не описан в options.participants',
  indicatorDefinition:
    'Нет определения показателя, по которому вычислено значение: скрытие без него невозможно',
  pairOfProgramme: 'Пара программы не найдена',
  organization: 'Организация не найдена в дереве организаций',
  parentOrganization: 'Вышестоящая организация не найдена',
  pair: 'Пара ссылается на неизвестного участника',
  programmePair: 'Программа относится к другой паре',
  competitionPair: 'Пара из результатов конкурса не найдена',
  participant: 'Участник не найден в списке участников',
  person: 'Ссылка на несуществующего участника',
  mentor: 'Ссылка на несуществующего наставника',
  activity: 'Мероприятия нет в дорожной карте',
  deliverable: 'Ни одно мероприятие дорожной карты не даёт такого результата',
  registryPerson: 'Участник с таким ФИО не найден в реестре',
  mentee: 'Ссылка на несуществующего наставляемого',
  consent: 'Ссылка на несуществующее согласие',
  request: 'Ссылка на несуществующий запрос',
  incentiveForm: 'Правило поощрения ссылается на форму поощрения, которой нет в системе',
  incentiveCondition: 'Ранжирование по условию, которого нет в правиле поощрения',
};

const practiceStatusRu: Readonly<Record<string, string>> = {
  draft: 'черновик',
  reviewed: 'рецензирован',
  published: 'опубликован',
  returned: 'возвращён на доработку',
};

const duplicates: Readonly<Record<DuplicateKind, string>> = {
  round: 'Этап конкурса указан дважды',
  roundScore: 'Пара уже оценена в этом этапе: исправление вносится через recordCompetitionScore',
  pair: 'Повторяющийся идентификатор пары',
  organization: 'Повторяющийся идентификатор организации',
  question: 'Повторяющийся идентификатор вопроса',
  request: 'Повторяющийся идентификатор запроса',
  indicator: 'Повторяющийся показатель',
  participant: 'Повторяющийся идентификатор участника',
  planItem: 'Пункт плана указан дважды',
  preference: 'Участник указан в списке дважды',
  catalogueEntry: 'Повторяющийся идентификатор в справочнике',
  incentiveForm: 'Форма поощрения указана дважды',
  incentiveRule: 'Правило поощрения указано дважды',
  mentorResult: 'Результаты наставника указаны дважды',
};

const required: Readonly<Record<Exclude<RequiredReason, 'statusField'>, string>> = {
  computeResult: 'Нужен результат computeIndicators: значения вместе с определениями',
  indicatorDefinitions: 'Нужны определения, по которым вычислены значения: скрытие без них невозможно',
  headerRow: 'Не найдена строка заголовков: ожидаются столбцы вроде «ФИО», «Дата рождения», «Должность»',
  machineInput: 'Запускайте машину со снимком из create…Snapshot (или с его контекстом во input)',
  roadmapPeriod: 'У дорожной карты нет периода: укажите учебный год или даты в options.period',
  changeFormOrFormats: 'Укажите новую форму или новые виды наставничества',
  fileEmpty: 'Файл пуст',
  columnFullName: 'В файле нет столбца «ФИО» (или столбцов «Фамилия» и «Имя»)',
  columnPersonId:
    'В файле нет столбца «ID участника» (или «ФИО участника» вместе со списком участников в настройках)',
  columnMentorId: 'В файле нет столбца «ID наставника»',
  columnMenteeIds: 'В файле нет столбца «ID наставляемых»',
  salaryForPercentPay: 'Выплата задана в процентах от оклада: нужен размер оклада',
};

const invalidValue: Readonly<Record<InvalidValueReason, string>> = {
  snapshotLayout: 'Снимок сохранён с другим составом данных: нужна миграция с его выпуска',
  pupilsRange: 'Число обучающихся — целое от 1 000 до 100 000 000',
  seedInteger: 'Зерно — целое число',
  sqlDialect: 'Диалект SQL: duckdb или postgres',
  databaseNumber: 'База данных вернула не число или число вне точного диапазона',
  threshold: 'Порог публикации — целое число от 1 до 1000',
  questionnaireKind: 'Неизвестный вид анкеты',
  pairState: 'Неизвестное состояние пары',
  attentionThresholds: 'Пороги политики внимания идут не по возрастанию',
  escalationWithoutCurator: 'Лестница напоминаний должна дойти до куратора',
  checkpointMonth: 'Месяц контрольной точки не входит в период',
  snapshotTooNew: 'Снимок сохранён более новой версией библиотеки',
  snapshotNoMigration: 'Нет миграции снимка с этой версии',
  mergePolicy: 'Политика слияния: keepFirst, keepLast, preferComplete или reject',
  registryField: 'Неизвестное поле для реестра',
  calendarDayOff: 'Нерабочий день календаря должен приходиться на понедельник – пятницу этого года',
  calendarWorkingWeekend:
    'Рабочий выходной календаря должен приходиться на субботу или воскресенье этого года',
};

const invalidInput: Readonly<Record<Exclude<InvalidInputReason, SolverInputReason>, string>> = {
  malformedPairEvent:
    'Повреждённое событие или снимок пары: проверьте их схемой (replayPairUntrusted, parsePairEvent)',
  malformedProgrammeEvent:
    'Повреждённое событие или снимок программы: проверьте их схемой (replayProgrammeUntrusted, parseProgrammeEvent)',
  notSnapshot: 'Это не сохранённый снимок машины',
  preferenceRepeated: 'Участник указан в списке дважды',
  capacitiesLength: 'Число вместимостей не равно числу наставников',
  matchingLength: 'Длина сопоставления не равна числу наставляемых',
  pairUnacceptable: 'Пара неприемлема для одной из сторон',
  profileOfOtherPerson: 'Профиль относится к другому человеку',
  weightsNegative: 'Веса критериев должны быть неотрицательными числами',
  candidatesPerMentee: 'Число кандидатов должно быть целым положительным',
  menteeFixedElsewhere: 'Наставляемый уже закреплён за другим наставником',
  menteeWithoutConsent: 'Наставляемый не может участвовать в подборе (нет согласия)',
  recordsNotExportable: 'Записи реестра не удалось выгрузить: проверьте их схемой',
  streamItemWithoutId: 'Элемент потока без id',
  streamLogKind: 'Начало журнала без вида (pair или programme)',
  streamNotGrouped: 'Событие не относится к начатому журналу: поток должен быть упорядочен по журналам',
  streamEventsNotArray: 'Ожидался массив событий',
  requestBodyNotJson: 'Тело запроса должно быть объектом JSON',
  rematchTolerance: 'Допуск должен быть числом от 0 до 1 (0,01 — в пределах 1 % от оптимума)',
  rematchMaxSolves: 'Число решений должно быть целым, не меньше 2',
};

const tooBig: Readonly<Record<TooBigReason, string>> = {
  roundMaximum: 'Балл больше максимального за этап',
  mentorOverCapacity: 'Наставнику назначено больше наставляемых, чем он может взять',
  fixedOverCapacity: 'Закреплённых пар больше, чем мест у наставника',
  xlsxFile: 'Файл XLSX больше 256 МБ: разделите реестр на несколько файлов',
  csvCell: 'Ячейка CSV длиннее 32 767 символов: вероятно, в файле не закрыта кавычка',
};

// Grouped as the Russian writes thousands: 1 048 576.
const big = (n: number | undefined): string =>
  n === undefined ? '' : num(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const MIB = 1024 * 1024;

/** The limits a registry import enforces (file size, rows, cells, columns). */
function registryLimitRu(p: IssueParams['too_big']): string | undefined {
  switch (p.limit) {
    case 'maxRows':
      return `В файле больше ${big(p.maxRows)} строк: разделите реестр на несколько файлов или увеличьте maxRows`;
    case 'maxCellLength':
      return p.row !== undefined
        ? `Ячейка в строке ${num(p.row)}, столбце ${token(p.column)} длиннее ${big(p.maxCellLength)} символов (предел ячейки Excel — 32 767)`
        : `В файле XLSX есть текст длиннее ${big(p.maxCellLength)} символов (предел ячейки Excel — 32 767): файл повреждён или составлен со злым умыслом`;
    case 'columns':
      return `В строке ${num(p.row)} больше ${big(p.maxColumns)} столбцов — больше, чем допускает Excel`;
    case 'rows':
      return `Номер строки ${num(p.row)} больше последней строки Excel (${big(p.maxRow)}): файл повреждён`;
    case 'maxUnpackedBytes': {
      const mib = big(Math.round((p.maxUnpackedBytes ?? 0) / MIB));
      return p.format === 'csv'
        ? `Файл CSV больше ${mib} МБ (предел maxUnpackedBytes): разделите реестр на несколько файлов`
        : `Распакованное содержимое файла XLSX больше ${mib} МБ (предел maxUnpackedBytes): файл слишком велик или это «zip-бомба»`;
    }
    default:
      return undefined;
  }
}

// «: участник p-7, цель «…»» — the person by id only, the purpose by its label.
const purpose = (p: { personId?: string; purpose?: string }): string => {
  const label = p.purpose ? consentPurposeLabels[p.purpose as keyof typeof consentPurposeLabels] : undefined;
  const parts = [id(p.personId) && `участник ${id(p.personId)}`, label && `цель «${label.ru}»`].filter(
    Boolean,
  );
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
};

/**
 * The Russian message of every code.
 *
 * @category Errors
 * @example
 * issueMessagesRu.required({}, 'name'); // 'Не заполнено обязательное поле «name»'
 */
export const issueMessagesRu: IssueMessages = {
  invalid_type: generalMessagesRu.invalid_type,
  required: (p, w) => {
    if (p.reason === 'statusField') {
      return token(p.status)
        ? `Для статуса «${token(p.status)}» нужно поле «${w}»`
        : `Для этого статуса нужно поле «${w}»`;
    }
    const r = pick(required, p.reason);
    if (r) return r;
    return generalMessagesRu.required(p, w);
  },
  invalid_format: (p, w) => {
    switch (p.format) {
      case 'xls':
        return 'Формат XLS (Excel 97–2003) не поддерживается: сохраните файл как «Книга Excel (*.xlsx)» или CSV';
      case 'spreadsheet':
        return 'Файл повреждён или не является таблицей XLSX/CSV';
      case 'training':
        return 'Обучение: ожидается «Название курса (36 ч, 30.11.2023, организация)», по курсу в строке';
      case 'registryDate':
        return 'Не удалось распознать дату: ожидается ДД.ММ.ГГГГ (например, 31.08.2023)';
      default:
        return generalMessagesRu.invalid_format(p, w);
    }
  },
  invalid_value: (p, w) => {
    if (p.reason === 'snapshotTooNew' && p.version !== undefined) {
      const upTo = p.supported === undefined ? '' : `, поддерживается до ${num(p.supported)}`;
      return `Снимок сохранён более новой версией библиотеки (формат ${num(p.version)}${upTo})`;
    }
    if (p.reason === 'snapshotNoMigration' && p.version !== undefined) {
      return `Нет миграции снимка с версии ${num(p.version)}`;
    }
    if (p.reason === 'checkpointMonth' && id(p.id))
      return `Месяц контрольной точки ${id(p.id)} не входит в период`;
    if (p.reason === 'registryField' && p.allowed)
      return `Неизвестное поле для реестра; допустимые: ${p.allowed}`;
    const r = pick(invalidValue, p.reason);
    if (r) return r;
    return generalMessagesRu.invalid_value(p, w);
  },
  too_small: generalMessagesRu.too_small,
  too_big: (p, w) => {
    const r = pick(tooBig, p.reason);
    if (r) return r;
    const limits = registryLimitRu(p);
    if (limits) return limits;
    return generalMessagesRu.too_big(p, w);
  },
  unrecognized_keys: (p, w) =>
    p.notInPlan
      ? `${plural('ru', p.count, { one: 'Поле не указано', few: 'Поля не указаны', many: 'Поля не указаны', other: 'Поля не указаны' })} в плане обезличивания (${tokens(p.keys)}): передача запрещена`
      : generalMessagesRu.unrecognized_keys(p, w),
  invalid_input: (p, w) => {
    return (
      solverInputRu(p) ??
      pick(invalidInput, p.reason as Exclude<InvalidInputReason, SolverInputReason> | undefined) ??
      generalMessagesRu.invalid_input(p, w)
    );
  },
  unsafe_text: generalMessagesRu.unsafe_text,
  invalid_date_range: (p, w) => pick(dateRange, p.reason) ?? cap(`${field(w)}даты идут в неверном порядке`),
  consent_missing: (p) => `Нет письменного согласия${purpose(p)}`,
  consent_withdrawn: (p) => `Согласие отозвано${purpose(p)}`,
  minor_requires_parent_consent: (p) =>
    `Для несовершеннолетнего нужно согласие родителя (законного представителя)${purpose(p)}`,
  consent_expired: (p) => `Срок действия согласия истёк${purpose(p)}`,
  consent_element_missing: () => 'В согласии не хватает обязательного сведения (152-ФЗ, ст. 9 ч. 4)',
  k_anonymity_failed: (p) =>
    `Передача отклонена: обезличенные записи не обеспечивают k-анонимность (k = ${num(p.k)}; наименьшая группа — ${num(p.found)}; ${num(p.exposed)} ${plural('ru', p.exposed, { one: 'запись', few: 'записи', many: 'записей', other: 'записи' })} под угрозой повторной идентификации)`,
  depersonalisation_key_mismatch: () => 'Ключ не соответствует обезличенным данным',
  representative_required: () => 'Согласие родителя (законного представителя) должно содержать его ФИО',
  programme_too_short: (p) =>
    `Персонализированная программа длится не менее ${num(p.months)} ${plural('ru', p.months, monthsGen)}`,
  programme_too_long: (p) =>
    `Персонализированная программа длится не более ${num(p.months)} ${plural('ru', p.months, monthsGen)} (дольше — только продлением по обоюдному согласию)`,
  extension_too_long: (p) =>
    `С продлениями персонализированная программа длится не более ${num(p.months)} ${plural('ru', p.months, monthsGen)}`,
  pair_size_mismatch: (p) =>
    p.format === 'group'
      ? `В группе два наставляемых или больше (003 §2.3), а не ${num(p.mentees)}`
      : `В паре «один на один» ровно один наставляемый (003 §2.3), а не ${num(p.mentees)}`,
  pair_without_mentees: () => 'В паре (группе) должен быть хотя бы один наставляемый',
  self_pair: () => 'Наставник не может быть своим наставляемым',
  duplicate_mentee: (p) =>
    p.scope === 'fixedPairs'
      ? 'Наставляемый уже закреплён за наставником'
      : p.scope === 'pairs'
        ? 'Наставляемый входит в несколько пар'
        : 'Наставляемый указан в паре (группе) дважды',
  capacity_negative: () => 'Число наставляемых не может быть отрицательным',
  request_area_missing: () => 'В запросе нужно указать компетенцию или описать затруднение',
  plan_item_outside_programme: (p) =>
    id(p.itemId) && isoDate(p.start) && isoDate(p.end)
      ? `Срок пункта ${id(p.itemId)} выходит за сроки программы (${isoDate(p.start)} — ${isoDate(p.end)})`
      : 'Срок пункта плана выходит за сроки программы',
  due_unparsed: calendarMessagesRu.due_unparsed,
  unknown_reference: (p, w) => {
    if (p.ref === 'activity' && id(p.id)) return `Мероприятия ${id(p.id)} нет в дорожной карте`;
    if (p.ref === 'deliverable' && token(p.kind)) {
      return `Ни одно мероприятие дорожной карты не даёт результата «${token(p.kind)}»`;
    }
    if (p.ref === 'pairParticipant' && id(p.id))
      return `Участник ${id(p.id)} пары не описан в options.participants`;
    const r = pick(references, p.ref);
    if (r) return r;
    return w ? `Поле «${w}»: ссылка на несуществующую запись` : 'Ссылка на несуществующую запись';
  },
  duplicate_id: (p, w) =>
    (num(p.row) ? cap(`${field(w)}идентификатор уже встречался в строке ${num(p.row)}`) : undefined) ??
    pick(duplicates, p.of) ??
    cap(`${field(w)}повторяющийся идентификатор`),
  organization_cycle: (p) =>
    id(p.id) ? `Цикл в дереве организаций (через ${id(p.id)})` : 'Цикл в дереве организаций',
  invalid_academic_year: calendarMessagesRu.invalid_academic_year,
  answer_mismatch: (p) => {
    switch (p.type) {
      case 'scale':
        return `Ответ должен быть целым числом от ${num(p.min)} до ${num(p.max)}`;
      case 'single':
        return 'Выберите один из предложенных вариантов';
      case 'multiple':
        return 'Выберите варианты из предложенных';
      case 'ranking':
        return `Укажите не более ${num(p.max)} ${plural('ru', p.max ?? 0, { one: 'кандидата', few: 'разных кандидатов', many: 'разных кандидатов', other: 'кандидата' })} по порядку`;
      case 'yesNo':
        return 'Ответьте «да» или «нет»';
      case 'text':
        return `Текст ответа не длиннее ${num(p.max)} ${plural('ru', p.max ?? 0, charsGen)}`;
      default:
        return 'Ответ не подходит к типу вопроса';
    }
  },
  unknown_question: (p) =>
    id(p.questionId) ? `Вопроса ${id(p.questionId)} нет в анкете` : 'Такого вопроса нет в анкете',
  required_answer_missing: (p) =>
    id(p.questionId)
      ? `Нет ответа на обязательный вопрос ${id(p.questionId)}`
      : 'Нет ответа на обязательный вопрос',
  aborted: solverMessagesRu.aborted,
  infeasible: solverMessagesRu.infeasible,
  rematch_change: (p) => {
    const next = p.replaced
      ? 'назначен другой наставник'
      : 'другой наставник пока не найден, поиск продолжается';
    switch (p.reason) {
      case 'mentorLeft':
        return `Наставник выбыл из программы; ${next}`;
      case 'capacityReduced':
        return `У наставника сокращено число мест; ${next}`;
      case 'pairForbidden':
        return `Пара запрещена (конфликт или просьба наставляемого); ${next}`;
      case 'requestRemoved':
        return 'Запрос снят: пара прекращена';
      case 'reassigned':
        return p.replaced
          ? 'Наставник заменён: без этой перестановки суммарная оценка подбора ушла бы за допустимый предел или меньше наставляемых получили бы пару'
          : 'Пара прекращена: без этого суммарная оценка подбора ушла бы за допустимый предел';
      case 'placed':
        return 'Наставляемому подобран наставник';
      default:
        return 'Пара изменена при повторном подборе';
    }
  },
  internal: (p) =>
    p.reason === 'machineRejectedValidEvent'
      ? 'Внутренняя ошибка: машина не приняла допустимое событие'
      : p.reason === 'migrationNoProgress'
        ? 'Внутренняя ошибка: миграция снимка не повысила версию'
        : p.reason === 'fastReplayUnsupported'
          ? 'Внутренняя ошибка: определение машины не поддерживается быстрым воспроизведением'
          : generalMessagesRu.internal(p, ''),
  date_invalid: () => 'Не удалось распознать дату: ожидается ДД.ММ.ГГГГ (например, 31.08.2023)',
  number_invalid: (p, w) =>
    p.format === 'schoolClass'
      ? 'Класс: ожидается номер класса от 1 до 11 (например, 7 или 7А)'
      : w
        ? `Столбец «${w}»: ожидается число`
        : 'Ожидается число',
  catalogue_unknown: (p, w) => {
    const n = p.count ?? 1;
    return n > 1
      ? `Столбец «${w}»: ${num(n)} ${plural('ru', n, { one: 'значение не найдено', few: 'значения не найдены', many: 'значений не найдено', other: 'значения не найдено' })} в справочнике; выберите значения из списка шаблона`
      : `Столбец «${w}»: значение не найдено в справочнике; выберите значение из списка шаблона`;
  },
  name_incomplete: () => 'ФИО: нужны как минимум фамилия и имя',
  name_initials_only: () => 'ФИО записано с инициалами; для реестра нужны полные имя и отчество',
  ambiguous_reference: () => 'В реестре несколько участников с таким ФИО; укажите ID',
  practice_transition_invalid: (p) =>
    `Кейс практики нельзя перевести${pick(practiceStatusRu, p.from) ? ` из статуса «${pick(practiceStatusRu, p.from)}»` : ''}${pick(practiceStatusRu, p.to) ? ` в статус «${pick(practiceStatusRu, p.to)}»` : ''}: порядок — черновик, рецензия, публикация`,
  order_before_agreement: (p) =>
    `${id(p.pairId) ? `Приказ о закреплении пары ${id(p.pairId)}` : 'Приказ'} издан раньше, чем с наставником${id(p.mentorId) ? ` ${id(p.mentorId)}` : ''} заключено соглашение о наставничестве (ст. 351.8 ТК РФ)`,
  agreement_missing: (p) =>
    `С наставником${id(p.mentorId) ? ` ${id(p.mentorId)}` : ''} не заключено соглашение о наставничестве, действующее на дату приказа (ст. 351.8 ТК РФ)`,
  calendar_year_missing: (p) =>
    `В производственном календаре нет ${num(p.year) || 'этого'} года; добавьте его данные (постановление Правительства РФ о переносе выходных дней)`,
  workload_over_limit: (p) => {
    const who = id(p.mentorId) ? `Наставник ${id(p.mentorId)}` : 'Наставник';
    const when = /^\d{4}-\d{2}$/.test(p.month ?? '') ? ` в ${p.month}` : '';
    if (p.limit === 'maxMenteesPerMentor')
      return `${who}: ${num(p.value)} наставляемых при пределе ${num(p.maximum)} по положению`;
    if (p.limit === 'availableHoursPerMonth')
      return `${who}${when}: ${num(p.value)} ч при заявленных ${num(p.maximum)} ч в месяц`;
    return `${who}${when}: ${num(p.value)} ч при пределе ${num(p.maximum)} ч в месяц по положению`;
  },
  term_outside_policy: (p, w) => {
    const rule = /^003 §\d\.\d$/.test(p.rule ?? '') ? ` (${p.rule})` : '';
    return `${termViolationRu(p, w)}${rule}`;
  },
  ...refusalMessagesRu,
};

/** The words of a term violation the pair machine refused (the same texts as the schema's codes). */
function termViolationRu(p: IssueParams['term_outside_policy'], w: string): string {
  switch (p.violation) {
    case 'programme_too_short':
      return issueMessagesRu.programme_too_short({ months: p.minimum ?? 0 }, w);
    case 'programme_too_long':
      return issueMessagesRu.programme_too_long({ months: p.maximum ?? 0 }, w);
    case 'extension_too_long':
      return issueMessagesRu.extension_too_long({ months: p.maximum ?? 0 }, w);
    case 'invalid_date_range':
      return dateRange.programmeEndsBeforeStart;
    case 'programme_before_approval':
      return dateRange.programmeBeforeApproval;
    case 'programme_already_ended':
      return dateRange.programmeEndedBeforeApproval;
    case 'extension_not_later':
      return dateRange.extensionNotLater;
    case 'extension_after_end':
      return dateRange.extensionAfterEnd;
    default:
      return 'Срок программы не соответствует положению о наставничестве';
  }
}
