import type { RequestPriority } from '@nastavnik/core';
import { type Criterion, defineCriterion } from './define';

const PRIORITY_WEIGHT: Record<RequestPriority, number> = { high: 3, medium: 2, low: 1 };
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The mentor's competences answer the mentee's requests (003 §6.1, 001 3.2):
 * the share of request weight covered, high priority counting 3, medium 2,
 * low 1.
 *
 * @category Criteria
 * @example
 * competenceCriterion.evaluate(mentor, mentee, context).value; // 0..1
 */
export const competenceCriterion: Criterion = defineCriterion({
  id: 'competence',
  label: { ru: 'Компетенции отвечают запросу', en: 'Competences answer the request' },
  weight: 4,
  evaluate: (mentor, mentee) => {
    let total = 0;
    let covered = 0;
    let high = 0;
    for (const r of mentee.profile.requests) {
      if (r.competence === undefined) continue;
      const w = PRIORITY_WEIGHT[r.priority];
      total += w;
      if (mentor.profile.competences.includes(r.competence)) {
        covered += w;
        if (r.priority === 'high') high++;
      }
    }
    if (total === 0) {
      return {
        value: 0.5,
        reason: { ru: 'В запросах не указаны компетенции', en: 'No competence in the requests' },
      };
    }
    const value = covered / total;
    const pct = Math.round(value * 100);
    return {
      value,
      reason: {
        ru: `Компетенции наставника покрывают ${pct}% запроса (высокий приоритет: ${high})`,
        en: `Mentor's competences cover ${pct}% of the request (high priority: ${high})`,
      },
    };
  },
});

/**
 * The same subject (предмет): the mentor teaches a subject of the mentee's
 * requests or of the mentee.
 *
 * @category Criteria
 * @example
 * subjectCriterion.evaluate(mentor, mentee, context).reason.ru;
 */
export const subjectCriterion: Criterion = defineCriterion({
  id: 'subject',
  label: { ru: 'Предмет', en: 'Subject' },
  weight: 2,
  evaluate: (mentor, mentee) => {
    const wanted = new Set<string>(mentee.person.subjects.map((s) => s.toLowerCase()));
    for (const r of mentee.profile.requests) if (r.subject) wanted.add(r.subject.toLowerCase());
    if (wanted.size === 0) return { value: 0.5, reason: { ru: 'Предмет не указан', en: 'No subject given' } };
    const has = [...mentor.profile.subjects, ...mentor.person.subjects].some((s) =>
      wanted.has(s.toLowerCase()),
    );
    return has
      ? { value: 1, reason: { ru: 'Наставник ведёт нужный предмет', en: 'The mentor teaches the subject' } }
      : { value: 0, reason: { ru: 'Предметы не совпадают', en: 'Subjects differ' } };
  },
});

/**
 * Experience gap: a mentor with more years of experience than the mentee;
 * full value from a gap of 10 years.
 *
 * @category Criteria
 * @example
 * experienceCriterion.evaluate(mentor, mentee, context).value;
 */
export const experienceCriterion: Criterion = defineCriterion({
  id: 'experience',
  label: { ru: 'Разница в опыте', en: 'Experience gap' },
  weight: 1,
  evaluate: (mentor, mentee) => {
    const a = mentor.profile.experienceYears ?? mentor.person.experienceYears;
    const b = mentee.person.experienceYears ?? 0;
    if (a === undefined)
      return { value: 0.5, reason: { ru: 'Стаж наставника не указан', en: "Mentor's experience unknown" } };
    const gap = a - b;
    return {
      value: clamp01(gap / 10),
      reason: { ru: `Разница в стаже: ${gap} лет`, en: `Experience gap: ${gap} years` },
    };
  },
});

/**
 * The mentee's group (age group, young specialist…) is one the mentor can
 * take (001 3.2).
 *
 * @category Criteria
 * @example
 * menteeGroupCriterion.evaluate(mentor, mentee, context).value; // 0 or 1
 */
export const menteeGroupCriterion: Criterion = defineCriterion({
  id: 'menteeGroup',
  label: { ru: 'Группа наставляемых', en: 'Mentee group' },
  weight: 2,
  evaluate: (mentor, mentee) => {
    if (mentor.profile.menteeGroups.length === 0) {
      return { value: 0.5, reason: { ru: 'Наставник не указал группы', en: 'The mentor named no groups' } };
    }
    return mentor.profile.menteeGroups.includes(mentee.profile.group)
      ? { value: 1, reason: { ru: 'Наставник работает с этой группой', en: 'The mentor takes this group' } }
      : {
          value: 0,
          reason: { ru: 'Наставник не работает с этой группой', en: 'The mentor does not take this group' },
        };
  },
});

/**
 * Formats: the share of the formats the mentee wants (profile and requests)
 * that the mentor offers.
 *
 * @category Criteria
 * @example
 * formatCriterion.evaluate(mentor, mentee, context).value;
 */
export const formatCriterion: Criterion = defineCriterion({
  id: 'format',
  label: { ru: 'Формат', en: 'Format' },
  weight: 1,
  evaluate: (mentor, mentee) => {
    const wanted = new Set<string>(mentee.profile.preferredFormats);
    for (const r of mentee.profile.requests) for (const f of r.wantedFormats) wanted.add(f);
    if (wanted.size === 0) return { value: 0.5, reason: { ru: 'Формат не важен', en: 'No format wanted' } };
    let n = 0;
    for (const f of wanted) if (mentor.profile.formats.includes(f)) n++;
    return {
      value: n / wanted.size,
      reason: {
        ru: `Совпадает форматов: ${n} из ${wanted.size}`,
        en: `Formats matching: ${n} of ${wanted.size}`,
      },
    };
  },
});

/**
 * Same organisation (1) or the same network of organisations (0.6).
 *
 * @category Criteria
 * @example
 * organizationCriterion.evaluate(mentor, mentee, { networkOf: new Map(), hoursPerMentee: 4 });
 */
export const organizationCriterion: Criterion = defineCriterion({
  id: 'organization',
  label: { ru: 'Организация', en: 'Organization' },
  weight: 1,
  evaluate: (mentor, mentee, ctx) => {
    const a = mentor.person.organizationId;
    const b = mentee.person.organizationId;
    if (a === b) return { value: 1, reason: { ru: 'Одна организация', en: 'Same organization' } };
    const na = ctx.networkOf.get(a);
    if (na !== undefined && na === ctx.networkOf.get(b)) {
      return { value: 0.6, reason: { ru: 'Одна сеть организаций', en: 'Same network of organizations' } };
    }
    return { value: 0, reason: { ru: 'Разные организации', en: 'Different organizations' } };
  },
});

/**
 * Hours: the mentor's monthly hours cover their capacity at
 * `hoursPerMentee` each.
 *
 * @category Criteria
 * @example
 * hoursCriterion.evaluate(mentor, mentee, { networkOf: new Map(), hoursPerMentee: 4 }).value;
 */
export const hoursCriterion: Criterion = defineCriterion({
  id: 'hours',
  label: { ru: 'Время наставника', en: "Mentor's time" },
  weight: 1,
  evaluate: (mentor, _mentee, ctx) => {
    const h = mentor.profile.availableHoursPerMonth;
    if (h === undefined) return { value: 0.5, reason: { ru: 'Время не указано', en: 'Hours not given' } };
    const need = Math.max(1, mentor.profile.capacity) * ctx.hoursPerMentee;
    return {
      value: clamp01(h / need),
      reason: { ru: `${h} ч в месяц при потребности ${need} ч`, en: `${h} h a month for ${need} h needed` },
    };
  },
});

/**
 * The built-in criteria, in the order their contributions are listed.
 *
 * @category Criteria
 * @example
 * import { defaultCriteria } from '@nastavnik/matching';
 * const mine = [...defaultCriteria, sameSchool];
 */
export const defaultCriteria: readonly Criterion[] = [
  competenceCriterion,
  subjectCriterion,
  experienceCriterion,
  menteeGroupCriterion,
  formatCriterion,
  organizationCriterion,
  hoursCriterion,
];
