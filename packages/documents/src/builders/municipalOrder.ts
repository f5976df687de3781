import {
  fail,
  IsoDateSchema,
  OrganizationSchema,
  PersonIdSchema,
  parse,
  RoadmapSchema,
} from '@nastavnik/core';
import { z } from 'zod';
import {
  acquaintance,
  annexLabel,
  capitalize,
  findPerson,
  orgShort,
  personIn,
  signature,
} from '../_internal/common';
import { BASIS, control, head, ORDER_WORD } from '../_internal/orderParts';
import { orderBase } from '../_internal/schemas';
import type { Annex, Block, NastavnikDocument } from '../model';
import { formatDateLong, formatDateShort } from '../typography/dates';
import { byGender } from '../typography/names';
import { joinAnd } from '../typography/text';
import { RegulationOptionsSchema, regulationBlocks } from './regulation';
import { roadmapBlocks } from './roadmap';

/** The deadlines the municipal order sets for its schools and its curator (002 items 1.5–5.4). */
const DeadlinesSchema = z.object({
  /** Schools issue their own acts on the model and appoint their curators (002 1.5, 1.6). */
  schoolActs: IsoDateSchema,
  /** Schools approve their Regulations and roadmaps (002 1.7). */
  schoolRegulations: IsoDateSchema,
  /** Schools open a section on their sites and social networks (002 4.1). */
  siteSection: IsoDateSchema,
  /** Base of mentees (002 3.1). */
  menteeBase: IsoDateSchema,
  /** Base of mentors (002 3.2). */
  mentorBase: IsoDateSchema,
  /** Municipal monitoring (002 5.3). */
  monitoring: IsoDateSchema,
  /** The analytical report on the monitoring (002 5.4). */
  analysis: IsoDateSchema,
});

const MunicipalOrderInputSchema = z.object({
  ...orderBase,
  /** The territory in the genitive: «Тихвинского муниципального района», «городского округа «город Дагестанские Огни»». */
  territory: z.string().trim().min(1).max(300),
  /** The schools that introduce the model (named in the order, in this order). */
  schools: z.array(OrganizationSchema).min(1).max(500),
  /** The municipal curator (координатор) of the model at the authority (001, 002). */
  municipalCuratorId: PersonIdSchema,
  startDate: IsoDateSchema,
  deadlines: DeadlinesSchema,
  /** The municipal Regulation, one for teachers and pupils, as Annex 1 (002 1.2). */
  regulation: RegulationOptionsSchema.omit({ municipality: true, header: true }).optional(),
  /** The authority's own roadmap (built with `organizationRoadmap` from the 002 template) as an annex (002 1.3). */
  roadmap: RoadmapSchema.optional(),
});

/**
 * Input of {@link buildMunicipalOrder}.
 *
 * @category Builders
 * @example
 * const input: MunicipalOrderInput = { organization: authority, order, people, territory: 'Тихвинского муниципального района',
 *   schools, municipalCuratorId: 'm1-curator', startDate: '2023-09-01', deadlines };
 */
export type MunicipalOrderInput = z.input<typeof MunicipalOrderInputSchema>;

/** The model in the accusative, as «Внедрить …» takes it, with its short name defined. */
const MODEL_ACC =
  'муниципальную целевую модель наставничества педагогических работников и обучающихся (далее — муниципальная целевая модель наставничества)';
const SHORT = 'муниципальной целевой модели наставничества';

/**
 * The municipal authority's order on introducing one target model of
 * mentorship for teachers and pupils in its schools (seed 002): preamble
 * citing Р-145 and the joint letter АЗ-1128/08, the schools named, each
 * school's acts, curator, Regulation, roadmap, bases and site section with
 * their deadlines (002 1.5–1.7, 3.1, 3.2, 4.1), the municipal curator
 * appointed and charged with the municipal bases and monitoring (002 2.2,
 * 2.3, 5.1–5.4), and as annexes the municipal Regulation (one for teachers
 * and pupils) and the authority's own roadmap.
 *
 * @category Builders
 * @example
 * const roadmap = organizationRoadmap({ template: seedRoadmaps.dagestanskieOgni002, organization: authority, academicYear: '2023-2024', stages });
 * const doc = buildMunicipalOrder({ organization: authority, order, people, territory: 'Тихвинского муниципального района',
 *   schools, municipalCuratorId: 'm1-curator', startDate: '2023-09-01', deadlines, regulation: {}, roadmap });
 */
export function buildMunicipalOrder(input: MunicipalOrderInput): NastavnikDocument {
  const v = parse(MunicipalOrderInputSchema, input);
  const authority = v.organization;
  if (authority.kind !== 'authority' && authority.kind !== 'region')
    throw fail('invalid_value', ['organization', 'kind']);
  // A deadline runs from the order: none may fall before it.
  for (const [key, date] of Object.entries(v.deadlines))
    if (date < v.order.date)
      throw fail('invalid_date_range', ['deadlines', key], { reason: 'periodEndsBeforeStart' });
  const found = findPerson(v.people, v.municipalCuratorId, ['municipalCuratorId']);
  // A composite position («главный специалист, муниципальный куратор …») is named by its first part:
  // the order itself says the person is the municipal curator, and only the first part declines.
  const curator = found.position ? { ...found, position: found.position.split(',')[0]?.trim() } : found;
  const d = v.deadlines;
  const until = (date: string) => `в срок до ${formatDateShort(date)}`;
  const annexCount = (v.regulation ? 1 : 0) + (v.roadmap ? 1 : 0);
  const label = (n: number) => annexLabel(v.order, annexCount > 1 ? n : undefined);
  const ref = (n: number) => (annexCount > 1 ? `(Приложение ${n})` : '(Приложение)');
  const approve: { number: string; text: string }[] = [];
  const annexes: Annex[] = [];
  if (v.regulation) {
    approve.push({
      number: '',
      text: `Положение о муниципальной целевой модели наставничества педагогических работников и обучающихся образовательных организаций ${v.territory} ${ref(approve.length + 1)};`,
    });
    annexes.push({
      label: label(approve.length),
      blocks: regulationBlocks({
        organization: authority,
        audience: 'both',
        options: {
          ...v.regulation,
          header: false,
          municipality: { territory: v.territory },
          approvedBy: v.regulation.approvedBy ?? {
            act: v.order.act,
            number: v.order.number,
            date: v.order.date,
          },
        },
      }),
    });
  }
  if (v.roadmap) {
    approve.push({
      number: '',
      text: `муниципальную дорожную карту (план мероприятий) внедрения ${SHORT} ${ref(approve.length + 1)}.`,
    });
    annexes.push({ label: label(approve.length), blocks: roadmapBlocks(v.roadmap), landscape: true });
  }
  const schools = joinAnd(v.schools.map((s) => orgShort(s)));
  const heads = v.schools.length > 1 ? 'Руководителям' : 'Руководителю';
  const appointed = byGender(curator.gender, {
    female: 'ответственной',
    male: 'ответственным',
    neutral: 'ответственным',
  });
  let n = 1;
  const blocks: Block[] = [
    ...head(v),
    { kind: 'paragraph', text: `${v.basis ?? basis(v.territory)},` },
    ...ORDER_WORD(v.order),
    {
      kind: 'numbered',
      number: `${n++}.`,
      text: `Внедрить с ${formatDateLong(v.startDate, { quoted: false })} в образовательных организациях ${v.territory} (${schools}) ${MODEL_ACC}.`,
    },
  ];
  if (approve.length > 0) {
    const k = n++;
    blocks.push({
      kind: 'numbered',
      number: `${k}.`,
      text: 'Утвердить:',
      items: approve.map((a, i) => ({ ...a, number: `${k}.${i + 1}.` })),
    });
  }
  const k = n++;
  blocks.push({
    kind: 'numbered',
    number: `${k}.`,
    text: `${heads} образовательных организаций (${schools}):`,
    items: [
      `издать распорядительные акты о внедрении ${SHORT} в образовательной организации и назначить кураторов её внедрения ${until(d.schoolActs)};`,
      `разработать и утвердить положения о системе наставничества педагогических работников и обучающихся и дорожные карты образовательных организаций на основе Положения и муниципальной дорожной карты ${until(d.schoolRegulations)};`,
      `сформировать базу наставляемых с перечнем запросов ${until(d.menteeBase)} и базу наставников с перечнем компетенций ${until(d.mentorBase)};`,
      `создать специальные рубрики на официальных сайтах и в социальных сетях образовательных организаций ${until(d.siteSection)};`,
      `представлять муниципальному куратору аналитические данные внутреннего мониторинга реализации программ наставничества ${until(d.monitoring)}.`,
    ].map((text, i) => ({ number: `${k}.${i + 1}.`, text })),
  });
  blocks.push(
    {
      kind: 'numbered',
      number: `${n++}.`,
      text: `Назначить ${appointed} за координацию внедрения ${SHORT} (муниципальным куратором) ${personIn(curator, 'accusative')}.`,
    },
    {
      kind: 'numbered',
      number: `${n}.`,
      // «Петровой А. А., главному специалисту, обеспечить:»; without a position, no comma.
      text: `${capitalize(personIn(curator, 'dative'))}${curator.position ? ',' : ''} обеспечить:`,
      items: [
        'формирование и актуализацию муниципальной базы кураторов внедрения целевой модели наставничества и единой муниципальной базы наставников;',
        'организационную, методическую и консультационную поддержку кураторов образовательных организаций, проведение семинаров для них;',
        `проведение муниципального мониторинга внедрения ${SHORT} ${until(d.monitoring)} и подготовку аналитической справки по его итогам ${until(d.analysis)};`,
        `доведение настоящего ${v.order.act === 'directive' ? 'распоряжения' : 'приказа'} до руководителей образовательных организаций в течение трёх рабочих дней со дня его подписания.`,
      ].map((text, i) => ({ number: `${n}.${i + 1}.`, text })),
    },
  );
  n++;
  blocks.push(
    control(v.order, n),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  );
  return { meta: { kind: 'municipalOrder', title: v.order.title }, blocks, annexes };
}

/** The preamble: the federal law, Р-145 (pupils) and АЗ-1128/08 (teachers), as 002 covers both. */
function basis(territory: string): string {
  return `В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», ${BASIS.pupils.replace(/^В соответствии с /u, '')}, совместным письмом Минпросвещения России от 21.12.2021 № АЗ-1128/08 и Общероссийского Профсоюза образования от 21.12.2021 № 657 «О направлении методических рекомендаций по разработке и внедрению системы (целевой модели) наставничества педагогических работников в образовательных организациях», в целях создания условий для поддержки, самоопределения и профессиональной ориентации обучающихся и профессионального развития педагогических работников и молодых специалистов образовательных организаций ${territory}`;
}
