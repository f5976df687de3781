import {
  CatalogueIdSchema,
  ConsentGiverSchema,
  ConsentIdSchema,
  ConsentPolicySchema,
  ConsentPurposeSchema,
  IsoDateSchema,
  MeetingIdSchema,
  MeetingKindSchema,
  OrderIdSchema,
  OrganizationIdSchema,
  PairIdSchema,
  ParticipantRoleSchema,
  PersonalProgrammeIdSchema,
  PersonCategorySchema,
  PersonIdSchema,
  PlanItemIdSchema,
  TerminationReasonSchema,
  TermPolicySchema,
} from '@nastavnik/core';
import { z } from 'zod';
import { defaultPairAuthority } from '../authority';
import type { PairContext, PairPolicy } from '../pairContext';
import { PairParticipantSchema } from '../pairEvents';

const roles = z.array(ParticipantRoleSchema);

export const PairPolicySchema = z.object({
  consentPolicy: ConsentPolicySchema.optional(),
  finalSurvey: z.enum(['everyone', 'mentees', 'anyone']),
  authority: z
    .object(
      Object.fromEntries(Object.keys(defaultPairAuthority).map((k) => [k, roles])) as {
        [K in keyof typeof defaultPairAuthority]: typeof roles;
      },
    )
    .optional(),
  curatorIds: z.array(PersonIdSchema).optional(),
  terms: TermPolicySchema.optional(),
  meetings: z
    .object({
      beforeOrder: z.array(z.enum(['organizational', 'trial', 'planning'])),
      afterOrder: z.union([
        z.tuple([]),
        z.tuple([z.literal('organizational'), z.literal('trial'), z.literal('planning')]),
      ]),
      minRegularMeetings: z.number().int().min(0).max(100),
    })
    .optional(),
  formMentors: z.record(z.string(), z.array(PersonCategorySchema)).optional(),
}) satisfies z.ZodType<PairPolicy>;

const dated = z.object({ respondentId: PersonIdSchema, date: IsoDateSchema });

export const PairContextSchema = z.object({
  pairId: PairIdSchema,
  organizationId: OrganizationIdSchema,
  mentor: PairParticipantSchema,
  mentees: z.array(PairParticipantSchema).min(1),
  form: CatalogueIdSchema,
  formats: z.array(CatalogueIdSchema).min(1),
  policy: PairPolicySchema,
  consents: z.array(
    z.object({
      id: ConsentIdSchema,
      personId: PersonIdSchema,
      purpose: ConsentPurposeSchema,
      givenBy: ConsentGiverSchema,
      givenAt: IsoDateSchema,
      withdrawnAt: IsoDateSchema.optional(),
      validUntil: IsoDateSchema.optional(),
    }),
  ),
  order: z.object({ id: OrderIdSchema, number: z.string().min(1), date: IsoDateSchema }).nullable(),
  meetings: z.array(z.object({ id: MeetingIdSchema, kind: MeetingKindSchema, date: IsoDateSchema })),
  programme: z
    .object({
      id: PersonalProgrammeIdSchema,
      start: IsoDateSchema,
      end: IsoDateSchema,
      effectiveEnd: IsoDateSchema,
      approvedAt: IsoDateSchema,
      plan: z.array(
        z.object({
          id: PlanItemIdSchema,
          menteeId: PersonIdSchema.nullable().default(null),
          due: IsoDateSchema,
          doneAt: IsoDateSchema.nullable(),
        }),
      ),
      extensions: z.array(z.object({ newEnd: IsoDateSchema, agreedAt: IsoDateSchema })),
      corrections: z.array(IsoDateSchema),
    })
    .nullable(),
  feedback: z.array(dated),
  finalSurveys: z.array(dated),
  mentorHistory: z.array(
    z.object({
      mentorId: PersonIdSchema,
      until: IsoDateSchema,
      initiator: z.enum(['mentor', 'mentee', 'curator']),
    }),
  ),
  formChanges: z.array(IsoDateSchema),
  departures: z
    .array(
      z.object({
        menteeId: PersonIdSchema,
        date: IsoDateSchema,
        reason: z.enum(['ownInitiative', 'consentWithdrawn', 'moved']),
      }),
    )
    .default([]),
  withdrawals: z
    .array(
      z.object({
        consentId: ConsentIdSchema,
        personId: PersonIdSchema,
        purpose: ConsentPurposeSchema,
        date: IsoDateSchema,
        by: z.object({ role: ParticipantRoleSchema, id: PersonIdSchema.nullable() }),
      }),
    )
    .default([]),
  termination: z
    .object({
      reason: TerminationReasonSchema,
      initiator: z.object({ role: ParticipantRoleSchema, id: PersonIdSchema.nullable() }),
      date: IsoDateSchema,
    })
    .nullable(),
  completedAt: IsoDateSchema.nullable(),
  createdAt: IsoDateSchema,
  lastDate: IsoDateSchema,
  eventCount: z.number().int().min(0),
}) satisfies z.ZodType<PairContext>;
