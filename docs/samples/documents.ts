/**
 * @nastavnik/documents: the order approving pairs from matched pairs, with
 * consents checked; a roadmap from a seed; a questionnaire as a printable
 * form and as JSON Schema; renderers to DOCX, HTML, Markdown and XLSX.
 */
import { mayProcess, type OrderInput, type PairInput, PairSchema, parse } from '@nastavnik/core';
import { seedRoadmaps } from '@nastavnik/core/roadmaps';
import { generateMunicipality } from '@nastavnik/core/sample';
import {
  buildPairsOrder,
  buildQuestionnaireForm,
  buildRoadmap,
  questionnaireJsonSchema,
  renderHtml,
  renderMarkdown,
  standardQuestionnaire,
} from '@nastavnik/documents';
import { renderDocx } from '@nastavnik/documents/docx';
import { renderXlsx } from '@nastavnik/documents/xlsx';
import { matchOptimal } from '@nastavnik/matching';

export interface DocumentsSummary {
  pairs: number;
  docxBytes: number;
  docxIsZip: boolean;
  htmlHasTitle: boolean;
  markdownLines: number;
  xlsxBytes: number;
  roadmapTables: number;
  formBlocks: number;
  jsonSchemaType: string;
}

export async function main(): Promise<DocumentsSummary> {
  const municipality = generateMunicipality({ seed: 1 });
  const school = municipality.schools[0]!;
  const byId = new Map(school.persons.map((p) => [p.id, p]));
  const date = '2023-10-02';

  // #region pairs
  // Pairs proposed by matching, kept only where each participant's written
  // consent is in force: the mentor's to the extra duties, the mentee's to the
  // processing of personal data (for a minor, signed by a parent) — 003 §3.3, §6.2.
  const proposed = matchOptimal({
    date,
    mentors: school.mentorProfiles.map((profile) => ({ person: byId.get(profile.personId)!, profile })),
    mentees: school.menteeProfiles.map((profile) => ({ person: byId.get(profile.personId)!, profile })),
    consents: [...school.consents],
  });
  const consented = (id: string, purpose: 'mentorDuties' | 'personalData') => {
    const person = byId.get(id as never);
    return person !== undefined && mayProcess(person, school.consents, date, purpose).allowed;
  };
  const pairs = proposed.pairs
    .filter((p) => consented(p.mentorId, 'mentorDuties') && consented(p.menteeId, 'personalData'))
    .map((p, i) =>
      parse(PairSchema, {
        id: `pair-${i + 1}`,
        organizationId: school.organization.id,
        mentorId: p.mentorId,
        menteeIds: [p.menteeId],
        form: byId.get(p.menteeId as never)?.category === 'pupil' ? 'studentStudent' : 'educatorEducator',
        formats: ['traditional'],
        origin: 'matching',
      } satisfies PairInput),
    );
  // #endregion pairs

  // #region order
  const order: OrderInput = {
    id: 'ord-pairs',
    organizationId: school.organization.id,
    kind: 'approvePairs',
    number: '57-о',
    date,
    title: 'О закреплении наставнических пар на 2023–2024 учебный год',
    signatory: { position: 'директор', name: school.head.name },
  };
  // The builder checks the consents again and refuses a pair without them.
  const doc = buildPairsOrder({
    organization: school.organization,
    order,
    people: [...school.persons],
    pairs,
    consents: [...school.consents],
    start: date,
    end: '2024-05-31',
    curatorId: school.curator.id,
    // A region's consent policy is data; here the order asks for the personal-data consent the registry holds.
    consentPolicy: { id: 'registry-consents', rules: [{ activities: ['pair'], purposes: ['personalData'] }] },
  });
  // #endregion order

  // #region render
  const docx = await renderDocx(doc); // bytes of a .docx: A4, Times New Roman 14 pt, ГОСТ Р 7.0.97 margins
  const html = renderHtml(doc); // a fragment for the school site: escaped, no scripts
  const markdown = renderMarkdown(doc); // GFM tables, for wikis
  const xlsx = await renderXlsx(doc); // the tables, one sheet each
  console.log(`DOCX: ${docx.byteLength} байт; HTML: ${html.length} символов; пар в приказе: ${pairs.length}`);
  // #endregion render

  // #region roadmap
  // A seed roadmap with its own columns, as laid out in the source document.
  const roadmap = buildRoadmap({
    roadmap: seedRoadmaps.lyceum7Tikhvin004,
    organization: school.organization,
  });
  // #endregion roadmap

  // #region questionnaire
  // The preference survey after the group meeting (004 §4): printable, and as
  // JSON Schema 2020-12 for an online form.
  const preference = standardQuestionnaire('preference');
  const form = buildQuestionnaireForm({ questionnaire: preference, organization: school.organization });
  const schema = questionnaireJsonSchema(preference);
  // #endregion questionnaire

  return {
    pairs: pairs.length,
    docxBytes: docx.byteLength,
    docxIsZip: docx[0] === 0x50 && docx[1] === 0x4b,
    // HTML is typeset: a no-break space binds «О» to the next word.
    htmlHasTitle: html.replaceAll('\u00a0', ' ').includes('О закреплении наставнических пар'),
    markdownLines: markdown.split('\n').length,
    xlsxBytes: xlsx.byteLength,
    roadmapTables: roadmap.blocks.filter((b) => b.kind === 'table').length,
    formBlocks: form.blocks.length,
    jsonSchemaType: String(schema.type),
  };
}
