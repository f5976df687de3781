import { nastavnikIssue } from '@nastavnik/core';
import { pairRefusalTexts, programmeRefusalTexts } from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';

// Realistic params: enum keys as the machines put them (some are snake_case codes, e.g. a consent
// gap's cause), ids, dates and counts. A text may print ids and dates, never a code.
const params = {
  event: 'orderIssued',
  phase: 'awaitingOrganizational',
  date: '2023-09-10',
  previous: '2023-09-01',
  id: 'p-1',
  role: 'mentor',
  required: 'curator',
  personId: 'p-2',
  pairId: 'pr-1',
  consentId: 'c-1',
  purpose: 'personalData',
  cause: 'consent_missing',
  expected: 'approvePairs',
  got: 'trial',
  meetingId: 'm-1',
  itemId: 'i-1',
  start: '2023-09-01',
  end: '2024-05-31',
  remaining: 2,
  missing: 'p-3',
  reason: 'mutualAgreement',
  stage: 'pairWork',
  current: 'menteeBase',
  activityId: 'a-1',
  kind: 'regulation',
  count: 2,
  ids: 'a-1, a-2',
  checkpointId: 'jan',
  from: '2024-01-01',
  format: 'group',
  mentees: 3,
  violation: 'programme_too_long',
  rule: '003 §1.2',
  months: 14,
  maximum: 12,
};

describe('refusal texts', () => {
  const all = [
    ...Object.entries(pairRefusalTexts).map(([code, text]) => [`pair.${code}`, text] as const),
    ...Object.entries(programmeRefusalTexts).map(([code, text]) => [`programme.${code}`, text] as const),
  ];

  it('never show an internal code, a faked plural or undefined, in Russian or in English', () => {
    for (const cause of [
      'consent_missing',
      'consent_withdrawn',
      'consent_expired',
      'minor_requires_parent_consent',
    ]) {
      for (const [code, text] of all) {
        const t = (text as (p: typeof params) => { ru: string; en: string })({ ...params, cause });
        for (const s of [t.ru, t.en]) {
          expect(s, code).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
          expect(s, code).not.toMatch(/undefined|NaN|\[object|\((s|ies|ов|а)\)/);
        }
      }
    }
  });

  it('name events, phases, purposes and causes in words in English', () => {
    const t = pairRefusalTexts.consents_incomplete({
      personId: 'p-2',
      purpose: 'personalData',
      cause: 'consent_missing',
    });
    expect(t.en).toContain('processing of personal data');
    expect(t.en).not.toContain('personalData');
    const phases = ['awaitingOrganizational', 'forming', 'running'] as const;
    for (const phase of phases) {
      const en = pairRefusalTexts.event_not_allowed({ event: 'orderIssued', phase }).en;
      expect(en).not.toMatch(/orderIssued|awaitingOrganizational|forming"|running"/);
      expect(en).toMatch(/^Event "order issued" is not allowed in phase "[a-z ,]+"$/);
    }
  });

  it('re-render a refusal stored before refusals were issues (no path) from its code and params', () => {
    // As 0.x wrote it to a database or an HTTP response: code, both messages, params; no path.
    const stored = JSON.parse(
      JSON.stringify({
        code: 'consents_incomplete',
        message:
          'Нет необходимых письменных согласий: p-2 — «обработка персональных данных (152-ФЗ)» (нет согласия)',
        messageEn:
          'Written consents are incomplete: p-2 — "processing of personal data (152-FZ)" (no consent)',
        params: { personId: 'p-2', purpose: 'personalData', cause: 'consent_missing' },
      }),
    );
    const again = nastavnikIssue(stored.code, [], stored.params);
    expect(again).toEqual({ ...stored, path: [] });
    expect(pairRefusalTexts.consents_incomplete(stored.params)).toEqual({
      ru: stored.message,
      en: stored.messageEn,
    });
  });
});
