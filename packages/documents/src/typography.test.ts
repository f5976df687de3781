import { isNastavnikError } from '@nastavnik/core';
import {
  byGender,
  declineName,
  declinePosition,
  formatActRef,
  formatDateLong,
  formatDateShort,
  formatMonth,
  formatNumber,
  formatOrderNumber,
  formatPercent,
  type GrammaticalCase,
  nameIn,
  plural,
  quote,
  typograph,
} from '@nastavnik/documents';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cases from './__fixtures__/names.json';

const NBSP = '\u00a0';
const plain = (s: string) => s.replaceAll(NBSP, ' ');

describe('dates', () => {
  it('writes the long official form with guillemets and NBSP', () => {
    expect(formatDateLong('2023-08-31')).toBe(`«31»${NBSP}августа${NBSP}2023${NBSP}г.`);
    expect(plain(formatDateLong('2022-02-01'))).toBe('«01» февраля 2022 г.');
    expect(plain(formatDateLong('2022-02-01', { quoted: false }))).toBe('1 февраля 2022 г.');
    expect(plain(formatMonth('2023-09-15'))).toBe('сентябрь 2023 г.');
  });
  it('writes the short form dd.mm.yyyy', () => {
    expect(formatDateShort('2023-08-31')).toBe('31.08.2023');
    expect(formatDateShort('2022-02-08')).toBe('08.02.2022');
  });
  it('refuses a non-ISO date with a NastavnikError', () => {
    try {
      formatDateShort('31.08.2023');
      expect.unreachable();
    } catch (e) {
      expect(isNastavnikError(e) && e.code).toBe('invalid_format');
    }
  });
  it('round-trips any valid date through the short form', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }),
        (d) => {
          const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          const [dd, mm, yyyy] = formatDateShort(iso).split('.');
          expect(`${yyyy}-${mm}-${dd}`).toBe(iso);
        },
      ),
    );
  });
});

describe('numbers', () => {
  it('writes order numbers as the seeds do', () => {
    expect(formatOrderNumber('348-р')).toBe(`№${NBSP}348-р`);
    expect(formatOrderNumber('№5/1-п.о.д.')).toBe(`№${NBSP}5/1-п.о.д.`);
    expect(plain(formatActRef('31.08.2023', '348-р'))).toBe('от 31.08.2023 № 348-р');
  });
  it('writes percentages with a decimal comma and shares as ratios', () => {
    expect(plain(formatPercent(29, 40))).toBe('72,5 %');
    expect(plain(formatPercent(7, 10))).toBe('70 %');
    expect(formatPercent(1, 0)).toBe('—');
    expect(plain(formatNumber(12345))).toBe('12 345');
  });
  it('picks Russian plural forms', () => {
    const f = ['пара', 'пары', 'пар'] as const;
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111, 101].map((n) => plural(n, f))).toEqual([
      'пара',
      'пары',
      'пар',
      'пар',
      'пар',
      'пара',
      'пары',
      'пар',
      'пар',
      'пара',
    ]);
  });
});

describe('text', () => {
  it('quotes with guillemets and nested „…“', () => {
    expect(quote('Лицей № 7')).toBe('«Лицей № 7»');
    expect(quote('МОУ «Лицей № 7»')).toBe('«МОУ „Лицей № 7“»');
  });
  it('typographs straight quotes, dashes and NBSP', () => {
    const out = typograph('Приказ "О положении "Наставник"" - в силе с 2023 г. и в школе');
    expect(plain(out)).toBe('Приказ «О положении „Наставник“» — в силе с 2023 г. и в школе');
    expect(out).toContain(`2023${NBSP}г.`);
    expect(typograph('от 21 декабря 2021 года')).toBe(`от${NBSP}21${NBSP}декабря 2021${NBSP}года`);
    expect(out).toContain(`и${NBSP}в${NBSP}школе`);
  });
});

describe('declension of names (lvovich)', () => {
  const CASES: GrammaticalCase[] = ['genitive', 'dative', 'accusative', 'instrumental'];
  const rows = cases as [string, 'female' | 'male', string, string, string, string, string][];
  it('covers at least 60 real names of both genders incl. indeclinable ones', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['female', 'male']));
  });
  for (const [part, gender, nom, ...expected] of rows) {
    it(`${nom} (${gender}, ${part})`, () => {
      CASES.forEach((c, i) => {
        const name =
          part === 'last'
            ? { lastName: nom, firstName: 'Анна' }
            : part === 'first'
              ? { lastName: 'Кузьменко', firstName: nom }
              : { lastName: 'Кузьменко', firstName: 'Анна', middleName: nom };
        const d = declineName(name, gender, c);
        const got = part === 'last' ? d.lastName : part === 'first' ? d.firstName : d.middleName;
        // ё is optional in official texts (Ильей / Ильёй).
        expect(got?.replaceAll('ё', 'е')).toBe(expected[i]?.replaceAll('ё', 'е'));
      });
    });
  }
  it('writes the seeds’ phrases', () => {
    const zh = { lastName: 'Жаксимбаева', firstName: 'Лилия', middleName: 'Викторовна' };
    const ya = { lastName: 'Яковлева', firstName: 'Елена', middleName: 'Сергеевна' };
    const ro = { lastName: 'Родионова', firstName: 'Татьяна', middleName: 'Юрьевна' };
    const ku = { lastName: 'Кузьменко', firstName: 'Наталья', middleName: 'Олеговна' };
    expect(plain(nameIn(zh, 'female', 'accusative'))).toBe('Жаксимбаеву Л. В.');
    expect(plain(nameIn(zh, 'female', 'dative'))).toBe('Жаксимбаевой Л. В.');
    expect(plain(nameIn(ya, 'female', 'dative'))).toBe('Яковлевой Е. С.');
    expect(plain(nameIn(ro, 'female', 'dative'))).toBe('Родионовой Т. Ю.');
    expect(plain(nameIn(ku, 'female', 'dative'))).toBe('Кузьменко Н. О.');
    expect(plain(nameIn(ya, 'female', 'nominative', 'initialsFirst'))).toBe('Е. С. Яковлева');
    expect(nameIn(ya, 'female', 'dative')).toBe(`Яковлевой${NBSP}Е.${NBSP}С.`);
  });
  it('declines double surnames part by part', () => {
    expect(declineName({ lastName: 'Петрова-Водкина', firstName: 'Анна' }, 'female', 'dative').lastName).toBe(
      'Петровой-Водкиной',
    );
  });
  it('never throws and keeps the nominative as is', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.constantFrom('female', 'male', undefined),
        (s, g) => {
          const n = { lastName: s, firstName: s };
          expect(declineName(n, g as 'female' | 'male' | undefined, 'nominative')).toEqual(n);
          expect(typeof declineName(n, g as 'female' | 'male' | undefined, 'dative').lastName).toBe('string');
        },
      ),
    );
  });
});

describe('positions and agreement', () => {
  it('declines positions for order texts', () => {
    expect(declinePosition('заместитель директора по УВР', 'dative')).toBe('заместителю директора по УВР');
    expect(declinePosition('заместитель директора по УВР', 'accusative')).toBe(
      'заместителя директора по УВР',
    );
    expect(declinePosition('учитель начальных классов', 'genitive')).toBe('учителя начальных классов');
    expect(declinePosition('педагог-психолог', 'dative')).toBe('педагогу-психологу');
    expect(declinePosition('социальный педагог', 'genitive')).toBe('социального педагога');
    expect(declinePosition('старший методист', 'dative')).toBe('старшему методисту');
    expect(declinePosition('директор', 'instrumental')).toBe('директором');
    expect(declinePosition('и.о. директора', 'dative')).toBe('и.о. директора');
  });
  it('agrees words with gender', () => {
    expect(byGender('female', { female: 'ответственной', male: 'ответственным' })).toBe('ответственной');
    expect(byGender(undefined, { female: 'ознакомлена', male: 'ознакомлен', neutral: 'ознакомлен(а)' })).toBe(
      'ознакомлен(а)',
    );
  });
});
