import { isNastavnikError, type NastavnikError } from '@nastavnik/core';
import {
  buildConsentForm,
  buildDisseminationConsentForm,
  processingConsentChecklist,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from './__fixtures__/docxRead';
import { lyceum7, lyceumPeople } from './__fixtures__/samples';

const operatorAddress = '187556, Ленинградская область, г. Тихвин, 5-й микрорайон, д. 3';
const child = {
  ...(lyceumPeople[7] as (typeof lyceumPeople)[number]),
  address: '187555, г. Тихвин, 1-й микрорайон, д. 22, кв. 9',
  identityDocument: {
    kind: 'birthCertificate' as const,
    series: 'II-ВО',
    number: '634512',
    issuedAt: '2009-03-20',
    issuedBy: 'отделом ЗАГС администрации Тихвинского района',
  },
};
const parent = {
  name: { lastName: 'Соколова', firstName: 'Ирина', middleName: 'Викторовна' },
  address: '187555, г. Тихвин, ул. Новая, д. 5',
  identityDocument: {
    kind: 'passport' as const,
    series: '41 05',
    number: '123456',
    issuedAt: '2015-03-02',
    issuedBy: 'ТП УФМС России в Тихвинском р-не',
  },
  authorityDocument: 'свидетельство о рождении II-ВО № 634512 от 20.03.2009',
};
const teacher = {
  ...(lyceumPeople[6] as (typeof lyceumPeople)[number]),
  address: '187555, г. Тихвин, ул. Советская, д. 12, кв. 4',
  identityDocument: {
    kind: 'passport' as const,
    series: '41 08',
    number: '512345',
    issuedAt: '2012-05-17',
    issuedBy: 'ТП УФМС России в Тихвинском р-не',
  },
};

async function docxText(doc: Parameters<typeof renderDocx>[0]): Promise<string> {
  const content = await readDocx(await renderDocx(doc));
  return content.body
    .map((b) => ('p' in b ? b.p : b.table.map((r) => r.join(' | ')).join('\n')))
    .join('\n')
    .replaceAll('\u00a0', ' ');
}

function refusal(f: () => unknown): NastavnikError {
  try {
    f();
  } catch (e) {
    if (isNastavnikError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('consent to processing (152-ФЗ ст. 9 ч. 4), read back from the DOCX', () => {
  it('a parent’s pre-filled consent has every element of the checklist, with the registry’s values', async () => {
    const text = await docxText(
      buildConsentForm({
        organization: lyceum7,
        operatorAddress,
        subject: child,
        representative: parent,
        date: '2023-09-06',
      }),
    );
    for (const e of processingConsentChecklist) expect(text, e.id).toContain(e.label);
    // The values of п. 1–3, as the registry holds them.
    for (const value of [
      'Соколова Ирина Викторовна',
      parent.address,
      '41 05 № 123456',
      'выдан 02.03.2015',
      'свидетельства о рождении II-ВО № 634512 от 20.03.2009',
      'Соколова Артёма Денисовича',
      child.address,
      'свидетельство о рождении серия II-ВО № 634512, выдано 20.03.2009',
      operatorAddress,
    ]) {
      expect(text).toContain(value);
    }
    // The operator in the dative; agreement with the genders; no slash forms.
    expect(text).toContain(
      'даю согласие Муниципальному общеобразовательному учреждению «Лицей № 7» (МОУ «Лицей № 7»)',
    );
    expect(text).toContain('Я, Соколова Ирина Викторовна, зарегистрированная по адресу');
    expect(text).toContain('несовершеннолетнего Соколова Артёма Денисовича');
    expect(text).toContain('обучающегося 8 класса, зарегистрированного по адресу');
    expect(text).not.toMatch(/\((ая|а|ой|ей)\)|\/ая|его \(её\)/);
    // Purposes as nouns in the genitive, not a tautology of the consent's own title.
    expect(text).toMatch(/в целях:\n.*организации и реализации программы наставничества/);
    expect(text).not.toMatch(/Цели обработки[^\n]*в целях/);
    // The document proving the authority in the genitive after «на основании», not a nominative after a colon.
    expect(text).toContain(
      'действуя на основании свидетельства о рождении II-ВО № 634512 от 20.03.2009 (документ, подтверждающий полномочия законного представителя)',
    );
    expect(text).not.toMatch(/на основании: /);
    // A parent writes «сына», a guardian «подопечного» — not both at once.
    expect(text).toContain(
      'на обработку персональных данных моего несовершеннолетнего сына на следующих условиях',
    );
    // Dissemination is not bundled in (ст. 10.1).
    expect(text).toContain('настоящим согласием не даётся и оформляется отдельным документом');
    expect(text).not.toMatch(/Разрешаю к распространению/);
  });

  it('a guardian’s act of appointment is put in the genitive; a title the table does not know is quoted after its label', async () => {
    const guardian = {
      ...parent,
      relation: 'guardian' as const,
      authorityDocument: 'распоряжение администрации Тихвинского района от 12.01.2020 № 15-р',
    };
    const text = await docxText(
      buildConsentForm({
        organization: lyceum7,
        operatorAddress,
        subject: child,
        representative: guardian,
        date: '2023-09-06',
      }),
    );
    expect(text).toContain(
      'действуя на основании распоряжения администрации Тихвинского района от 12.01.2020',
    );
    expect(text).toContain('моего несовершеннолетнего подопечного на следующих условиях');
    expect(text).not.toContain('сына');
    const odd = await docxText(
      buildConsentForm({
        organization: lyceum7,
        operatorAddress,
        subject: child,
        representative: { ...parent, authorityDocument: 'II-ВО № 634512' },
        date: '2023-09-06',
      }),
    );
    expect(odd).toContain('документ, подтверждающий полномочия законного представителя: II-ВО № 634512');
    expect(odd).not.toContain('на основании II');
  });

  it('an adult’s consent agrees with the subject’s gender and has every element that applies', async () => {
    const text = await docxText(
      buildConsentForm({ organization: lyceum7, operatorAddress, subject: teacher, date: '2023-09-05' }),
    );
    for (const e of processingConsentChecklist.filter((x) => x.when === 'always'))
      expect(text, e.id).toContain(e.label);
    expect(text).toContain('Я, Лебедева Ксения Андреевна, зарегистрированная по адресу');
    const male = await docxText(
      buildConsentForm({
        organization: lyceum7,
        operatorAddress,
        subject: {
          ...teacher,
          id: 'b',
          name: { lastName: 'Белов', firstName: 'Игорь', middleName: 'Петрович' },
          gender: 'male',
        },
        date: '2023-09-05',
      }),
    );
    expect(male).toContain('Я, Белов Игорь Петрович, зарегистрированный по адресу');
    expect(male).toContain('на обработку моих персональных данных');
  });

  it('refuses to pre-fill when the registry lacks an element the law requires — by element id and path, no values', () => {
    const e = refusal(() =>
      buildConsentForm({
        organization: lyceum7,
        subject: { ...child, address: undefined, identityDocument: undefined },
        representative: { name: parent.name },
        date: '2023-09-06',
      }),
    );
    expect(e.code).toBe('consent_element_missing');
    expect(e.issues.map((i) => [i.path.join('.'), (i.params as { element?: string }).element])).toEqual([
      ['subject.address', 'subjectAddress'],
      ['subject.identityDocument', 'subjectDocument'],
      ['organization.address', 'operatorAddress'],
      ['representative.address', 'representativeAddress'],
      ['representative.identityDocument', 'representativeDocument'],
      ['representative.authorityDocument', 'authorityDocument'],
    ]);
    expect(JSON.stringify(e.toJSON())).not.toMatch(/Соколов/);
  });

  it('a blank form has a line for every element and no gendered participle to agree', async () => {
    const text = await docxText(
      buildConsentForm({
        organization: { ...lyceum7, address: operatorAddress },
        date: '2023-09-01',
        minor: true,
      }),
    );
    for (const e of processingConsentChecklist)
      expect(text, e.id).toContain('blankLabel' in e ? e.blankLabel : e.label);
    expect(text).toContain('(фамилия, имя, отчество родителя (законного представителя))');
    // No tautologies: an address is not «адрес — по адресу», purposes are not «цели — в целях».
    expect(text).not.toMatch(/адрес[^,\n]*— по адресу|Цели обработки[^\n]*в целях/);
    expect(text).not.toMatch(/зарегистрированн/);
  });
});

describe('consent to dissemination (152-ФЗ ст. 10.1) is a separate document', () => {
  it('has its own title, the resources, and a decision per category; what was not allowed stays not allowed', async () => {
    const doc = buildDisseminationConsentForm({
      organization: lyceum7,
      operatorAddress,
      subject: teacher,
      date: '2023-09-05',
      resources: ['официальный сайт https://lyceum7-tikhvin.ru'],
      permissions: [
        { item: 'name', allowed: true, unlimited: true },
        { item: 'photo', allowed: true, conditions: 'только групповые фотографии' },
      ],
    });
    expect(doc.meta.kind).toBe('consentDissemination');
    const text = await docxText(doc);
    expect(text).toContain('разрешённых субъектом персональных данных для распространения');
    expect(text).toContain('https://lyceum7-tikhvin.ru');
    expect(text).toMatch(/фамилия, имя, отчество \| да \| да/);
    expect(text).toMatch(/фотографическое изображение \| да \| нет \| только групповые фотографии/);
    expect(text).toMatch(/видеозапись \| нет \| —/);
    expect(text).toContain('в течение трёх рабочих дней');
    // The processing consent is not in it.
    expect(text).not.toContain('Перечень действий');
  });

  it('a blank dissemination form leaves the choice to the subject', async () => {
    const text = await docxText(
      buildDisseminationConsentForm({
        organization: lyceum7,
        operatorAddress,
        date: '2023-09-05',
        resources: ['сайт'],
      }),
    );
    expect(text).toMatch(/фамилия, имя, отчество \| □ да {2}□ нет/);
  });
});
