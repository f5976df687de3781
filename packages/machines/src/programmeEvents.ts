import { DeliverableKindSchema, IsoDateSchema, ProgrammeStageSchema, safeText } from '@nastavnik/core';
import { z } from 'zod';
import { PairActorSchema } from './pairEvents';

const base = { date: IsoDateSchema, by: PairActorSchema };
const ref = safeText().trim().min(1).max(200);
const activityId = safeText().trim().min(1).max(200);

/**
 * The domain events of a programme cycle, each with its `date` and `by`:
 * - `activityStarted`, `activityDone` (with its deliverables) for a roadmap activity;
 * - `deliverableRecorded`: an order, a registry or a report in hand (of an activity still running, or none);
 * - `stageCompleted`: leave the current stage (its gate must be met);
 * - `checkpointHeld`: a monitoring checkpoint (January interim; December, May…).
 *
 * @category Programme events
 * @example
 * ProgrammeEventSchema.parse({ type: 'activityDone', date: '2023-09-25', by: { role: 'head' },
 *   activityId: '4.2', deliverables: [{ kind: 'pairsOrder', ref: '№ 12-р' }] });
 */
export const ProgrammeEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('activityStarted'), ...base, activityId }),
  z.object({
    type: z.literal('activityDone'),
    ...base,
    activityId,
    deliverables: z.array(z.object({ kind: DeliverableKindSchema, ref: ref.optional() })).default([]),
  }),
  z.object({
    type: z.literal('deliverableRecorded'),
    ...base,
    kind: DeliverableKindSchema,
    activityId: activityId.optional(),
    ref: ref.optional(),
  }),
  z.object({ type: z.literal('stageCompleted'), ...base, stage: ProgrammeStageSchema }),
  z.object({ type: z.literal('checkpointHeld'), ...base, checkpointId: safeText().trim().min(1).max(100) }),
]);
/** A validated programme event. @category Programme events @example const e: ProgrammeEvent = ProgrammeEventSchema.parse(raw); */
export type ProgrammeEvent = z.infer<typeof ProgrammeEventSchema>;
/** A programme event as written. @category Programme events @example const e: ProgrammeEventInput = { type: 'stageCompleted', date: '2023-09-30', by: { role: 'curator' }, stage: 'preparation' }; */
export type ProgrammeEventInput = z.input<typeof ProgrammeEventSchema>;
