import {
  type DeliverableKind,
  type Due,
  daysBetween,
  effectiveEnd,
  isoFromParts,
  OrderSchema,
  PairSchema,
  PersonalProgrammeSchema,
  PersonIdSchema,
  type ProgrammeStage,
  parse,
  type Roadmap,
  RoadmapSchema,
} from '@nastavnik/core';
import { z } from 'zod';

const DocumentSetSchema = z.object({
  /** The roadmap annexed to the introduction order (the organization's own). */
  roadmap: RoadmapSchema.optional(),
  /** The year's orders; pairs orders with the term they fix. */
  orders: z
    .array(
      z.object({
        order: OrderSchema,
        /** «на период с … по …» of a pairs order. */
        term: z.object({ start: z.string(), end: z.string() }).optional(),
        /** Pairs an order on one pair concerns (an extension or an early termination). */
        pairIds: z.array(z.string().min(1).max(200)).default([]),
        /** People the order appoints, with the role («curator», «mentor», …). */
        appoints: z
          .array(z.object({ personId: PersonIdSchema, role: z.string().min(1).max(50) }))
          .default([]),
      }),
    )
    .default([]),
  pairs: z.array(PairSchema).default([]),
  programmes: z.array(PersonalProgrammeSchema).default([]),
  /** Term policy of a personal programme (003 §1.2: 3 months to 1 year). */
  policy: z
    .object({ minMonths: z.number().int().min(0).max(60), maxMonths: z.number().int().min(1).max(60) })
    .default({ minMonths: 3, maxMonths: 12 }),
});

/**
 * Input of {@link checkDocumentSet}.
 *
 * @category Checks
 * @example
 * const set: DocumentSetInput = { roadmap, orders: [{ order: pairsOrder, term: { start: '2023-11-01', end: '2024-05-31' } }], pairs, programmes };
 */
export type DocumentSetInput = z.input<typeof DocumentSetSchema>;

/**
 * A contradiction found across one year's documents: a stable `code`, the
 * ids involved (never names), a Russian and an English message.
 *
 * @category Checks
 * @example
 * const f: DocumentSetFinding = { code: 'order_after_stage', ids: ['ord-5'], message: '…', messageEn: '…' };
 */
export interface DocumentSetFinding {
  readonly code:
    | 'order_after_stage'
    | 'stage_out_of_sequence'
    | 'programme_before_order'
    | 'programme_outside_pairs_term'
    | 'extension_without_order'
    | 'completion_before_programmes_end'
    | 'appointed_twice'
    | 'term_outside_policy'
    | 'pair_without_order';
  readonly ids: readonly string[];
  readonly message: string;
  readonly messageEn: string;
}

/** The roadmap deliverable each kind of order is. */
const ORDER_DELIVERABLE: Partial<Record<string, DeliverableKind>> = {
  introduceModel: 'introduceOrder',
  appointCurator: 'curatorOrder',
  approvePairs: 'pairsOrder',
  approvePlans: 'plansOrder',
  competitionResults: 'competitionOrder',
};

/** The stage each kind of order belongs to in the cycle. */
const ORDER_STAGE: Partial<Record<string, ProgrammeStage>> = {
  introduceModel: 'preparation',
  approveRegulation: 'preparation',
  approveRoadmap: 'preparation',
  appointCurator: 'preparation',
  approvePairs: 'pairFormation',
  approvePlans: 'pairFormation',
};

const STAGES: readonly ProgrammeStage[] = [
  'preparation',
  'menteeBase',
  'mentorBase',
  'mentorTraining',
  'pairFormation',
  'pairWork',
  'completion',
];

/** The last day of a month (a day past the month's end is clamped to it). */
const monthEnd = (year: number, month: number): string => isoFromParts(year, month, 31);

/** The last day a due allows, when it names one. */
function dueEnd(due: Due): string | undefined {
  switch (due.kind) {
    case 'deadline':
    case 'date':
      return due.date;
    case 'period':
      return due.to.year === undefined ? undefined : monthEnd(due.to.year, due.to.month);
    case 'months': {
      const ends = due.months.flatMap((m) => (m.year === undefined ? [] : [monthEnd(m.year, m.month)]));
      return ends.length === due.months.length ? ends.sort().at(-1) : undefined;
    }
    case 'all': {
      const ends = due.parts.map(dueEnd);
      return ends.every((e) => e !== undefined) ? (ends as string[]).sort().at(-1) : undefined;
    }
    default:
      return undefined;
  }
}

/** The deadline of each stage of a roadmap: the latest end of its dated activities. */
export function stageDeadlines(roadmap: Pick<Roadmap, 'sections'>): Partial<Record<ProgrammeStage, string>> {
  const out: Partial<Record<ProgrammeStage, string>> = {};
  for (const s of roadmap.sections)
    for (const a of s.activities) {
      const end = dueEnd(a.due);
      if (end === undefined) continue;
      const cur = out[a.stage];
      if (cur === undefined || end > cur) out[a.stage] = end;
    }
  return out;
}

function monthsBetween(start: string, end: string): number {
  return daysBetween(start, end) / 30.4375;
}

/**
 * Find contradictions across one year's documents of an organization, as a
 * lawyer reading them side by side would: an order dated after the roadmap
 * stage it belongs to has ended (pairs formed «in September», their order
 * dated 9 October); stages whose deadlines run backwards (mentor training in
 * August after September's mentor base); programmes starting before the
 * pairs order or outside its term; a completion stage that ends before the
 * programmes do; the same person appointed to the same role twice; a
 * programme or pairs-order term outside the policy (003 §1.2: 3–12 months);
 * a programme for a pair no order approved. Returns the findings (empty
 * when the set is consistent); names never appear, only ids.
 *
 * @category Checks
 * @example
 * const findings = checkDocumentSet({ roadmap, orders: [{ order: pairsOrder, term }], pairs, programmes });
 * if (findings.length > 0) console.log(findings.map((f) => f.message));
 */
export function checkDocumentSet(input: DocumentSetInput): DocumentSetFinding[] {
  const v = parse(DocumentSetSchema, input);
  const out: DocumentSetFinding[] = [];
  const add = (
    code: DocumentSetFinding['code'],
    ids: readonly string[],
    message: string,
    messageEn: string,
  ) => out.push({ code, ids, message, messageEn });
  const deadlines = v.roadmap ? stageDeadlines(v.roadmap) : {};

  // Stages run in the cycle's order: a later stage's deadline is not before an earlier one's.
  let prev: { stage: ProgrammeStage; end: string } | undefined;
  for (const stage of STAGES) {
    const end = deadlines[stage];
    if (end === undefined) continue;
    if (prev && end < prev.end) {
      add(
        'stage_out_of_sequence',
        [stage, prev.stage],
        `Этап «${stage}» дорожной карты заканчивается (${end}) раньше предшествующего этапа «${prev.stage}» (${prev.end})`,
        `Roadmap stage ${stage} ends (${end}) before the earlier stage ${prev.stage} (${prev.end})`,
      );
    }
    if (!prev || end > prev.end) prev = { stage, end };
  }

  for (const { order } of v.orders) {
    // The roadmap activity that provides for this order, when there is one; else the order's stage.
    const deliverable = ORDER_DELIVERABLE[order.kind];
    const providing = v.roadmap
      ? v.roadmap.sections
          .flatMap((s) => s.activities)
          .filter((a) => deliverable && a.deliverables.includes(deliverable))
      : [];
    const ends = providing.map((a) => dueEnd(a.due)).filter((e): e is string => e !== undefined);
    const stage = ORDER_STAGE[order.kind];
    const end = ends.length > 0 ? ends.sort().at(-1) : stage ? deadlines[stage] : undefined;
    if (end !== undefined && order.date > end) {
      add(
        'order_after_stage',
        [order.id],
        `Приказ от ${order.date} издан позже срока, который для него установлен дорожной картой (${end})`,
        `The order of ${order.date} is issued after the date the roadmap sets for it (${end})`,
      );
    }
  }

  const pairsOrders = v.orders.filter((o) => o.order.kind === 'approvePairs');
  for (const o of pairsOrders) {
    if (!o.term) continue;
    const months = monthsBetween(o.term.start, o.term.end);
    if (months > v.policy.maxMonths + 0.01) {
      add(
        'term_outside_policy',
        [o.order.id],
        `Срок в приказе о закреплении пар (${o.term.start} — ${o.term.end}) больше ${v.policy.maxMonths} мес.`,
        `The term of the pairs order (${o.term.start} — ${o.term.end}) exceeds ${v.policy.maxMonths} months`,
      );
    }
  }

  const approvedPairIds = new Set(
    v.pairs.filter((p) => p.orderId !== undefined || pairsOrders.length > 0).map((p) => p.id as string),
  );
  const latestProgrammeEnd = v.programmes
    .map((p) => effectiveEnd(p))
    .sort()
    .at(-1);
  for (const pp of v.programmes) {
    const pair = v.pairs.find((p) => p.id === pp.pairId);
    const orderOfPair =
      (pair?.orderId ? pairsOrders.find((o) => o.order.id === pair.orderId) : undefined) ?? pairsOrders[0];
    if (!pair || !approvedPairIds.has(pair.id) || !orderOfPair) {
      add(
        'pair_without_order',
        [pp.id, pp.pairId],
        'Программа составлена для пары, не закреплённой приказом',
        'A programme for a pair no order approved',
      );
      continue;
    }
    if (pp.start < orderOfPair.order.date) {
      add(
        'programme_before_order',
        [pp.id, orderOfPair.order.id],
        `Программа начинается (${pp.start}) раньше приказа о закреплении пары (${orderOfPair.order.date})`,
        `The programme starts (${pp.start}) before the pairs order (${orderOfPair.order.date})`,
      );
    }
    const end = effectiveEnd(pp);
    if (orderOfPair.term && (pp.start < orderOfPair.term.start || pp.end > orderOfPair.term.end)) {
      add(
        'programme_outside_pairs_term',
        [pp.id, orderOfPair.order.id],
        `Срок программы (${pp.start} — ${pp.end}) выходит за период, на который пары закреплены приказом (${orderOfPair.term.start} — ${orderOfPair.term.end})`,
        `The programme (${pp.start} — ${pp.end}) runs outside the pairs order's term (${orderOfPair.term.start} — ${orderOfPair.term.end})`,
      );
    }
    // An extension beyond the pairs order's term needs its own order (003 §7.2).
    for (const ext of pp.extensions) {
      const covered = v.orders.some(
        (o) => o.order.kind === 'extendPair' && o.pairIds.includes(pp.pairId) && o.order.date >= ext.agreedAt,
      );
      if (!covered) {
        add(
          'extension_without_order',
          [pp.id],
          `Продление программы до ${ext.newEnd} не оформлено приказом`,
          `The extension of the programme to ${ext.newEnd} has no order`,
        );
      }
    }
    const months = monthsBetween(pp.start, end);
    if (months < v.policy.minMonths - 0.01 || months > v.policy.maxMonths + 0.01) {
      add(
        'term_outside_policy',
        [pp.id],
        `Срок программы (${pp.start} — ${end}) вне допустимого: от ${v.policy.minMonths} до ${v.policy.maxMonths} мес. (003, п. 1.2)`,
        `The programme's term (${pp.start} — ${end}) is outside ${v.policy.minMonths}–${v.policy.maxMonths} months (003 §1.2)`,
      );
    }
  }
  const completionEnd = deadlines.completion;
  if (completionEnd !== undefined && latestProgrammeEnd !== undefined && completionEnd < latestProgrammeEnd) {
    add(
      'completion_before_programmes_end',
      ['completion'],
      `Этап завершения по дорожной карте заканчивается ${completionEnd}, а программы длятся до ${latestProgrammeEnd}`,
      `The roadmap's completion stage ends ${completionEnd}, but programmes run to ${latestProgrammeEnd}`,
    );
  }

  const appointed = new Map<string, string>();
  for (const { order, appoints } of v.orders)
    for (const a of appoints) {
      const key = `${a.personId}\u0000${a.role}`;
      const first = appointed.get(key);
      if (first !== undefined) {
        add(
          'appointed_twice',
          [a.personId, first, order.id],
          `Участник ${a.personId} назначен на роль «${a.role}» дважды (приказы ${first} и ${order.id})`,
          `Person ${a.personId} is appointed ${a.role} twice (orders ${first} and ${order.id})`,
        );
      } else appointed.set(key, order.id);
    }
  return out;
}
