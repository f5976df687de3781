import {
  IsoDateSchema,
  MenteeProfileSchema,
  MentorProfileSchema,
  OrganizationSchema,
  PersonIdSchema,
  PersonSchema,
  safeText,
} from '@nastavnik/core';
import { z } from 'zod';

/**
 * The school's own data the documents need: the organization, its head (who
 * signs orders) and the curator of the programme.
 *
 * @example
 * SchoolSchema.parse({ organization, head, curatorId: 'sch1-t01' });
 */
export const SchoolSchema = z.object({
  organization: OrganizationSchema,
  head: PersonSchema,
  curatorId: PersonIdSchema.optional(),
});
/** The school record. @example const s: School = SchoolSchema.parse(raw); */
export type School = z.infer<typeof SchoolSchema>;

/** The body of `POST /pairs/:id/events`. @example EventEnvelopeSchema.parse({ event, expectedVersion: 3 }) */
export const EventEnvelopeSchema = z.object({
  event: z.unknown(),
  /** The version the client saw (`GET /pairs/:id`); omitted: apply on top of whatever is there. */
  expectedVersion: z.number().int().min(0).optional(),
  /** The client's id for the event: retrying with the same id never applies it twice. */
  eventId: safeText().trim().min(1).max(200).optional(),
});

/** The body of `POST /pairs`. @example CreatePairSchema.parse({ pair, date: '2023-09-15' }) */
export const CreatePairSchema = z.object({ pair: z.unknown(), date: IsoDateSchema });

/** The body of `POST /mentors` and `PUT /mentors/:id`. @example MentorBodySchema.parse({ person, profile }) */
export const MentorBodySchema = z.object({ person: PersonSchema, profile: MentorProfileSchema });
/** The body of `POST /mentees` and `PUT /mentees/:id`. @example MenteeBodySchema.parse({ person, profile }) */
export const MenteeBodySchema = z.object({ person: PersonSchema, profile: MenteeProfileSchema });
