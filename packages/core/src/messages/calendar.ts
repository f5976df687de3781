import type { IssueMessages } from './registry';

// The messages of dates and due texts: `parseDue` and the academic-year
// schema throw only these (and the generic ones).

type CalendarCode = 'due_unparsed' | 'invalid_academic_year';

/** The Russian messages of dates and due texts. */
export const calendarMessagesRu: Pick<IssueMessages, CalendarCode> = {
  due_unparsed: () =>
    'Не удалось распознать срок мероприятия: ожидается месяц, диапазон месяцев, дата, «до …», периодичность («1 раз в месяц») или «в течение …»',
  invalid_academic_year: () =>
    'Учебный год записывается как «2023-2024»: второй год на единицу больше первого',
};

/** The English messages of dates and due texts. */
export const calendarMessagesEn: Pick<IssueMessages, CalendarCode> = {
  due_unparsed: () =>
    'Could not parse the due text: expected a month, a month range, a date, "до …" (by), a recurrence ("1 раз в месяц") or "в течение …" (throughout)',
  invalid_academic_year: () =>
    'An academic year is written as "2023-2024": the second year is the first plus one',
};
