import {
  type Due,
  DueSchema,
  isNastavnikError,
  NastavnikError,
  parseDue,
  roadmapActivities,
  safeParseDue,
} from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const month = (m: number, year?: number) => (year === undefined ? { month: m } : { month: m, year });
const period = (from: { month: number; year?: number }, to = from): Due => ({ kind: 'period', from, to });
const programme: Due = { kind: 'throughout', scope: 'programme' };

/** Every due text printed in the four seed roadmaps, with its expected parse. */
const SEED_DUES: ReadonlyArray<readonly [string, Due]> = [
  // 001
  ['Август-сентябрь', period(month(8), month(9))],
  ['Сентябрь', period(month(9))],
  ['Сентябрь-октябрь', period(month(9), month(10))],
  ['В течение всего периода реализации ПН', programme],
  ['Январь', period(month(1))],
  ['', { kind: 'unspecified' }],
  ['Октябрь', period(month(10))],
  ['Ноябрь', period(month(11))],
  ['1 раз в полгода', { kind: 'recurring', times: 1, per: 'halfYear', atLeast: false }],
  ['Сентябрь.', period(month(9))],
  ['Октябрь - май', period(month(10), month(5))],
  ['Декабрь', period(month(12))],
  [
    'Сентябрь; занятия ШМУ проводятся не реже одного раза в месяц.',
    {
      kind: 'all',
      parts: [period(month(9)), { kind: 'recurring', times: 1, per: 'month', atLeast: true }],
    },
  ],
  ['декабрь, май', { kind: 'months', months: [month(12), month(5)] }],
  ['В течение всего срока реализации ПН', programme],
  ['В течение всего срока реализации', programme],
  ['апрель', period(month(4))],
  ['Декабрь, май', { kind: 'months', months: [month(12), month(5)] }],
  ['Май-июнь', period(month(5), month(6))],
  ['По итогам реализации НП', { kind: 'afterEvent', event: 'По итогам реализации НП' }],
  ['В течение учебного года', { kind: 'throughout', scope: 'academicYear' }],
  // 002
  ['январь 2023 г.', period(month(1, 2023))],
  ['до 30 января 2023 г.', { kind: 'deadline', date: '2023-01-30' }],
  ['По необходимости', { kind: 'asNeeded' }],
  ['В течение года', { kind: 'throughout', scope: 'year' }],
  ['В течение всего периода реализации Целевой модели наставничества', programme],
  ['В течение всего периода реализации целевой модели наставничества', programme],
  ['до 05 февраля 2023 г.', { kind: 'deadline', date: '2023-02-05' }],
  ['до 10 февраля 2023 г.', { kind: 'deadline', date: '2023-02-10' }],
  ['по плану ДИРО', { kind: 'bySchedule', schedule: 'по плану ДИРО' }],
  ['в течение года', { kind: 'throughout', scope: 'year' }],
  [
    'в соответствии со сроками реализации программ наставничества',
    { kind: 'bySchedule', schedule: 'в соответствии со сроками реализации программ наставничества' },
  ],
  ['до 30. 01.2023 г.', { kind: 'deadline', date: '2023-01-30' }],
  ['Постоянно', programme],
  ['январь— декабрь 2023 г.', period(month(1, 2023), month(12, 2023))],
  ['март – декабрь 2023 г.', period(month(3, 2023), month(12, 2023))],
  ['Март 2023г.', period(month(3, 2023))],
  ['апрель 2023 г.', period(month(4, 2023))],
  // 003
  ['февраль', period(month(2))],
  ['в течение всего периода реализации модели наставничества', programme],
  ['по отдельному графику', { kind: 'bySchedule', schedule: 'по отдельному графику' }],
  ['май-июнь', period(month(5), month(6))],
  // 004
  ['Сентябрь 2023 г.', period(month(9, 2023))],
  ['Август 2023 г.', period(month(8, 2023))],
  ['Сентябрь 2023 г. Октябрь 2023 г.', { kind: 'months', months: [month(9, 2023), month(10, 2023)] }],
  ['2023-2024 учебный год', period(month(9, 2023), month(8, 2024))],
  ['Март 2024 г.', period(month(3, 2024))],
];

describe('parseDue on the seed roadmaps', () => {
  it.each(SEED_DUES)('parses %j', (text, expected) => {
    const due = parseDue(text);
    expect(due).toEqual(expected);
    expect(DueSchema.safeParse(due).success).toBe(true);
  });

  it('the table above covers every due text of every seed roadmap', () => {
    const known = new Set(SEED_DUES.map(([t]) => t));
    const texts = Object.values(seedRoadmaps).flatMap((rm) => roadmapActivities(rm).map((a) => a.dueText));
    expect(texts.length).toBe(88);
    expect([...new Set(texts)].filter((t) => !known.has(t))).toEqual([]);
  });

  it('every seed activity carries parseDue of its own due text', () => {
    for (const rm of Object.values(seedRoadmaps)) {
      for (const a of roadmapActivities(rm)) expect(a.due, `${rm.id} ${a.id}`).toEqual(parseDue(a.dueText));
    }
  });
});

describe('parseDue is lenient about the way a due is written', () => {
  it.each([
    ['  АВГУСТ  —  СЕНТЯБРЬ.. ', period(month(8), month(9))],
    ['август–сентябрь', period(month(8), month(9))],
    ['в сентябре', period(month(9))],
    ['с сентября по май', period(month(9), month(5))],
    ['в январе 2024 года', period(month(1, 2024))],
    ['до 31.05.2024', { kind: 'deadline', date: '2024-05-31' }],
    ['не позднее 1 сентября 2023 года', { kind: 'deadline', date: '2023-09-01' }],
    ['15 марта 2024 г.', { kind: 'date', date: '2024-03-15' }],
    ['декабрь, май 2024 г.', { kind: 'months', months: [month(12, 2023), month(5, 2024)] }],
    ['сентябрь 2023 – май', period(month(9, 2023), month(5, 2024))],
    ['2 раза в год', { kind: 'recurring', times: 2, per: 'year', atLeast: false }],
    ['ежемесячно', { kind: 'recurring', times: 1, per: 'month', atLeast: false }],
    ['не реже 1 раза в квартал', { kind: 'recurring', times: 1, per: 'quarter', atLeast: true }],
    ['дважды в месяц', { kind: 'recurring', times: 2, per: 'month', atLeast: false }],
    ['по мере необходимости', { kind: 'asNeeded' }],
    ['В течение 2023 года', period(month(1, 2023), month(12, 2023))],
    ['2023/24 уч. г.', period(month(9, 2023), month(8, 2024))],
    ['После проведения конкурса', { kind: 'afterEvent', event: 'После проведения конкурса' }],
    ['согласно графику аттестации', { kind: 'bySchedule', schedule: 'согласно графику аттестации' }],
    ['Ёжемесячно', { kind: 'recurring', times: 1, per: 'month', atLeast: false }],
    ['—', { kind: 'unspecified' }],
    // 004 row 6 as one cell, before it is split into sub-activities.
    [
      'Март 2024 г. Март 2024 г. Март 2024 г.',
      { kind: 'months', months: [month(3, 2024), month(3, 2024), month(3, 2024)] },
    ],
    [
      'Сентябрь. Далее не реже одного раза в месяц',
      {
        kind: 'all',
        parts: [period(month(9)), { kind: 'recurring', times: 1, per: 'month', atLeast: true }],
      },
    ],
  ] satisfies ReadonlyArray<readonly [string, Due]>)('parses %j', (text, expected) => {
    expect(parseDue(text)).toEqual(expected);
  });

  const MONTH_FORMS: ReadonlyArray<readonly string[]> = [
    ['январь', 'января', 'январе'],
    ['февраль', 'февраля', 'феврале'],
    ['март', 'марта', 'марте'],
    ['апрель', 'апреля', 'апреле'],
    ['май', 'мая', 'мае'],
    ['июнь', 'июня', 'июне'],
    ['июль', 'июля', 'июле'],
    ['август', 'августа', 'августе'],
    ['сентябрь', 'сентября', 'сентябре'],
    ['октябрь', 'октября', 'октябре'],
    ['ноябрь', 'ноября', 'ноябре'],
    ['декабрь', 'декабря', 'декабре'],
  ];
  const monthWord = fc
    .tuple(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 2 }),
      fc.constantFrom('lower', 'upper', 'title'),
    )
    .map(([m, form, casing]) => {
      const w = MONTH_FORMS[m - 1]![form]!;
      const cased =
        casing === 'upper' ? w.toUpperCase() : casing === 'title' ? w[0]!.toUpperCase() + w.slice(1) : w;
      return { m, w: cased };
    });
  const dash = fc.constantFrom('-', '–', '—', '−', '‒');
  const space = fc.constantFrom('', ' ', '  ', '\u00a0', '\t');

  it('reads a month range in any case form, dash and spacing, with an optional year', () => {
    fc.assert(
      fc.property(
        monthWord,
        monthWord,
        dash,
        space,
        space,
        fc.option(fc.integer({ min: 2000, max: 2100 }), { nil: undefined }),
        fc.constantFrom('', '.', ' г.', 'г.', ' года'),
        (from, to, d, s1, s2, year, yearSuffix) => {
          const text = `${from.w}${s1}${d}${s2}${to.w}${year === undefined ? '' : ` ${year}${yearSuffix}`}`;
          const fromYear = year === undefined ? undefined : from.m <= to.m ? year : year - 1;
          if (fromYear !== undefined && fromYear < 2000) {
            // A range ending in January 2000 that wraps back into 1999 leaves the supported years.
            expect(safeParseDue(text).ok).toBe(false);
            return;
          }
          expect(parseDue(text)).toEqual(period(month(from.m, fromYear), month(to.m, year)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a list of months in any case form', () => {
    fc.assert(
      fc.property(
        fc.array(monthWord, { minLength: 2, maxLength: 4 }),
        fc.constantFrom(', ', ',', ' и '),
        (ws, sep) => {
          expect(parseDue(ws.map((x) => x.w).join(sep))).toEqual({
            kind: 'months',
            months: ws.map((x) => month(x.m)),
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parseDue errors', () => {
  it.each([
    'когда-нибудь',
    'до 31 февраля 2023 г.',
    'сентябрь - ',
    'сентябрь,, октябрь',
    '13.13.2023',
    '1850 г.',
    'январь 2023 2024',
  ])('throws due_unparsed for %j', (text) => {
    let caught: unknown;
    try {
      parseDue(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NastavnikError);
    const e = caught as NastavnikError;
    expect(e.code).toBe('due_unparsed');
    expect(e.message).toMatch(/срок/);
    expect(e.messageEn).toMatch(/due text/);
    // No echo of the input in the messages.
    expect(e.message.includes(text) && text.length > 3).toBe(false);
  });

  it('safeParseDue returns a Result instead of throwing', () => {
    const bad = safeParseDue('когда-нибудь');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('due_unparsed');
    const good = safeParseDue('Май-июнь');
    expect(good).toEqual({ ok: true, value: period(month(5), month(6)) });
  });

  it('rejects a non-string or an over-long text with a NastavnikError, never a TypeError', () => {
    const notText = safeParseDue(42 as unknown as string);
    expect(notText.ok).toBe(false);
    if (!notText.ok) {
      expect(isNastavnikError(notText.error)).toBe(true);
      expect(notText.error.code).toBe('invalid_type');
      expect(notText.error.path).toEqual(['dueText']);
    }
    const long = safeParseDue('сентябрь '.repeat(40));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error.code).toBe('too_big');
  });

  it('never throws anything but a NastavnikError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const r = safeParseDue(text);
        if (r.ok) expect(DueSchema.safeParse(r.value).success).toBe(true);
        else {
          expect(isNastavnikError(r.error)).toBe(true);
          expect(r.error.code).toBe('due_unparsed');
        }
      }),
      { numRuns: 300 },
    );
  });
});
