import {
  OrganizationSchema,
  parse,
  type Roadmap,
  type RoadmapActivity,
  type RoadmapColumn,
  RoadmapSchema,
} from '@nastavnik/core';
import { z } from 'zod';
import { NBSP } from '../_internal/common';
import type { Block, NastavnikDocument, TableColumn, TableRowValue } from '../model';
import { formatDateShort } from '../typography/dates';
import { formatOrderNumber } from '../typography/numbers';

const WIDTHS: Record<RoadmapColumn['key'], number> = {
  number: 0.8,
  stage: 2.4,
  activity: 3.6,
  content: 5,
  due: 1.6,
  responsible: 2.4,
  result: 3.6,
};

function cell(key: RoadmapColumn['key'], a: RoadmapActivity, stage: string, numberInTitle = false): string {
  switch (key) {
    case 'number':
      return a.number;
    case 'stage':
      return stage;
    case 'activity':
      return numberInTitle && a.number !== '' ? `${a.number} ${a.title}` : a.title;
    case 'content':
      return a.content ?? '';
    case 'due':
      return a.dueText;
    case 'responsible':
      return a.responsible.join(', ');
    case 'result':
      return a.result ?? '';
  }
}

/** The blocks of a roadmap: title and the table with the roadmap's own columns. */
export function roadmapBlocks(roadmap: Roadmap): Block[] {
  const columns: TableColumn[] = roadmap.columns.map((c) => ({ header: c.header, width: WIDTHS[c.key] }));
  const keys = roadmap.columns.map((c) => c.key);
  const hasStage = keys.includes('stage');
  // 003 prints one stage per row (the stage is the activity); 004 groups activities under a stage.
  const stageIsActivity = hasStage && !keys.includes('activity');
  const rows: TableRowValue[] = [];
  for (const s of roadmap.sections) {
    if (hasStage) {
      s.activities.forEach((a, i) => {
        rows.push({
          cells: roadmap.columns.map((c) => {
            if (c.key === 'stage') return stageIsActivity ? a.title : i === 0 ? s.title : '';
            if (c.key === 'number') return a.number || (i === 0 ? s.number : '');
            return cell(c.key, a, s.title);
          }),
        });
      });
      continue;
    }
    if (keys[0] === 'number' && s.number !== '' && columns.length > 1) {
      // 002: the stage number stands in the № column, its title spans the rest.
      rows.push({
        cells: [
          { text: s.number, bold: true },
          { text: s.title, colSpan: columns.length - 1, bold: true },
        ],
      });
    } else {
      const prefix = s.number === '' || /^\d/u.test(s.title) ? '' : `Этап ${s.number.replace(/\.$/u, '')}. `;
      rows.push({ cells: [`${prefix}${s.title}`], section: true });
    }
    if (s.task) rows.push({ cells: [s.task], section: true });
    // Without a № column (001) the number is printed before the activity, as in the source.
    const numberInTitle = !keys.includes('number');
    for (const a of s.activities) {
      rows.push({ cells: roadmap.columns.map((c) => cell(c.key, a, s.title, numberInTitle)) });
    }
  }
  const blocks: Block[] = [
    { kind: 'title', text: roadmap.title },
    { kind: 'table', caption: 'Дорожная карта', showCaption: false, columns, rows },
  ];
  if (roadmap.compiledBy)
    blocks.push({ kind: 'paragraph', text: `Составила: ${roadmap.compiledBy}`, indent: false });
  return blocks;
}

const DATIVE_ACT: Record<string, string> = {
  приказ: 'приказу',
  распоряжение: 'распоряжению',
  постановление: 'постановлению',
  решение: 'решению',
};

/**
 * The annex label of a roadmap approved by an act given in the nominative
 * («приказ МКОУ «Рассветовская СОШ» (Приложение 2)») → «Приложение 2»,
 * «к приказу МКОУ «Рассветовская СОШ»», «от 08.02.2022 № 5/1-п.о.д.».
 */
export function approvalLabel(approvedBy: NonNullable<Roadmap['approvedBy']>): string[] {
  const m = /^(.*?)\s*\((Приложение[^)]*)\)\s*$/u.exec(approvedBy.act);
  const act = (m?.[1] ?? approvedBy.act).trim();
  const annex = m?.[2] ?? 'Приложение';
  const [first = '', ...rest] = act.split(' ');
  const dat = DATIVE_ACT[first.toLowerCase()] ?? first;
  return [
    annex,
    `к ${[dat, ...rest].join(' ')}`,
    `от${NBSP}${formatDateShort(approvedBy.date)} ${formatOrderNumber(approvedBy.number)}`,
  ];
}

const RoadmapDocumentInputSchema = z.object({
  roadmap: RoadmapSchema,
  organization: OrganizationSchema.optional(),
  parentOrganization: OrganizationSchema.optional(),
});

/**
 * Input of {@link buildRoadmap}.
 *
 * @category Builders
 * @example
 * const input: RoadmapDocumentInput = { roadmap: seedRoadmaps.lyceum7Tikhvin004 };
 */
export type RoadmapDocumentInput = z.input<typeof RoadmapDocumentInputSchema>;

/**
 * The roadmap (дорожная карта, план мероприятий) as the seeds lay it out:
 * each roadmap keeps its own columns (№, stage, activity, content, due,
 * responsible, result / document) and headers; stages become spanning rows,
 * or fill the stage column where the roadmap has one. With `approvedBy`, the
 * annex label «Приложение к приказу от … № …» is printed top right. Pages
 * are landscape; the header row repeats on each page.
 *
 * @category Builders
 * @example
 * const doc = buildRoadmap({ roadmap });
 * const xlsx = await renderXlsx(doc);
 */
export function buildRoadmap(input: RoadmapDocumentInput): NastavnikDocument {
  const v = parse(RoadmapDocumentInputSchema, input);
  const blocks: Block[] = [];
  if (v.roadmap.approvedBy) {
    const a = v.roadmap.approvedBy;
    blocks.push({ kind: 'paragraph', text: approvalLabel(a).join('\n'), align: 'right', indent: false });
  }
  if (v.organization) {
    blocks.unshift({
      kind: 'orgHeader',
      lines: [...(v.parentOrganization ? [v.parentOrganization.name] : []), v.organization.name],
    });
  }
  blocks.push(...roadmapBlocks(v.roadmap));
  return { meta: { kind: 'roadmap', title: v.roadmap.title, landscape: true }, blocks, annexes: [] };
}
