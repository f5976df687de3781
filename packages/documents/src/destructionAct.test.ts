import { type Consent, defaultConsentPolicy, retentionSchedule } from '@nastavnik/core';
import { buildDestructionAct } from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from './__fixtures__/docxRead';
import { lyceum7 } from './__fixtures__/samples';

describe('act of destruction of personal data (RKN order № 179)', () => {
  it('is built from the retention schedule and names subjects by id, with medium, method and ground', async () => {
    const consents = [
      {
        id: 'c1',
        personId: 'p-1',
        purpose: 'personalData',
        givenBy: 'self',
        givenAt: '2023-09-01',
        withdrawnAt: '2024-02-01',
      },
    ] as unknown as Consent[];
    const due = retentionSchedule(
      {
        records: [{ id: 'base/p-1', personId: 'p-1', dataset: 'база наставляемых', purpose: 'personalData' }],
        consents,
      },
      defaultConsentPolicy,
      '2024-02-10',
    );
    const doc = buildDestructionAct({
      organization: { ...lyceum7, address: '187556, г. Тихвин, 5-й микрорайон, д. 3' },
      number: '3',
      date: '2024-02-20',
      commission: [
        {
          name: { lastName: 'Яковлева', firstName: 'Елена', middleName: 'Сергеевна' },
          position: 'заместитель директора по УВР',
        },
      ],
      items: due.map((d) => ({
        personId: d.personId,
        categories: ['фамилия, имя, отчество', 'анкеты'],
        medium: { kind: 'system' as const, title: 'база наставляемых' },
        ground: d.ground,
      })),
    });
    const { body } = await readDocx(await renderDocx(doc));
    const text = body
      .map((b) => ('p' in b ? b.p : b.table.map((r) => r.join(' | ')).join('\n')))
      .join('\n')
      .replaceAll('\u00a0', ' ');
    for (const part of [
      'Акт № 3 об уничтожении персональных данных',
      'адрес: 187556',
      'Яковлева Елена Сергеевна — заместитель директора по УВР',
      'p-1',
      'удаление из информационной системы',
      'ч. 5 ст. 21',
      '№ 179',
    ]) {
      expect(text).toContain(part);
    }
  });
});
