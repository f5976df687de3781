import { z } from 'zod';
import { AcademicYearSchema, IsoDateSchema } from './dates';
import { CatalogueIdSchema } from './enums';
import {
  OrganizationIdSchema,
  PersonIdSchema,
  ProgrammeIdSchema,
  RoadmapIdSchema,
  TrainingCourseIdSchema,
} from './ids';
import { safeText } from './text';

/**
 * A programme: a school's or a municipality's yearly mentoring cycle, run by
 * a roadmap, owned by a curator (003 §3.4) or a municipal curator (001).
 *
 * @category Programme
 * @example
 * parse(ProgrammeSchema, { id: 'prog-1', organizationId: 'lyceum-7', level: 'school', academicYear: '2023-2024',
 *   title: 'Программа наставничества МОУ «Лицей № 7»', roadmapId: 'rm-004', curatorIds: ['t-yakovleva'] });
 */
export const ProgrammeSchema = z.object({
  id: ProgrammeIdSchema,
  organizationId: OrganizationIdSchema,
  level: z.enum(['school', 'municipality', 'region']),
  academicYear: AcademicYearSchema,
  title: safeText().trim().min(1).max(500),
  roadmapId: RoadmapIdSchema.optional(),
  curatorIds: z.array(PersonIdSchema).default([]),
  /** Forms used in this programme (catalogue `mentorshipForms`). */
  forms: z.array(CatalogueIdSchema).default([]),
});
/** A programme. @category Programme @example const p: Programme = parse(ProgrammeSchema, raw); */
export type Programme = z.infer<typeof ProgrammeSchema>;

/**
 * A course that trains mentors (001 4.3: 36 hours, by correspondence or
 * blended).
 *
 * @category Programme
 * @example
 * parse(TrainingCourseSchema, { id: 'dpp-36', title: 'ДПП ПК наставников', hours: 36, mode: 'correspondence', provider: 'ЦНППМ ГПОУ КРИПО' });
 */
export const TrainingCourseSchema = z.object({
  id: TrainingCourseIdSchema,
  title: safeText().trim().min(1).max(500),
  hours: z.number().positive().max(2000),
  mode: z.enum(['fullTime', 'correspondence', 'blended', 'online']),
  provider: safeText().trim().min(1).max(300).optional(),
});
/** A training course. @category Programme @example const c: TrainingCourse = parse(TrainingCourseSchema, raw); */
export type TrainingCourse = z.infer<typeof TrainingCourseSchema>;

/**
 * A session of the School of the Young Teacher (ШМУ), held at least monthly
 * (001 6.5).
 *
 * @category Programme
 * @example
 * parse(YoungTeacherSchoolSessionSchema, { id: 'shmu-1', organizationId: 'uo', date: '2023-09-28', topic: 'Адаптация в коллективе', attendeeIds: [] });
 */
export const YoungTeacherSchoolSessionSchema = z.object({
  id: safeText().trim().min(1).max(200),
  organizationId: OrganizationIdSchema,
  date: IsoDateSchema,
  topic: safeText().trim().min(1).max(500),
  attendeeIds: z.array(PersonIdSchema).default([]),
});
/** A ШМУ session. @category Programme @example const s: YoungTeacherSchoolSession = parse(YoungTeacherSchoolSessionSchema, raw); */
export type YoungTeacherSchoolSession = z.infer<typeof YoungTeacherSchoolSessionSchema>;
