import { z } from 'zod';
import { IsoDateSchema } from './dates';
import { CatalogueIdSchema, RequestSourceSchema } from './enums';
import { domainRule } from './errors';
import { PersonIdSchema, RequestIdSchema, TrainingCourseIdSchema } from './ids';
import { registerCatalogue } from './messages/catalogue';
import { type Person, PersonSchema } from './person';
import { safeText } from './text';

registerCatalogue();

/**
 * A completed training of a mentor (e.g. the 36-hour further-training course
 * of 001 4.3).
 *
 * @category Profiles
 * @example
 * TrainingRecordSchema.parse({ title: 'ДПП ПК наставников', hours: 36, completedAt: '2023-11-30' });
 */
export const TrainingRecordSchema = z.object({
  courseId: TrainingCourseIdSchema.optional(),
  title: safeText().trim().min(1).max(300),
  hours: z.number().positive().max(2000),
  completedAt: IsoDateSchema,
  provider: safeText().trim().min(1).max(300).optional(),
});
/** A training record. @category Profiles @example const t: TrainingRecord = { title: 'ДПП ПК', hours: 36, completedAt: '2023-11-30' }; */
export type TrainingRecord = z.infer<typeof TrainingRecordSchema>;

/**
 * A mentor's profile in the mentor registry, by the criteria of 001 3.2:
 * education, position, experience, life experience, interests, competences,
 * the groups of mentees they can take, time available; plus capacity
 * (mentees at once), formats offered and training record.
 *
 * @category Profiles
 * @example
 * const profile = parse(MentorProfileSchema, {
 *   personId: 't-7', competences: ['classroomManagement', 'lessonPlanning'], subjects: ['математика'],
 *   menteeGroups: ['youngSpecialist'], capacity: 2, formats: ['traditional', 'virtual'],
 * });
 */
export const MentorProfileSchema = z.object({
  personId: PersonIdSchema,
  competences: z.array(CatalogueIdSchema).default([]),
  subjects: z.array(safeText().trim().min(1).max(100)).default([]),
  education: safeText().trim().min(1).max(500).optional(),
  position: safeText().trim().min(1).max(200).optional(),
  experienceYears: z.number().min(0).max(70).optional(),
  lifeExperience: safeText().trim().min(1).max(2000).optional(),
  interests: z.array(safeText().trim().min(1).max(200)).default([]),
  /** Groups of mentees the mentor can take (catalogue `menteeGroups`). */
  menteeGroups: z.array(CatalogueIdSchema).default([]),
  /** How many mentees at once (a group is a pair with several mentees). */
  capacity: z
    .number()
    .int()
    .superRefine((v, ctx) => {
      if (v < 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'capacity',
          params: domainRule('capacity_negative'),
        });
      }
    }),
  /** Hours a month the mentor can give. */
  availableHoursPerMonth: z.number().min(0).max(300).optional(),
  /** Formats offered (catalogue `mentorshipFormats`). */
  formats: z.array(CatalogueIdSchema).default([]),
  /** Forms (role patterns) the mentor works in (catalogue `mentorshipForms`). */
  forms: z.array(CatalogueIdSchema).default([]),
  training: z.array(TrainingRecordSchema).default([]),
});
/** A mentor's profile. @category Profiles @example const m: MentorProfile = parse(MentorProfileSchema, raw); */
export type MentorProfile = z.infer<typeof MentorProfileSchema>;
/** A mentor's profile as written (defaults may be omitted). @category Profiles @example const m: MentorProfileInput = { personId: 't', capacity: 1 }; */
export type MentorProfileInput = z.input<typeof MentorProfileSchema>;

/**
 * Priority of a request: what to work on first.
 *
 * @category Profiles
 * @example
 * RequestPrioritySchema.parse('high');
 */
export const RequestPrioritySchema = z.enum(['high', 'medium', 'low']);
/** A request's priority. @category Profiles @example const p: RequestPriority = 'medium'; */
export type RequestPriority = z.infer<typeof RequestPrioritySchema>;

/**
 * A mentee's request (запрос): a competence area or a described difficulty
 * (at least one), its priority, the wanted format and form, and who raised it
 * (004 §1: the mentee, a class teacher, a psychologist, parents, analysis of
 * attestation).
 *
 * @category Profiles
 * @example
 * const r = parse(RequestSchema, {
 *   id: 'req-1', menteeId: 't-2', competence: 'classroomManagement', priority: 'high',
 *   source: 'self', createdAt: '2023-09-10',
 * });
 */
export const RequestSchema = z
  .object({
    id: RequestIdSchema,
    menteeId: PersonIdSchema,
    /** Competence area (catalogue `competences`). */
    competence: CatalogueIdSchema.optional(),
    /** The difficulty in the mentee's or the referrer's words. */
    difficulty: safeText().trim().min(1).max(2000).optional(),
    priority: RequestPrioritySchema.default('medium'),
    subject: safeText().trim().min(1).max(100).optional(),
    wantedFormats: z.array(CatalogueIdSchema).default([]),
    wantedForm: CatalogueIdSchema.optional(),
    source: RequestSourceSchema,
    createdAt: IsoDateSchema,
  })
  .superRefine((r, ctx) => {
    if (r.competence === undefined && r.difficulty === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['competence'],
        message: 'area',
        params: domainRule('request_area_missing'),
      });
    }
  });
/** A mentee's request. @category Profiles @example const r: Request = parse(RequestSchema, raw); */
export type Request = z.infer<typeof RequestSchema>;
/** A request as written. @category Profiles @example const r: RequestInput = { id: 'r', menteeId: 'm', competence: 'assessment', source: 'self', createdAt: '2023-09-01' }; */
export type RequestInput = z.input<typeof RequestSchema>;

/**
 * A mentee's profile in the mentee registry: the group they belong to,
 * their requests, interests and preferred formats.
 *
 * @category Profiles
 * @example
 * const p = parse(MenteeProfileSchema, {
 *   personId: 't-2', group: 'youngSpecialist',
 *   requests: [{ id: 'req-1', menteeId: 't-2', competence: 'assessment', source: 'attestation', createdAt: '2023-09-10' }],
 * });
 */
export const MenteeProfileSchema = z.object({
  personId: PersonIdSchema,
  /** Catalogue `menteeGroups`. */
  group: CatalogueIdSchema,
  requests: z.array(RequestSchema).default([]),
  interests: z.array(safeText().trim().min(1).max(200)).default([]),
  preferredFormats: z.array(CatalogueIdSchema).default([]),
});
/** A mentee's profile. @category Profiles @example const m: MenteeProfile = parse(MenteeProfileSchema, raw); */
export type MenteeProfile = z.infer<typeof MenteeProfileSchema>;
/** A mentee's profile as written. @category Profiles @example const m: MenteeProfileInput = { personId: 'm', group: 'middleSchool' }; */
export type MenteeProfileInput = z.input<typeof MenteeProfileSchema>;

/**
 * A person with their profile (`profile.personId === person.id`): one entry
 * of the mentor or mentee registry, and what matching takes as a candidate.
 * The one `{ person, profile }` shape of the SDK; the registry's
 * `MentorRecord` / `MenteeRecord` and matching's `MentorCandidate` /
 * `MenteeCandidate` are aliases of it.
 *
 * @category Profiles
 * @example
 * const entry: PersonWithProfile<MentorProfile> = { person, profile };
 * entry.profile.capacity; // 2
 */
export interface PersonWithProfile<P extends MentorProfile | MenteeProfile> {
  readonly person: Person;
  readonly profile: P;
}

/**
 * A mentor with their mentor profile.
 *
 * @category Profiles
 * @example
 * const m: MentorWithProfile = { person, profile: mentorProfile };
 */
export type MentorWithProfile = PersonWithProfile<MentorProfile>;

/**
 * A mentee with their mentee profile and requests.
 *
 * @category Profiles
 * @example
 * const m: MenteeWithProfile = { person, profile: menteeProfile };
 */
export type MenteeWithProfile = PersonWithProfile<MenteeProfile>;

/**
 * Schema of {@link MentorWithProfile}.
 *
 * @category Profiles
 * @example
 * const m = parse(MentorWithProfileSchema, { person, profile });
 */
export const MentorWithProfileSchema = z.object({ person: PersonSchema, profile: MentorProfileSchema });

/**
 * Schema of {@link MenteeWithProfile}.
 *
 * @category Profiles
 * @example
 * const m = parse(MenteeWithProfileSchema, { person, profile });
 */
export const MenteeWithProfileSchema = z.object({ person: PersonSchema, profile: MenteeProfileSchema });
