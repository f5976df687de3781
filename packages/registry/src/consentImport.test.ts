import {
  type Consent,
  type ConsentPolicy,
  ConsentPolicySchema,
  defaultConsentPolicy,
  parse,
} from '@nastavnik/core';
import { type ImportWarning, importRegistry, importRegistryStream } from '@nastavnik/registry';
import { describe, expect, it } from 'vitest';

// 152-ФЗ ст. 9 and seed 004 §1 (consents of parents for minors): registry import asks core's consent
// policy about every person it keeps, flags each gap on its row, and never drops the row.
const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const mentees = csv([
  'ID;ФИО;Дата рождения;Класс;Группа',
  'u-1;Соколов Артём Денисович;14.03.2010;8;обучающиеся 5–9 классов',
  'u-2;Петрова Анна Игоревна;02.02.2011;7;обучающиеся 5–9 классов',
  'u-3;Иванов Пётр Сергеевич;05.05.2009;9;обучающиеся 5–9 классов',
  'u-4;Смирнова Ольга Ивановна;01.01.2012;6;обучающиеся 5–9 классов',
]);
const consent = (id: string, personId: string, givenBy: 'self' | 'parent', extra: Partial<Consent> = {}) =>
  ({
    id,
    personId,
    purpose: 'personalData',
    givenBy,
    givenAt: '2023-09-01',
    ...(givenBy === 'parent' ? { representative: { lastName: 'Соколова', firstName: 'Ирина' } } : {}),
    ...extra,
  }) as Consent;
const consents: Consent[] = [
  consent('c1', 'u-1', 'parent'),
  consent('c2', 'u-2', 'self'), // a minor signed themself: not valid (004 §1)
  consent('c3', 'u-3', 'parent', { withdrawnAt: '2023-09-05' }),
  // u-4: none at all
];
const options = {
  kind: 'mentees',
  organizationId: 'lyceum-7',
  consentCheck: { consents, date: '2023-09-10' },
} as const;

const gaps = (ws: readonly ImportWarning[]) =>
  ws.filter((w) => w.code === 'consent_gap').map((w) => [w.row, w.params?.personId, w.params?.cause]);

describe('importRegistry checks consents (152-ФЗ ст. 9; 004 §1)', () => {
  it('flags every person without the consent the default policy requires, by row and id, and keeps every row', async () => {
    const r = await importRegistry(mentees, options);
    expect(r.records.map((x) => x.person.id)).toEqual(['u-1', 'u-2', 'u-3', 'u-4']);
    expect(r.rejected).toEqual([]);
    expect(gaps(r.warnings)).toEqual([
      [3, 'u-2', 'minor_requires_parent_consent'],
      [4, 'u-3', 'consent_withdrawn'],
      [5, 'u-4', 'consent_missing'],
    ]);
    // No names in the warnings, only ids (152-ФЗ: errors and logs carry no personal data).
    expect(JSON.stringify(r.warnings)).not.toMatch(/Петров|Иванов|Смирнов/);
    expect(r.warnings.some((w) => w.code === 'consents_not_checked')).toBe(false);
  });

  it('the streaming path flags the same rows, batch by batch', async () => {
    const all: ImportWarning[] = [];
    const ids: string[] = [];
    for await (const b of importRegistryStream(mentees, { ...options, batchSize: 1 })) {
      for (const w of b.warnings) all.push(w);
      for (const rec of b.records) ids.push(rec.person.id);
    }
    expect(ids).toEqual(['u-1', 'u-2', 'u-3', 'u-4']);
    expect(gaps(all)).toEqual(gaps((await importRegistry(mentees, options)).warnings));
  });

  it('a region’s policy is asked instead of the default one', async () => {
    const policy: ConsentPolicy = parse(ConsentPolicySchema, {
      ...defaultConsentPolicy,
      id: 'region',
      rules: [
        ...defaultConsentPolicy.rules,
        { activities: ['registry'], categories: ['pupil'], purposes: ['participation'] },
      ],
    });
    const r = await importRegistry(mentees, {
      ...options,
      consentCheck: { consents, date: '2023-09-10', policy },
    });
    // u-1 has the consent to processing but not to participation, which this region asks for the registry.
    expect(gaps(r.warnings)).toContainEqual([2, 'u-1', 'consent_missing']);
    expect(r.records).toHaveLength(4);
  });

  it('mentors are checked in the mentor role', async () => {
    const mentors = csv(['ID;ФИО;Должность;Стаж', 't-1;Белов Игорь Петрович;учитель математики;12']);
    const r = await importRegistry(mentors, {
      kind: 'mentors',
      organizationId: 'lyceum-7',
      consentCheck: { consents: [], date: '2023-09-10' },
    });
    expect(r.records).toHaveLength(1);
    expect(gaps(r.warnings)).toEqual([[2, 't-1', 'consent_missing']]);
  });

  it('without consents to check against, one file-level warning says the check did not run', async () => {
    const r = await importRegistry(mentees, { kind: 'mentees', organizationId: 'lyceum-7' });
    expect(r.warnings.filter((w) => w.code === 'consents_not_checked')).toHaveLength(1);
    expect(gaps(r.warnings)).toEqual([]);
    expect(r.records).toHaveLength(4);
  });
});
