// The readable summary of a year: counts and indicators only, never a name.
import { type Lang, terminationReasonLabels } from '@nastavnik/core';
import { defaultIndicators, type IndicatorValue } from '@nastavnik/indicators';
import type { WrittenFile } from './outputs';
import type { YearResult } from './year';

const T = {
  title: { ru: 'Год наставничества', en: 'A mentoring year' },
  municipality: { ru: 'Муниципалитет', en: 'Municipality' },
  schools: { ru: 'школы', en: 'schools' },
  programmes: { ru: 'Программы (автоматы программ)', en: 'Programmes (programme machines)' },
  closed: { ru: 'все этапы пройдены', en: 'all stages done' },
  matching: { ru: 'Подбор пар', en: 'Matching' },
  optimal: { ru: 'педагоги по критериям (matchOptimal)', en: 'teachers by criteria (matchOptimal)' },
  stable: {
    ru: 'обучающиеся по взаимному выбору (matchStable)',
    en: 'pupils by mutual choice (matchStable)',
  },
  unmatched: { ru: 'Без пары (поиск продолжается)', en: 'Without a pair (the search goes on)' },
  pairs: { ru: 'Пары и группы (автоматы пар)', en: 'Pairs and groups (pair machines)' },
  groups: { ru: 'из них', en: 'of them' },
  completed: { ru: 'завершили программу', en: 'completed the programme' },
  extended: {
    ru: 'продлены по обоюдному согласию и завершены',
    en: 'extended by mutual agreement and completed',
  },
  terminated: { ru: 'завершены досрочно', en: 'terminated early' },
  consentsIncomplete: { ru: 'не утверждены: нет согласий', en: 'not approved: consents missing' },
  refused: { ru: 'Отказы автоматов (правила в действии)', en: 'Refusals by the machines (rules at work)' },
  indicators: { ru: 'Показатели муниципалитета на май', en: 'Municipal indicators in May' },
  target: { ru: 'цель', en: 'target' },
  met: { ru: 'достигнута', en: 'met' },
  notMet: { ru: 'не достигнута', en: 'not met' },
  files: { ru: 'Файлы', en: 'Files' },
  noPersonal: {
    ru: 'Выводятся только количества и показатели: персональные данные не печатаются.',
    en: 'Only counts and indicators are printed: no personal data.',
  },
} as const;

const REASON: Record<string, { ru: string; en: string }> = {
  noConsent: { ru: 'нет согласия на обработку ПДн', en: 'no consent to personal data processing' },
  noEligibleMentor: { ru: 'нет подходящего наставника', en: 'no eligible mentor' },
  capacityTaken: { ru: 'места у подходящих наставников заняты', en: 'eligible mentors are full' },
  noMutualPreference: { ru: 'нет взаимного выбора', en: 'no mutual preference' },
};

const KEY_INDICATORS = [
  'coverage.pupilMentees',
  'coverage.youngTeacherMentees',
  'coverage.teacherMentors',
  'process.requestsMatched',
  'process.programmesCompleted',
  'process.meetingsHeld',
  'process.activitiesOverdue',
  'mentors.trained',
  'satisfaction.menteeMean',
  'satisfaction.mentorMean',
  'impact.selfAssessmentChangeMentee',
] as const;

function fmt(v: IndicatorValue, lang: Lang): string {
  if (v.value === null) return '—';
  const n = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 }).format(
    v.value,
  );
  if (v.unit === 'percent')
    return `${n} % (${Math.round(v.numerator ?? 0)}/${Math.round(v.denominator ?? 0)})`;
  return n;
}

const NOUNS = {
  pairs: { ru: ['пара', 'пары', 'пар'], en: ['pair', 'pairs', 'pairs'] },
  groups: { ru: ['группа', 'группы', 'групп'], en: ['group', 'groups', 'groups'] },
} as const;

/** A count with its noun agreed by `Intl.PluralRules`, the number first: «18 пар», «1 pair». */
function count(n: number, noun: keyof typeof NOUNS, lang: Lang): string {
  const [one, few, many] = NOUNS[noun][lang];
  const c = new Intl.PluralRules(lang).select(n);
  return `${n}\u00a0${c === 'one' ? one : c === 'few' ? few : many}`;
}

/** The summary as lines of text. */
export function summarize(year: YearResult, files: readonly WrittenFile[], lang: Lang): string[] {
  const t = (k: keyof typeof T) => T[k][lang];
  const out: string[] = [];
  const { sample } = year;
  out.push(`${t('title')} ${year.dates.academicYear}`);
  out.push(
    `${t('municipality')}: ${sample.authority.shortName ?? sample.authority.name}; ${t('schools')}: ${sample.schools.length}`,
  );
  out.push('');
  out.push(`${t('programmes')}:`);
  for (const p of year.programmes) {
    const done = p.snapshot.context.activities.filter((a) => a.status === 'done').length;
    out.push(
      `  ${p.organizationId} · ${p.roadmap} · ${done}/${p.snapshot.context.activities.length} · ${p.snapshot.context.stage === 'closed' ? t('closed') : p.snapshot.context.stage}`,
    );
  }
  out.push('');
  out.push(`${t('matching')}:`);
  const opt = year.matching.reduce((s, m) => s + m.optimal.pairs.filter((p) => !p.fixed).length, 0);
  const st = year.matching.reduce((s, m) => s + m.stable.pairs.filter((p) => !p.fixed).length, 0);
  out.push(`  ${t('optimal')}: ${count(opt, 'pairs', lang)}`);
  out.push(`  ${t('stable')}: ${count(st, 'pairs', lang)}`);
  const reasons = new Map<string, number>();
  for (const m of year.matching)
    for (const u of [...m.optimal.unmatched, ...m.stable.unmatched])
      reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  const unmatched = [...reasons.values()].reduce((a, b) => a + b, 0);
  out.push(`  ${t('unmatched')}: ${unmatched}`);
  for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1]))
    out.push(`    ${REASON[r]?.[lang] ?? r}: ${n}`);
  out.push('');
  const fates = new Map<string, number>();
  for (const j of year.pairs) fates.set(j.fate, (fates.get(j.fate) ?? 0) + 1);
  const groups = year.pairs.filter((j) => j.pair.menteeIds.length > 1).length;
  out.push(`${t('pairs')}: ${year.pairs.length} (${t('groups')} ${count(groups, 'groups', lang)})`);
  const byReason = new Map<string, number>();
  for (const j of year.pairs)
    if (j.terminationReason) byReason.set(j.terminationReason, (byReason.get(j.terminationReason) ?? 0) + 1);
  for (const f of ['completed', 'extended', 'terminated', 'consentsIncomplete'] as const) {
    if (fates.get(f)) out.push(`  ${t(f)}: ${fates.get(f)}`);
    if (f === 'terminated')
      for (const [r, n] of byReason)
        out.push(`    ${terminationReasonLabels[r as keyof typeof terminationReasonLabels][lang]}: ${n}`);
  }
  const refusals = new Map<string, string>();
  const refusalCounts = new Map<string, number>();
  for (const j of year.pairs)
    for (const r of j.refusals) {
      refusals.set(r.code, lang === 'ru' ? r.message : r.messageEn);
      refusalCounts.set(r.code, (refusalCounts.get(r.code) ?? 0) + 1);
    }
  if (refusals.size > 0) {
    out.push(`  ${t('refused')}:`);
    for (const [code, n] of refusalCounts) out.push(`    ${code} ×${n}: ${refusals.get(code)}`);
  }
  out.push('');
  out.push(`${t('indicators')}:`);
  const uo = sample.authority.id;
  for (const id of KEY_INDICATORS) {
    const v = year.indicators.may.find(
      (x) => x.indicatorId === id && x.organizationId === uo && x.breakdown === undefined,
    );
    if (!v) continue;
    const target =
      v.target !== undefined
        ? ` · ${t('target')} ${v.target}${v.unit === 'percent' ? ' %' : ''}: ${v.meetsTarget ? t('met') : t('notMet')}`
        : '';
    const name = defaultIndicators.find((d) => d.id === id)?.name[lang] ?? id;
    out.push(`  ${name}: ${fmt(v, lang)}${target}`);
  }
  out.push('');
  const kinds = new Map<string, number>();
  for (const f of files) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  out.push(`${t('files')}: ${[...kinds].map(([k, n]) => `${n} ${k.toUpperCase()}`).join(', ')}`);
  out.push(t('noPersonal'));
  return out;
}
