import {
  ConsentSchema,
  isSafeText,
  OrganizationSchema,
  PairSchema,
  PersonSchema,
  RequestSchema,
  SafeTextSchema,
  safeParse,
} from '@nastavnik/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const person = {
  id: 't-1',
  organizationId: 'sch-1',
  category: 'teacher',
  name: { lastName: 'Тимофеева', firstName: 'Елена' },
};

describe('safe text', () => {
  it('refuses NUL and lone surrogates with the typed code unsafe_text, at the field’s path', () => {
    for (const bad of ['a\u0000b', '\ud83d', 'x\ude00y', '\ude00\ud83d']) {
      const r = safeParse(PersonSchema, { ...person, name: { ...person.name, lastName: bad } });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('unsafe_text');
      expect(r.error.path).toEqual(['name', 'lastName']);
      expect(r.error.message).toMatch(/[а-я]/);
      expect(r.error.messageEn).toMatch(/NUL/);
    }
    const id = safeParse(PersonSchema, { ...person, id: 't\u00001' });
    expect(!id.ok && id.error.code).toBe('unsafe_text');
    const org = safeParse(OrganizationSchema, { id: 'o', kind: 'school', name: '\ud800' });
    expect(!org.ok && org.error.code).toBe('unsafe_text');
    const request = safeParse(RequestSchema, {
      id: 'r',
      menteeId: 'm',
      difficulty: 'a\u0000',
      source: 'self',
      createdAt: '2023-09-01',
    });
    expect(!request.ok && request.error.code).toBe('unsafe_text');
    const consent = safeParse(ConsentSchema, {
      id: 'c\u0000',
      personId: 'p',
      purpose: 'personalData',
      givenBy: 'self',
      givenAt: '2023-09-01',
    });
    expect(!consent.ok && consent.error.code).toBe('unsafe_text');
    const pair = safeParse(PairSchema, {
      id: 'p',
      organizationId: 'o\ud800',
      mentorId: 'a',
      menteeIds: ['b'],
      form: 'educatorEducator',
      formats: ['traditional'],
      origin: 'curator',
    });
    expect(!pair.ok && pair.error.code).toBe('unsafe_text');
  });

  it('accepts every well-formed string without NUL: Cyrillic, emoji, tabs, line breaks', () => {
    expect(isSafeText('Яковлева 👩‍🏫\tстрока\r\n')).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(isSafeText(s)).toBe(!s.includes('\u0000'));
        expect(safeParse(SafeTextSchema, s).ok).toBe(!s.includes('\u0000'));
      }),
    );
  });

  it('refuses every string with a lone surrogate', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.integer({ min: 0xd800, max: 0xdfff }),
        fc.string({ unit: 'grapheme' }),
        (a, unit, b) => {
          // a lone half: not followed (high) / preceded (low) by its partner
          const s =
            unit < 0xdc00 ? `${a}${String.fromCharCode(unit)}x${b}` : `${a}x${String.fromCharCode(unit)}${b}`;
          expect(isSafeText(s)).toBe(false);
        },
      ),
    );
  });
});
