import {
  AcademicYearSchema,
  addDaysIso,
  type Due,
  fail,
  IsoDateSchema,
  OrganizationSchema,
  type ProgrammeStage,
  ProgrammeStageSchema,
  parse,
  type Roadmap,
  type RoadmapInput,
  RoadmapSchema,
  registerCatalogue,
} from '@nastavnik/core';
import { z } from 'zod';
import { orgShort } from './_internal/common';
import { formatDateShort, formatMonth } from './typography/dates';

registerCatalogue();

const StageWindowSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** Who answers for the stage in this organization («Яковлева Е. С., заместитель директора по УВР»). */
  responsible: z.array(z.string().trim().min(1).max(300)).min(1),
});

const OrganizationRoadmapInputSchema = z.object({
  /** A seed roadmap (core's `seedRoadmaps`) used as the template: its columns, stages, activities. */
  template: RoadmapSchema,
  organization: OrganizationSchema,
  academicYear: AcademicYearSchema,
  /** The organization's own dates and people, by stage of the programme cycle. */
  stages: z.partialRecord(ProgrammeStageSchema, StageWindowSchema),
  /**
   * A municipal roadmap (002): the territory in the genitive («Тихвинского муниципального района»);
   * the organization is then the education authority and the title names the territory's schools.
   */
  territory: z.string().trim().min(1).max(300).optional(),
  /** The act that approves this roadmap (the introduction order). */
  approvedBy: z
    .object({
      act: z.string().trim().min(1).max(300),
      number: z.string().trim().min(1).max(50),
      date: IsoDateSchema,
    })
    .optional(),
});

/**
 * Input of {@link organizationRoadmap}.
 *
 * @category Builders
 * @example
 * const input: OrganizationRoadmapInput = { template: seedRoadmaps.lyceum7Tikhvin004, organization, academicYear: '2023-2024',
 *   stages: { menteeBase: { from: '2023-09-01', to: '2023-09-22', responsible: ['Яковлева Е. С.'] } } };
 */
export type OrganizationRoadmapInput = z.input<typeof OrganizationRoadmapInputSchema>;

/** Known slips of the seed texts, fixed when a seed is used as a template. */
const FIXES: readonly [RegExp, string][] = [
  [/Собор данных/gu, 'Сбор данных'],
  [/^Наименования этапа$/gu, 'Наименование этапа'],
  [/Проведении итогового/gu, 'Проведение итогового'],
  [/индивидуальных траектории/gu, 'индивидуальных траекторий'],
  [/База наставником/gu, 'База наставников'],
  [/^Формирование базы наставляемых Сбор данных о наставниках$/gu, 'Сбор данных о наставниках'],
  [/ {2,}/gu, ' '],
];

function fix(text: string): string {
  return FIXES.reduce((t, [re, to]) => t.replace(re, to), text);
}

/** The seed templates' own places and years, which an organization's copy replaces with its own. */
const SEED_PLACES = /(?:города|г\.)\s*Дагестанские Огни/gu;
const SEED_YEARS = /в 2023 г\./gu;

/** «сентябрь 2023 г.», «сентябрь — октябрь 2023 г.» or «01.09.2023 — 15.10.2023». */
function windowText(from: string, to: string): string {
  const sameMonth = from.slice(0, 7) === to.slice(0, 7);
  const wholeMonths = from.endsWith('-01') && isMonthEnd(to);
  if (sameMonth && wholeMonths) return capitalize(formatMonth(from));
  if (wholeMonths && from.slice(0, 4) === to.slice(0, 4))
    return capitalize(`${formatMonth(from).replace(/ \d{4}\u00a0г\.$/u, '')} — ${formatMonth(to)}`);
  return `${formatDateShort(from)} — ${formatDateShort(to)}`;
}

function isMonthEnd(date: string): boolean {
  return addDaysIso(date, 1).endsWith('-01');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function dueOf(from: string, to: string): Due {
  return from === to ? { kind: 'date', date: from } : { kind: 'deadline', date: to };
}

/**
 * An organization's own roadmap built from a seed template: the template's
 * columns, stages and activities, with the organization's name and year in
 * the title, the organization's own dates (each activity dated by the window
 * of its stage) and responsible people, its own approving act, and the
 * template's known slips fixed. Activities of stages the organization has
 * not scheduled are left out; a window that ends before it starts is refused.
 * The seed roadmaps stay as they are: templates and fixtures.
 *
 * @category Builders
 * @example
 * const roadmap = organizationRoadmap({ template: seedRoadmaps.lyceum7Tikhvin004, organization, academicYear: '2023-2024',
 *   stages: { pairFormation: { from: '2023-09-25', to: '2023-10-09', responsible: ['Яковлева Е. С.'] } } });
 * const order = buildIntroductionOrder({ organization, order, people, curatorId, startDate: '2023-09-01', roadmap });
 */
export function organizationRoadmap(input: OrganizationRoadmapInput): Roadmap {
  const v = parse(OrganizationRoadmapInputSchema, input);
  for (const [stage, w] of Object.entries(v.stages)) {
    if (w && w.to < w.from)
      throw fail('invalid_date_range', ['stages', stage, 'to'], { reason: 'periodEndsBeforeStart' });
  }
  const window = (stage: ProgrammeStage) => v.stages[stage];
  // A municipal copy names its own territory and year, never the template's («города Дагестанские Огни», «в 2023 г.»).
  const own = (text: string) =>
    v.territory
      ? fix(text)
          .replace(SEED_PLACES, v.territory)
          .replace(SEED_YEARS, `в ${v.academicYear.replace('-', '–')} учебном году`)
      : fix(text);
  const sections = v.template.sections
    .map((s) => ({
      ...s,
      title: own(s.title),
      ...(s.task ? { task: own(s.task) } : {}),
      activities: s.activities.flatMap((a) => {
        const w = window(a.stage);
        if (!w) return [];
        return [
          {
            ...a,
            title: own(a.title),
            ...(a.content ? { content: own(a.content) } : {}),
            ...(a.result ? { result: own(a.result) } : {}),
            // A continuous or recurring activity («постоянно», «в течение года», «ежемесячно») keeps its own
            // due, resolved against the organization's year; a one-off one takes its stage's dates.
            ...(a.due.kind === 'throughout' || a.due.kind === 'recurring'
              ? { dueText: own(a.dueText.charAt(0).toUpperCase() + a.dueText.slice(1)), due: a.due }
              : { dueText: windowText(w.from, w.to), due: dueOf(w.from, w.to) }),
            responsible: [...w.responsible],
          },
        ];
      }),
    }))
    .filter((s) => s.activities.length > 0);
  const { approvedBy: _seedAct, compiledBy: _seedAuthor, ...rest } = v.template;
  const roadmap: RoadmapInput = {
    ...rest,
    id: `${v.template.id}-${v.organization.id}`,
    organizationId: v.organization.id,
    academicYear: v.academicYear,
    title: v.territory
      ? `Муниципальная дорожная карта (план мероприятий) внедрения муниципальной целевой модели наставничества педагогических работников и обучающихся образовательных организаций ${v.territory} на ${v.academicYear.replace('-', '–')} учебный год`
      : `Дорожная карта (план мероприятий) реализации целевой модели наставничества в ${orgShort(v.organization)} на ${v.academicYear.replace('-', '–')} учебный год`,
    columns: v.template.columns.map((c) => ({ ...c, header: fix(c.header) })),
    sections,
    ...(v.approvedBy ? { approvedBy: v.approvedBy } : {}),
  };
  return parse(RoadmapSchema, roadmap);
}
