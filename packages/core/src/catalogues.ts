import { z } from 'zod';
import { domainRule } from './errors';
import { type Lang, LocalizedTextSchema } from './labels';
import { registerCatalogue } from './messages/catalogue';

registerCatalogue();

/**
 * One entry of an extensible catalogue (forms, formats, competences, mentee
 * groups): a stable id and its Russian and English labels.
 *
 * @category Catalogues
 * @example
 * const e = CatalogueEntrySchema.parse({ id: 'robotics', label: { ru: 'Робототехника', en: 'Robotics' } });
 */
export const CatalogueEntrySchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
  label: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
});
/** One catalogue entry. @category Catalogues @example const e: CatalogueEntry = { id: 'virtual', label: { ru: 'Виртуальное', en: 'Virtual' } }; */
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

/**
 * A catalogue: entries by id, in a stable order. Regions extend the shipped
 * catalogues with {@link extendCatalogue} instead of forking the SDK.
 *
 * @category Catalogues
 * @example
 * const forms = extendCatalogue(mentorshipForms, [{ id: 'veteranPupil', label: { ru: 'ветеран – ученик', en: 'veteran – pupil' } }]);
 */
export interface Catalogue {
  readonly entries: readonly CatalogueEntry[];
  readonly byId: ReadonlyMap<string, CatalogueEntry>;
}

/**
 * Build a catalogue from entries (validated; ids must be unique).
 *
 * @category Catalogues
 * @example
 * const c = createCatalogue([{ id: 'a', label: { ru: 'А', en: 'A' } }]);
 */
export function createCatalogue(entries: readonly CatalogueEntry[]): Catalogue {
  const parsed = z
    .array(CatalogueEntrySchema)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((e, i) => {
        if (seen.has(e.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: 'duplicate id',
            params: domainRule('duplicate_id', { of: 'catalogueEntry', id: e.id }),
          });
        }
        seen.add(e.id);
      });
    })
    .parse(entries);
  return { entries: parsed, byId: new Map(parsed.map((e) => [e.id, e])) };
}

/**
 * A new catalogue with more entries; an entry with an existing id replaces
 * the label of the old one.
 *
 * @category Catalogues
 * @example
 * const formats = extendCatalogue(mentorshipFormats, [{ id: 'project', label: { ru: 'Проектное', en: 'Project-based' } }]);
 */
export function extendCatalogue(base: Catalogue, extra: readonly CatalogueEntry[]): Catalogue {
  const merged = new Map(base.byId);
  for (const e of extra) merged.set(e.id, e);
  return createCatalogue([...merged.values()]);
}

/**
 * The label of an id in a catalogue, or the id itself if it is unknown.
 *
 * @category Catalogues
 * @example
 * catalogueLabel(mentorshipFormats, 'virtual', 'ru'); // 'виртуальное (дистанционное)'
 */
export function catalogueLabel(catalogue: Catalogue, id: string, lang: Lang = 'ru'): string {
  const e = catalogue.byId.get(id);
  if (!e) return id;
  return lang === 'en' ? e.label.en : e.label.ru;
}

const entry = (id: string, ru: string, en: string) => ({ id, label: { ru, en } });

/**
 * Forms of mentorship (role patterns): from Р-145 for pupils and students,
 * and from the teachers' recommendations (003 §2.3).
 *
 * @category Catalogues
 * @example
 * mentorshipForms.byId.get('educatorEducator')?.label.ru; // 'педагог – педагог'
 */
export const mentorshipForms: Catalogue = createCatalogue([
  entry('pupilPupil', 'ученик – ученик', 'pupil – pupil'),
  entry('teacherTeacher', 'учитель – учитель', 'teacher – teacher'),
  entry('studentPupil', 'студент – ученик', 'student – pupil'),
  entry('employerPupil', 'работодатель – ученик', 'employer – pupil'),
  entry('employerStudent', 'работодатель – студент', 'employer – student'),
  entry('educatorEducator', 'педагог – педагог', 'educator – educator'),
  entry('headEducator', 'руководитель образовательной организации – педагог', 'head of school – educator'),
]);

/**
 * Formats (kinds) of mentorship, 003 §2.3. Formats combine: one pair can be
 * both virtual and short-term.
 *
 * @category Catalogues
 * @example
 * catalogueLabel(mentorshipFormats, 'speed'); // 'скоростное'
 */
export const mentorshipFormats: Catalogue = createCatalogue([
  entry('traditional', 'традиционное («один на один»)', 'traditional (one-to-one)'),
  entry('group', 'в группе', 'group'),
  entry('virtual', 'виртуальное (дистанционное)', 'virtual (remote)'),
  entry('shortTerm', 'краткосрочное (целеполагающее)', 'short-term (goal-setting)'),
  entry('reverse', 'реверсивное', 'reverse'),
  entry('situational', 'ситуационное', 'situational'),
  entry('speed', 'скоростное', 'speed'),
]);

/**
 * Competence areas mentors offer and mentees ask for (professional
 * difficulties of teachers, needs of pupils). Extensible.
 *
 * @category Catalogues
 * @example
 * catalogueLabel(competences, 'classroomManagement'); // 'управление классом и дисциплина'
 */
export const competences: Catalogue = createCatalogue([
  entry('lessonPlanning', 'планирование и проектирование урока', 'lesson planning and design'),
  entry('classroomManagement', 'управление классом и дисциплина', 'classroom management'),
  entry('assessment', 'оценивание образовательных результатов', 'assessment of learning outcomes'),
  entry('subjectMethods', 'методика преподавания предмета', 'subject teaching methods'),
  entry('digitalTools', 'цифровая образовательная среда', 'digital learning tools'),
  entry('parentCommunication', 'взаимодействие с родителями', 'working with parents'),
  entry('inclusiveEducation', 'инклюзивное образование, дети с ОВЗ', 'inclusive education'),
  entry('educationalWork', 'воспитательная работа, классное руководство', 'pastoral work, form tutoring'),
  entry('projectActivity', 'проектная и исследовательская деятельность', 'project and research work'),
  entry('documentation', 'ведение документации', 'paperwork and records'),
  entry('attestation', 'подготовка к аттестации', 'preparing for attestation'),
  entry('olympiadPreparation', 'подготовка к олимпиадам и конкурсам', 'olympiads and contests'),
  entry('academicSupport', 'помощь в учёбе, ликвидация пробелов', 'academic support'),
  entry('socialAdaptation', 'адаптация в коллективе', 'social adaptation'),
  entry('careerGuidance', 'профессиональное самоопределение', 'career guidance'),
  entry('leadership', 'лидерские качества, самоуправление', 'leadership'),
  entry('publicSpeaking', 'публичные выступления', 'public speaking'),
  entry('creativity', 'творчество и досуг', 'creativity and leisure'),
  entry('sports', 'спорт и здоровый образ жизни', 'sports and health'),
]);

/**
 * Groups of mentees a mentor can take (the "age category of potential
 * mentees" of 001 3.2).
 *
 * @category Catalogues
 * @example
 * catalogueLabel(menteeGroups, 'youngSpecialist'); // 'молодые специалисты'
 */
export const menteeGroups: Catalogue = createCatalogue([
  entry('primarySchool', 'обучающиеся 1–4 классов', 'pupils of grades 1–4'),
  entry('middleSchool', 'обучающиеся 5–9 классов', 'pupils of grades 5–9'),
  entry('highSchool', 'обучающиеся 10–11 классов', 'pupils of grades 10–11'),
  entry('student', 'студенты', 'students'),
  entry('youngSpecialist', 'молодые специалисты', 'young specialists'),
  entry('newTeacher', 'вновь принятые педагоги', 'newly hired teachers'),
  entry('teacher', 'педагоги', 'teachers'),
]);
