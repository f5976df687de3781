import {
  type Catalogue,
  ConsentPolicySchema,
  ConsentSchema,
  catalogueLabel,
  fail,
  IsoDateSchema,
  mentorshipForms,
  OrganizationSchema,
  PersonSchema,
  PracticeCaseSchema,
  type PracticeReviewStep,
  type PublishablePractice,
  parse,
  preparePracticeForPublication,
} from '@nastavnik/core';
import { z } from 'zod';
import { orgShort } from '../_internal/common';
import { isCatalogue } from '../_internal/schemas';
import type { Block, NastavnikDocument } from '../model';
import { escapeHtml } from '../render/html';
import { formatDateShort, formatTerm } from '../typography/dates';
import { formatNumber } from '../typography/numbers';
import { typograph } from '../typography/text';

const PracticeSourceSchema = z.object({
  practice: PracticeCaseSchema,
  people: z.array(PersonSchema).max(4000),
  consents: z.array(ConsentSchema).default([]),
});

const PracticeCaseInputSchema = PracticeSourceSchema.extend({
  organization: OrganizationSchema,
  /** The publication date: consents to dissemination are judged on it. */
  date: IsoDateSchema,
  consentPolicy: ConsentPolicySchema.optional(),
  forms: z.custom<Catalogue>(isCatalogue).optional(),
});

/**
 * Input of {@link buildPracticeCase}: the reviewed case, the people it may
 * mention and their consents, the organization, the publication date.
 *
 * @category Builders
 * @example
 * const input: PracticeCaseDocumentInput = { practice, people, consents, organization, date: '2024-06-10' };
 */
export type PracticeCaseDocumentInput = z.input<typeof PracticeCaseInputSchema>;

function value(n: number | null | undefined, unit: string): string {
  if (n === null || n === undefined) return '—';
  const u = unit === '' ? '' : unit === '%' ? '\u00a0%' : `\u00a0${unit}`;
  return `${formatNumber(Math.round(n * 10) / 10)}${u}`;
}

const MATERIAL_KIND: Readonly<Record<string, string>> = {
  methodical: 'методический материал',
  plan: 'план',
  video: 'видео',
  presentation: 'презентация',
  other: 'материал',
};

function lastReview(history: readonly PracticeReviewStep[]): PracticeReviewStep | undefined {
  return [...history].reverse().find((h) => h.status === 'reviewed');
}

/** The blocks of one published case; `number` prefixes the title in a collection. */
function caseBlocks(
  out: PublishablePractice,
  organizationName: string,
  forms: Catalogue,
  number?: number,
): Block[] {
  const c = out.practice;
  const review = lastReview(c.history);
  const participants = out.participants.map(
    (p) =>
      `${p.label.charAt(0).toUpperCase()}${p.label.slice(1)}${p.name ? ` — ${p.name}` : ''} (${p.profile})`,
  );
  const blocks: Block[] = [
    {
      kind: 'title',
      text: number === undefined ? c.title : `${number}. ${c.title}`,
      subtitle: organizationName,
    },
    {
      kind: 'table',
      caption: 'Паспорт практики',
      showCaption: false,
      columns: [
        { header: 'Раздел', width: 2.2 },
        { header: 'Содержание', width: 5 },
      ],
      rows: [
        { cells: ['Форма наставничества', catalogueLabel(forms, c.form)] },
        { cells: ['Целевая группа', c.targetGroup] },
        { cells: ['Период реализации', formatTerm(c.period.start, c.period.end)] },
        { cells: ['Участники', participants.join(';\n')] },
      ],
    },
    { kind: 'heading', text: 'Проблема', level: 2 },
    { kind: 'paragraph', text: c.problem },
    { kind: 'heading', text: 'Что было сделано', level: 2 },
    ...c.actions.map((a, i): Block => ({ kind: 'numbered', number: `${i + 1}.`, text: a })),
    { kind: 'heading', text: 'Результаты', level: 2 },
    { kind: 'paragraph', text: c.results },
  ];
  if (c.indicators.length > 0) {
    // A column nobody measured (no value at the start, no target) is left out rather than printed as dashes.
    const hasBefore = c.indicators.some((i) => i.before !== null && i.before !== undefined);
    const hasTarget = c.indicators.some((i) => i.target !== undefined);
    blocks.push({
      kind: 'table',
      caption: 'Показатели результативности',
      columns: [
        { header: 'Показатель', width: 4 },
        ...(hasBefore ? [{ header: 'В начале', width: 1.3, numeric: true }] : []),
        { header: 'По итогам', width: 1.3, numeric: true },
        ...(hasTarget ? [{ header: 'Целевое значение', width: 1.4, numeric: true }] : []),
      ],
      rows: c.indicators.map((i) => ({
        cells: [
          i.title,
          ...(hasBefore ? [value(i.before, i.unit)] : []),
          value(i.value, i.unit),
          ...(hasTarget ? [value(i.target, i.unit)] : []),
        ],
      })),
    });
  }
  if (c.materials.length > 0) {
    blocks.push({ kind: 'heading', text: 'Материалы', level: 2 });
    blocks.push({
      kind: 'list',
      items: c.materials.map(
        (m) => `${m.title} (${MATERIAL_KIND[m.kind] ?? 'материал'})${m.url ? `: ${m.url}` : ''}`,
      ),
    });
  }
  if (review) {
    blocks.push({
      kind: 'paragraph',
      text: `Практика рассмотрена: ${review.byPosition}, ${formatDateShort(review.at)}.`,
      indent: false,
    });
  }
  return blocks;
}

function prepare(
  v: z.output<typeof PracticeSourceSchema>,
  date: string,
  policy: z.output<typeof ConsentPolicySchema> | undefined,
): PublishablePractice {
  return preparePracticeForPublication(v.practice, {
    people: v.people,
    consents: v.consents,
    date,
    ...(policy ? { consentPolicy: policy } : {}),
  });
}

/**
 * One case of the bank of best practices as the authority's site and a
 * DOCX print it (001 7.4, 7.5; 002 4.3): the passport (form, target
 * group, period, participants), the problem, what was done, the results,
 * the indicators before and after, the materials, and who reviewed it.
 * The case goes through core's `preparePracticeForPublication` first: only
 * a reviewed case is printed, people are named only with the consent to
 * dissemination (152-ФЗ ст. 10.1), everyone else is scrubbed from every
 * text and shown by role.
 *
 * @category Builders
 * @example
 * const doc = buildPracticeCase({ practice, people, consents, organization, date: '2024-06-10' });
 * const html = renderHtml(doc, { fullPage: true });
 */
export function buildPracticeCase(input: PracticeCaseDocumentInput): NastavnikDocument {
  const v = parse(PracticeCaseInputSchema, input);
  const out = prepare(v, v.date, v.consentPolicy);
  return {
    meta: { kind: 'practiceCase', title: out.practice.title },
    blocks: caseBlocks(out, orgShort(v.organization), v.forms ?? mentorshipForms),
    annexes: [],
  };
}

const PracticeCollectionInputSchema = z.object({
  /** The authority that publishes the collection. */
  organization: OrganizationSchema,
  title: z.string().trim().min(1).max(300).default('Лучшие практики наставничества'),
  /** «электронный сборник», the year and place on the title page. */
  year: z.number().int().min(2000).max(2100),
  date: IsoDateSchema,
  /** A foreword from the authority (one paragraph per string). */
  foreword: z.array(z.string().trim().min(1).max(3000)).max(10).default([]),
  cases: z
    .array(
      PracticeSourceSchema.extend({
        /** The organization whose case it is. */
        organization: OrganizationSchema,
      }),
    )
    .min(1)
    .max(200),
  consentPolicy: ConsentPolicySchema.optional(),
  forms: z.custom<Catalogue>(isCatalogue).optional(),
});

/**
 * Input of {@link buildPracticeCollection}.
 *
 * @category Builders
 * @example
 * const input: PracticeCollectionInput = { organization: authority, year: 2024, date: '2024-06-20', cases: [{ practice, people, consents, organization: school }] };
 */
export type PracticeCollectionInput = z.input<typeof PracticeCollectionInputSchema>;

/**
 * The electronic collection «Лучшие практики наставничества» (001 7.5): a
 * title page (the authority, the title, «электронный сборник», the year), a
 * foreword, the contents (case numbers, titles and schools), then every
 * case on its own pages as {@link buildPracticeCase} prints it — each one
 * reviewed and prepared for publication (named only with the consent to
 * dissemination). Refuses a collection with a case that is not reviewed.
 *
 * @category Builders
 * @example
 * const doc = buildPracticeCollection({ organization: authority, year: 2024, date: '2024-06-20', cases });
 * const bytes = await renderDocx(doc);
 */
export function buildPracticeCollection(input: PracticeCollectionInput): NastavnikDocument {
  const v = parse(PracticeCollectionInputSchema, input);
  const forms = v.forms ?? mentorshipForms;
  const prepared = v.cases.map((c) => prepare(c, v.date, v.consentPolicy));
  const blocks: Block[] = [
    { kind: 'orgHeader', lines: [v.organization.name] },
    // The title in the middle of the page, the place and year at the foot, as a title page is set.
    ...Array.from({ length: 8 }, (): Block => ({ kind: 'paragraph', text: '', indent: false, spaced: true })),
    { kind: 'title', text: v.title.toUpperCase(), subtitle: 'электронный сборник' },
    ...Array.from(
      { length: 10 },
      (): Block => ({ kind: 'paragraph', text: '', indent: false, spaced: true }),
    ),
    {
      kind: 'paragraph',
      text: `${v.organization.locality ? `${v.organization.locality}, ` : ''}${v.year}`,
      align: 'center',
      indent: false,
    },
    { kind: 'pageBreak' },
  ];
  if (v.foreword.length > 0) {
    blocks.push({ kind: 'heading', text: 'Предисловие', level: 1 });
    for (const p of v.foreword) blocks.push({ kind: 'paragraph', text: p });
  }
  blocks.push({ kind: 'heading', text: 'Содержание', level: 1 });
  blocks.push({
    kind: 'table',
    caption: 'Содержание',
    showCaption: false,
    columns: [
      { header: '№', width: 0.5, numeric: true },
      { header: 'Практика', width: 4.5 },
      { header: 'Образовательная организация', width: 3 },
    ],
    rows: prepared.map((p, i) => ({
      cells: [
        String(i + 1),
        p.practice.title,
        orgShort((v.cases[i] as (typeof v.cases)[number]).organization),
      ],
    })),
  });
  prepared.forEach((p, i) => {
    blocks.push({ kind: 'pageBreak' });
    blocks.push(
      ...caseBlocks(p, orgShort((v.cases[i] as (typeof v.cases)[number]).organization), forms, i + 1),
    );
  });
  return { meta: { kind: 'practiceCollection', title: v.title }, blocks, annexes: [] };
}

/**
 * The HTML index of the collection on the authority's site: the title, and
 * one link per case (to the page the caller wrote for it, `hrefs[i]`) with
 * the case's title after publication (scrubbed of anyone who did not
 * consent), its school and form. All text escaped and typeset.
 *
 * @category Builders
 * @example
 * const html = practiceIndexHtml(collectionInput, ['case-1.html', 'case-2.html']);
 */
export function practiceIndexHtml(input: PracticeCollectionInput, hrefs: readonly string[]): string {
  const v = parse(PracticeCollectionInputSchema, input);
  if (hrefs.length !== v.cases.length) {
    throw fail('invalid_input', ['hrefs'], { reason: 'dimensions' });
  }
  const forms = v.forms ?? mentorshipForms;
  const t = (s: string) => escapeHtml(typograph(s));
  const items = v.cases.map((c, i) => {
    const p = prepare(c, v.date, v.consentPolicy);
    const href = hrefs[i] as string;
    const safeHref =
      /^(?:https?:\/\/|[A-Za-z0-9_./-])[^\s"'<>]*$/u.test(href) && !/^javascript:/iu.test(href) ? href : '#';
    return `<li><a href="${escapeHtml(safeHref)}">${t(p.practice.title)}</a><br><small>${t(orgShort(c.organization))} · ${t(catalogueLabel(forms, p.practice.form))} · ${t(formatTerm(p.practice.period.start, p.practice.period.end))}</small></li>`;
  });
  return `<!doctype html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n<title>${t(v.title)}</title>\n<style>body{font-family:"Times New Roman",serif;max-width:46em;margin:2em auto;line-height:1.4}li{margin:.8em 0}small{color:#444}</style>\n</head>\n<body>\n<h1>${t(v.title)}</h1>\n<p>${t(v.organization.name)}. Электронный сборник, ${v.year}.</p>\n<ol>\n${items.join('\n')}\n</ol>\n</body>\n</html>\n`;
}
