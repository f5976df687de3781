import {
  DeliverableKindSchema,
  DuePeriodSchema,
  IsoDateSchema,
  LocalizedTextSchema,
  ParticipantRoleSchema,
  ProgrammeStageSchema,
} from '@nastavnik/core';
import { z } from 'zod';
import { defaultProgrammeAuthority } from '../authority';
import type { ProgrammeContext, ProgrammePolicy } from '../programmeContext';

const roles = z.array(ParticipantRoleSchema);

const GateSchema = z.object({
  deliverables: z.array(DeliverableKindSchema),
  activities: z.union([z.literal('none'), z.literal('stage'), z.array(z.string().min(1))]),
});

export const ProgrammePolicySchema = z.object({
  gates: z.object({
    preparation: GateSchema,
    menteeBase: GateSchema,
    mentorBase: GateSchema,
    mentorTraining: GateSchema,
    pairFormation: GateSchema,
    pairWork: GateSchema,
    completion: GateSchema,
  }),
  checkpoints: z.array(
    z.object({ id: z.string().min(1), month: z.number().int().min(1).max(12), label: LocalizedTextSchema }),
  ),
  strictStageOrder: z.boolean(),
  closeRequiresAllActivities: z.boolean(),
  authority: z
    .object(
      Object.fromEntries(Object.keys(defaultProgrammeAuthority).map((k) => [k, roles])) as {
        [K in keyof typeof defaultProgrammeAuthority]: typeof roles;
      },
    )
    .optional(),
}) satisfies z.ZodType<ProgrammePolicy>;

export const ProgrammeContextSchema = z.object({
  roadmapId: z.string().min(1),
  period: DuePeriodSchema,
  policy: ProgrammePolicySchema,
  stage: z.union([ProgrammeStageSchema, z.literal('closed')]),
  activities: z.array(
    z.object({
      id: z.string().min(1),
      stage: ProgrammeStageSchema,
      continuous: z.boolean(),
      deliverables: z.array(DeliverableKindSchema),
      start: IsoDateSchema.nullable(),
      deadline: IsoDateSchema.nullable(),
      status: z.enum(['planned', 'inProgress', 'done']),
      startedAt: IsoDateSchema.nullable(),
      doneAt: IsoDateSchema.nullable(),
    }),
  ),
  deliverables: z.array(
    z.object({
      kind: DeliverableKindSchema,
      activityId: z.string().nullable(),
      date: IsoDateSchema,
      ref: z.string().nullable(),
    }),
  ),
  checkpoints: z.array(
    z.object({
      id: z.string().min(1),
      label: LocalizedTextSchema,
      start: IsoDateSchema,
      end: IsoDateSchema,
      heldAt: IsoDateSchema.nullable(),
      /** Held after its window (absent in snapshots stored before the flag). */
      late: z.boolean().default(false),
    }),
  ),
  stageHistory: z.array(
    z.object({ stage: ProgrammeStageSchema, completedAt: IsoDateSchema, by: ParticipantRoleSchema }),
  ),
  createdAt: IsoDateSchema,
  lastDate: IsoDateSchema,
  eventCount: z.number().int().min(0),
}) satisfies z.ZodType<ProgrammeContext>;
