import { renderDocx } from '@nastavnik/documents/docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from './__fixtures__/docxRead';
import { sampleDocuments } from './__fixtures__/samples';

/**
 * What a lawyer looks for in each kind of document, as data: patterns the text read back from the
 * DOCX must contain (every one), and patterns it must not. Texts are typeset, so spaces may be NBSP.
 */
const S = '[\\s\\u00a0]';
const CHECKLISTS: Record<string, { must: RegExp[]; mustNot?: RegExp[] }> = {
  'order-introduction-003': {
    must: [
      /ПРИКАЗ/u,
      new RegExp(`№${S}5/1`, 'u'),
      /АЗ.1128\/08/u,
      /ПРИКАЗЫВАЮ:/u,
      /Утвердить:/u,
      /довести настоящий приказ до сведения всех участников/u,
      /Контроль за исполнением настоящего приказа оставляю за собой/u,
      /С приказом ознакомлен/u,
      /УТВЕРЖДЕНО\s*приказом/u,
      /Приложение 1/u,
    ],
    mustNot: [/г\.\./u],
  },
  'order-municipal-002': {
    must: [
      /Управление образования/u,
      /ПРИКАЗ/u,
      /273.ФЗ/u,
      /Р.145/u,
      /АЗ.1128\/08/u,
      /ПРИКАЗЫВАЮ:/u,
      /Внедрить с 23 января 2023 г\. в образовательных организациях городского округа/u,
      /МКОУ «СОШ № 1», МКОУ «СОШ № 2» и МКОУ «СОШ № 3»/u,
      /муниципальную целевую модель наставничества педагогических работников и обучающихся/u,
      /Руководителям образовательных организаций/u,
      /назначить кураторов её внедрения в срок до 30\.01\.2023/u,
      /базу наставляемых с перечнем запросов в срок до 05\.02\.2023/u,
      /\(муниципальным куратором\) Алиеву З\. Р\., главного специалиста/u,
      /муниципального мониторинга .* в срок до 31\.03\.2023/u,
      /аналитической справки по его итогам в срок до 28\.04\.2023/u,
      /Контроль за исполнением настоящего приказа оставляю за собой/u,
      /С приказом ознакомлен/u,
      /УТВЕРЖДЕНО\s*приказом МКУ «Управление образования»\s*от 20\.01\.2023 № 05/u,
      /Положение о муниципальной целевой модели наставничества педагогических работников и обучающихся/u,
      /в отношении педагогических работников:/u,
      /в отношении обучающихся:/u,
      /Муниципальная дорожная карта/u,
      /Приложение 2/u,
    ],
    mustNot: [
      /в Управление образования/u,
      /Внедрить .* муниципальной целевой модели наставничества педагогических/u,
    ],
  },
  'order-pairs': {
    must: [
      /Р.145/u,
      /Положением о системе наставничества/u,
      /ПРИКАЗЫВАЮ:|РАСПОРЯЖЕНИЕ/u,
      /Письменное согласие/u,
      /ознакомлен/u,
    ],
    mustNot: [/согласия участников на участие/u],
  },
  'order-competition': {
    must: [/рейтинг/iu, /по состоянию на/u, /макс\./u, /победитель/u],
  },
  'order-extension': { must: [/в связи с необходимостью подготовки/u, /п\.\s7\.2|7\.2 Положения/u] },
  'order-termination': { must: [/7\.1 Положения/u, /досрочно/u] },
  'directive-roadmap-004': {
    must: [
      /РАСПОРЯЖЕНИЕ/u,
      /\(кураторами\) Яковлеву Е\. С\., заместителя директора по УВР, и Родионову Т\. Ю\., заместителя директора по ВР/u,
      /Яковлевой Е\. С\., Родионовой Т\. Ю\., кураторам внедрения целевой модели наставничества обучающихся, обеспечить/u,
      /довести настоящее распоряжение до сведения всех участников образовательных отношений в срок до 01\.09\.2023/u,
    ],
  },
  'regulation-003': {
    must: [
      /УТВЕРЖДЕНО/u,
      /Общие положения/u,
      /273.ФЗ/u,
      /Права наставника/u,
      /Обязанности наставляемого/u,
      /Заключительные положения/u,
    ],
  },
  'personal-programme': {
    must: [/Персонализированная программа наставничества/u, /Индивидуальный план/u, /Наставник/u, /Куратор/u],
  },
  'report-final': { must: [/Итоговый аналитический отчёт/u, /Выводы/u, /Доля/u] },
};

describe('golden checklists: what a lawyer looks for, per document type (read back from DOCX)', () => {
  const docs = sampleDocuments();
  for (const [name, list] of Object.entries(CHECKLISTS)) {
    it(`${name}: every element present`, async () => {
      const doc = docs[name];
      expect(doc).toBeDefined();
      if (!doc) return;
      const content = await readDocx(await renderDocx(doc));
      const text = content.body
        .map((i) => ('p' in i ? i.p : i.table.map((r) => r.join(' | ')).join('\n')))
        .join('\n')
        // Typeset text: read NBSP as a space and U+2011 as a hyphen for the checks.
        .replaceAll('\u00a0', ' ')
        .replaceAll('\u2011', '-');
      for (const re of list.must) expect(text).toMatch(re);
      for (const re of list.mustNot ?? []) expect(text).not.toMatch(re);
      // Multi-page documents carry page numbers in the footer.
      expect(Object.keys(content.zip.files).some((f) => /^word\/footer\d+\.xml$/u.test(f))).toBe(true);
    });
  }
});
