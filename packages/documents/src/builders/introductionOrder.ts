import { IsoDateSchema, PersonIdSchema, parse, RoadmapSchema } from '@nastavnik/core';
import { z } from 'zod';
import {
  acquaintance,
  addressee,
  annexLabel,
  capitalize,
  findPerson,
  orgShort,
  personIn,
  signature,
} from '../_internal/common';
import { AUDIENCE, BASIS, control, head, MODEL, ORDER_WORD } from '../_internal/orderParts';
import { orderBase } from '../_internal/schemas';
import type { Annex, Block, NastavnikDocument } from '../model';
import { formatDateLong, formatDateShort } from '../typography/dates';
import { byGender } from '../typography/names';
import { formatOrderNumber } from '../typography/numbers';
import { joinAnd } from '../typography/text';
import { RegulationOptionsSchema, regulationBlocks } from './regulation';
import { roadmapBlocks } from './roadmap';

const IntroductionOrderInputSchema = z.object({
  ...orderBase,
  audience: AUDIENCE,
  /**
   * The curator (003 п. 2–3), or several curators (004 п. 3 names two): each is named, appointed
   * and addressed together with the others.
   */
  curatorId: z.union([PersonIdSchema, z.array(PersonIdSchema).min(1).max(10)]),
  startDate: IsoDateSchema,
  /** Include the Regulation as Annex 1 (structure of 003). */
  regulation: RegulationOptionsSchema.optional(),
  /** Include the roadmap as an annex. */
  roadmap: RoadmapSchema.optional(),
  /** Who publishes the documents on the site, and by when (004 п. 4). */
  publisher: z.object({ personId: PersonIdSchema, due: IsoDateSchema }).optional(),
  /**
   * The order that already appointed the curator: this order then refers to it instead of
   * appointing the curator a second time.
   */
  curatorAppointedBy: z.object({ number: z.string().trim().min(1).max(50), date: IsoDateSchema }).optional(),
  /**
   * Who brings this act to all participants of educational relations, and by when (004 п. 5);
   * the curator by the start date when absent.
   */
  bringToParticipants: z
    .object({ personId: PersonIdSchema.optional(), due: IsoDateSchema.optional() })
    .default({}),
});

/**
 * Input of {@link buildIntroductionOrder}.
 *
 * @category Builders
 * @example
 * const input: IntroductionOrderInput = { organization, order, people, curatorId: 't-1', startDate: '2022-02-01' };
 * const twoCurators: IntroductionOrderInput = { organization, order, people, curatorId: ['t-1', 't-2'], startDate: '2023-09-01' };
 */
export type IntroductionOrderInput = z.input<typeof IntroductionOrderInputSchema>;

/**
 * The order on introducing the mentoring system (target model) and
 * approving its Regulation and roadmap (seeds 003 and 004): preamble,
 * «ПРИКАЗЫВАЮ:», the curator named in the accusative and addressed in the
 * dative, «Утвердить: 4.1 … (Приложение 1); 4.2 … (Приложение 2)», control,
 * signature, acquaintance sheet, and the annexes themselves.
 *
 * @category Builders
 * @example
 * const doc = buildIntroductionOrder({ organization, order, people, curatorId: 't-zh', startDate: '2022-02-01',
 *   regulation: {}, roadmap });
 * const bytes = await renderDocx(doc);
 */
export function buildIntroductionOrder(input: IntroductionOrderInput): NastavnikDocument {
  const v = parse(IntroductionOrderInputSchema, input);
  const org = v.organization;
  const curatorIds = typeof v.curatorId === 'string' ? [v.curatorId] : [...new Set(v.curatorId)];
  const curators = curatorIds.map((id, i) =>
    findPerson(v.people, id, typeof v.curatorId === 'string' ? ['curatorId'] : ['curatorId', i]),
  );
  const curator = curators[0] as (typeof curators)[number];
  const several = curators.length > 1;
  const model = MODEL[v.audience];
  const approve: { number: string; text: string }[] = [];
  const annexes: Annex[] = [];
  const annexCount = (v.regulation ? 1 : 0) + (v.roadmap ? 1 : 0);
  const label = (n: number) => annexLabel(v.order, annexCount > 1 ? n : undefined);
  const ref = (n: number) => (annexCount > 1 ? `(Приложение ${n})` : '(Приложение)');
  let n = 0;
  if (v.regulation) {
    n++;
    approve.push({
      number: `4.${n}.`,
      text: `Положение о системе наставничества ${v.audience === 'teachers' ? 'педагогических работников' : 'обучающихся'} в ${orgShort(org)} ${ref(n)};`,
    });
    annexes.push({
      label: label(n),
      blocks: regulationBlocks({
        organization: org,
        audience: v.audience,
        // Approved by this very order: its stamp carries the order's date and number; the annex label replaces the header.
        options: {
          ...v.regulation,
          header: false,
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
    n++;
    approve.push({
      number: `4.${n}.`,
      text: `Дорожную карту (план мероприятий) по реализации ${model} в ${orgShort(org)} ${ref(n)}.`,
    });
    annexes.push({ label: label(n), blocks: roadmapBlocks(v.roadmap), landscape: true });
  }
  const responsible = several
    ? 'ответственными'
    : byGender(curator.gender, {
        female: 'ответственной',
        male: 'ответственным',
        neutral: 'ответственным',
      });
  // «Яковлевой Е. С., заместителю директора по УВР,» or, for several, «Яковлевой Е. С., Родионовой Т. Ю., кураторам …,» (004 п. 3).
  const curatorsAddressed = several
    ? `${curators.map((c) => personIn(c, 'dative', false)).join(', ')}, кураторам внедрения ${model},`
    : `${capitalize(addressee(curator))},`;
  const blocks: Block[] = [
    ...head(v),
    { kind: 'paragraph', text: `${v.basis ?? BASIS[v.audience]},` },
    ...ORDER_WORD(v.order),
    {
      kind: 'numbered',
      number: '1.',
      text: `Организовать работу в ${orgShort(org)} по внедрению ${model} с ${formatDateLong(v.startDate, { quoted: false })}`.replace(
        /\.?$/u,
        '.',
      ),
    },
  ];
  let next = 2;
  if (v.curatorAppointedBy) {
    const appointed = several
      ? 'назначенным кураторами'
      : `${byGender(curator.gender, {
          female: 'назначенной',
          male: 'назначенному',
          neutral: 'назначенному',
        })} куратором`;
    blocks.push({
      kind: 'numbered',
      number: `${next++}.`,
      text: `${curatorsAddressed.replace(/,$/u, '')}, ${appointed} приказом от ${formatDateShort(v.curatorAppointedBy.date)} ${formatOrderNumber(v.curatorAppointedBy.number)}, обеспечить создание условий для внедрения и реализации ${model}, реализацию мероприятий в сроки, установленные дорожной картой, и достижение показателей эффективности.`,
    });
  } else {
    blocks.push(
      {
        kind: 'numbered',
        number: `${next++}.`,
        text: `Назначить ${responsible} за организационное, методическое, аналитическое сопровождение, мониторинг и реализацию внедрения ${model} (${several ? 'кураторами' : 'куратором'}) ${joinAnd(curators.map((c) => personIn(c, 'accusative')))}.`,
      },
      {
        kind: 'numbered',
        number: `${next++}.`,
        text: `${curatorsAddressed} обеспечить создание условий для внедрения и реализации ${model}, реализацию мероприятий в сроки, установленные дорожной картой, и достижение показателей эффективности.`,
      },
    );
  }
  const approveNumber = next;
  if (approve.length > 0) {
    blocks.push({
      kind: 'numbered',
      number: `${next}.`,
      text: 'Утвердить:',
      items: approve.map((a, i) => ({ ...a, number: `${approveNumber}.${i + 1}.` })),
    });
    next++;
  }
  if (v.publisher) {
    const p = findPerson(v.people, v.publisher.personId, ['publisher', 'personId']);
    blocks.push({
      kind: 'numbered',
      number: `${next}.`,
      text: `${capitalize(addressee(p))}, разместить нормативные документы по внедрению целевой модели наставничества на официальном сайте ${orgShort(org)} в срок до ${formatDateShort(v.publisher.due)}.`,
    });
    next++;
  }
  {
    const who = v.bringToParticipants.personId
      ? findPerson(v.people, v.bringToParticipants.personId, ['bringToParticipants', 'personId'])
      : curator;
    const due = v.bringToParticipants.due ?? (v.startDate >= v.order.date ? v.startDate : undefined);
    blocks.push({
      kind: 'numbered',
      number: `${next++}.`,
      text: `${capitalize(addressee(who))}, довести ${v.order.act === 'directive' ? 'настоящее распоряжение' : 'настоящий приказ'} до сведения всех участников образовательных отношений ${due ? `в срок до ${formatDateShort(due)}` : 'в течение трёх рабочих дней со дня его подписания'}.`,
    });
  }
  blocks.push(
    control(v.order, next),
    signature(v.order),
    ...acquaintance(v.order, v.people, v.acquainted, v.acquaintanceDate),
  );
  return { meta: { kind: 'introductionOrder', title: v.order.title }, blocks, annexes };
}
