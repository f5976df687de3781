import {
  formatDateLong,
  type IsoDate,
  IsoDateSchema,
  type Lang,
  type PersonId,
  PersonIdSchema,
  parse,
} from '@nastavnik/core';
import { z } from 'zod';
import type { AttentionFinding, AttentionSeverity } from './findings';
import { AttentionRoleSchema } from './policy';
import { attentionActions } from './texts';

/**
 * Who reads a digest, and so what they may see:
 * - `curator`, `municipalCurator`, `head`: every finding passed in (the
 *   caller passes their organization's, or their municipality's);
 * - `mentor`: findings addressed to mentors, of the pairs they mentor
 *   (`personIds`: their own id);
 * - `mentee`: findings addressed to mentees, of their own pair, and only
 *   their own personal ones (`personIds`: their own id);
 * - `parent`: as a mentee, for their children (`personIds`: the children's ids).
 *
 * @category Attention
 * @example
 * const viewer: DigestViewer = { role: 'mentor', personIds: [PersonIdSchema.parse('t-7')] };
 */
export interface DigestViewer {
  readonly role: z.infer<typeof AttentionRoleSchema> | 'head';
  readonly personIds?: readonly PersonId[];
}

/**
 * What a label is asked for: a pair, a programme, or a person (by id).
 *
 * @category Attention
 * @example
 * const s: DigestSubject = { kind: 'pair', id: 'pair-1' };
 */
export interface DigestSubject {
  readonly kind: 'pair' | 'programme' | 'person';
  readonly id: string;
}

/**
 * Options of {@link attentionDigest}.
 *
 * Names: the SDK never resolves a name. A digest shows ids, unless the caller
 * passes `label`, a resolver of the names this viewer is entitled to see
 * (the curator: everyone of the school; a mentor: their mentees); it is
 * called only for subjects of findings the viewer may see, and its answers
 * are escaped. Return `undefined` to keep the id.
 *
 * @category Attention
 * @example
 * const o: DigestOptions = { viewer: { role: 'curator' }, date: '2026-12-07', format: 'markdown', locale: 'ru' };
 */
export interface DigestOptions {
  readonly viewer: DigestViewer;
  /** The Monday of the digest (the date the findings were found on). */
  readonly date: IsoDate;
  readonly format: 'html' | 'markdown';
  readonly locale?: Lang;
  readonly label?: (subject: DigestSubject) => string | undefined;
}

/**
 * A digest: its text, the counts by severity and the findings it shows
 * (those the viewer may see, most urgent first).
 *
 * @category Attention
 * @example
 * const d: AttentionDigest = attentionDigest(findings, { viewer: { role: 'curator' }, date: '2026-12-07', format: 'html' });
 * d.counts.critical; // 3
 */
export interface AttentionDigest {
  readonly content: string;
  readonly counts: { readonly [S in AttentionSeverity]: number } & {
    readonly total: number;
    readonly pairs: number;
  };
  readonly findings: readonly AttentionFinding[];
}

const ViewerSchema = z.object({
  role: z.enum([...AttentionRoleSchema.options, 'head']),
  personIds: z.array(PersonIdSchema).max(100).optional(),
});
const OptionsSchema = z.object({
  viewer: ViewerSchema,
  date: IsoDateSchema,
  format: z.enum(['html', 'markdown']),
  locale: z.enum(['ru', 'en']).optional(),
});

/**
 * The findings a viewer may see (see {@link DigestViewer}); for a mentee or a
 * parent, `menteeIds` keeps only their own (a group's other mentees stay hidden).
 *
 * @category Attention
 * @example
 * visibleFindings(findings, { role: 'mentee', personIds: [menteeId] });
 */
export function visibleFindings(
  findings: readonly AttentionFinding[],
  viewer: DigestViewer,
): AttentionFinding[] {
  const v = parse(ViewerSchema, viewer, ['viewer']);
  if (v.role === 'curator' || v.role === 'municipalCurator' || v.role === 'head') return [...findings];
  const ids = new Set<string>(v.personIds ?? []);
  const out: AttentionFinding[] = [];
  for (const f of findings) {
    if (!f.addressees.includes(v.role as never)) continue;
    if (v.role === 'mentor') {
      if (f.mentorId !== null && ids.has(f.mentorId)) out.push(f);
      continue;
    }
    // A mentee (or a parent for a child): their pair's findings and their own personal ones,
    // never the ids of the other mentees of a group.
    if (f.menteeIds.some((m) => ids.has(m)) && (f.personId === null || ids.has(f.personId))) {
      // The key and the messages by name: `findAttention`'s findings make them when read.
      const menteeIds = f.menteeIds.filter((m) => ids.has(m));
      out.push({ ...f, key: f.key, message: f.message, messageEn: f.messageEn, menteeIds });
    }
  }
  return out;
}

const RANK: Readonly<Record<AttentionSeverity, number>> = { critical: 0, warning: 1, info: 2 };
const SEVERITIES: readonly AttentionSeverity[] = ['critical', 'warning', 'info'];

const words = {
  ru: {
    title: 'Пары, которым нужно внимание',
    severity: { critical: 'Срочно', warning: 'На этой неделе', info: 'К сведению' },
    total: (n: number, c: number, w: number, i: number) =>
      `Всего: ${n} — срочно: ${c}, на этой неделе: ${w}, к сведению: ${i}.`,
    none: 'Всё в порядке: ничего не требует внимания.',
    pair: 'Пара',
    programme: 'Программа (дорожная карта)',
    mentee: 'Наставляемый без пары',
    person: 'участник',
    since: 'с',
    source: 'основание',
    todo: 'Что сделать',
  },
  en: {
    title: 'Pairs that need attention',
    severity: { critical: 'Urgent', warning: 'This week', info: 'For information' },
    total: (n: number, c: number, w: number, i: number) =>
      `Total: ${n} — urgent: ${c}, this week: ${w}, for information: ${i}.`,
    none: 'All is well: nothing needs attention.',
    pair: 'Pair',
    programme: 'Programme (roadmap)',
    mentee: 'Mentee without a pair',
    person: 'participant',
    since: 'since',
    source: 'rule',
    todo: 'What to do',
  },
} as const;

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const escapeMd = (s: string): string => s.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);

/**
 * The curator's Monday digest (or a mentor's, a mentee's, a parent's): the
 * findings the viewer may see, grouped by severity (urgent, this week, for
 * information) and by pair, with counts, since when, the seed rule and what
 * to do — as HTML (every dynamic text escaped) or Markdown. Russian first;
 * dates in words («7 декабря 2026 г.»). No names unless `label` gives them
 * (see {@link DigestOptions}).
 *
 * @category Attention
 * @throws NastavnikError on invalid options.
 * @example
 * const d = attentionDigest(findAttention({ pairs }, '2026-12-07'), {
 *   viewer: { role: 'curator' }, date: '2026-12-07', format: 'markdown', locale: 'ru',
 * });
 * sendMail(curatorEmail, d.content);
 */
export function attentionDigest(
  findings: readonly AttentionFinding[],
  options: DigestOptions,
): AttentionDigest {
  const o = parse(OptionsSchema, options, ['options']);
  const lang: Lang = o.locale ?? 'ru';
  const w = words[lang];
  const shown = visibleFindings(findings, options.viewer).sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (a.dueSince < b.dueSince ? -1 : a.dueSince > b.dueSince ? 1 : 0) ||
      (a.key < b.key ? -1 : 1),
  );
  const counts = { critical: 0, warning: 0, info: 0, total: shown.length, pairs: 0 };
  const pairs = new Set<string>();
  for (const f of shown) {
    counts[f.severity]++;
    if (f.pairId !== null) pairs.add(f.pairId);
  }
  counts.pairs = pairs.size;
  const html = o.format === 'html';
  const esc = html ? escapeHtml : escapeMd;
  const name = (kind: DigestSubject['kind'], id: string): string => esc(options.label?.({ kind, id }) ?? id);
  const groupTitle = (f: AttentionFinding): string =>
    f.subject === 'pair'
      ? `${w.pair} ${name('pair', f.pairId ?? '')}`
      : f.subject === 'programme'
        ? `${w.programme} ${name('programme', f.programmeId ?? '')}`
        : `${w.mentee}: ${f.personId === null ? '—' : name('person', f.personId)}`;
  const line = (f: AttentionFinding): string => {
    const who =
      f.subject === 'pair' && f.personId !== null ? ` (${w.person} ${name('person', f.personId)})` : '';
    const meta = `${w.since} ${formatDateLong(f.dueSince, lang)}; ${w.source}: ${esc(f.source)}`;
    const todo = `${w.todo}: ${esc(attentionActions[f.code][lang])}`;
    const text = esc(lang === 'ru' ? f.message : f.messageEn);
    return html
      ? `<li><p>${text}${who}. <small>${meta}</small></p><p>${todo}.</p></li>`
      : `- ${text}${who}. _${meta}_  \n  ${todo}.`;
  };
  const title = `${w.title} — ${formatDateLong(o.date, lang)}`;
  const summary = w.total(counts.total, counts.critical, counts.warning, counts.info);
  const out: string[] = html
    ? [`<section lang="${lang}">`, `<h1>${esc(title)}</h1>`, `<p>${esc(summary)}</p>`]
    : [`# ${esc(title)}`, '', summary, ''];
  if (shown.length === 0) out.push(html ? `<p>${esc(w.none)}</p>` : `${w.none}\n`);
  for (const sev of SEVERITIES) {
    const ofSev = shown.filter((f) => f.severity === sev);
    if (ofSev.length === 0) continue;
    const heading = `${w.severity[sev]} (${ofSev.length})`;
    out.push(html ? `<h2>${esc(heading)}</h2>` : `## ${esc(heading)}\n`);
    const groups = new Map<string, AttentionFinding[]>();
    for (const f of ofSev) {
      const g = groupTitle(f);
      const list = groups.get(g);
      if (list) list.push(f);
      else groups.set(g, [f]);
    }
    for (const [g, list] of groups) {
      if (html) out.push(`<h3>${g}</h3>`, '<ul>', ...list.map(line), '</ul>');
      else out.push(`### ${g}\n`, ...list.map(line), '');
    }
  }
  if (html) out.push('</section>');
  return { content: `${out.join('\n')}\n`, counts, findings: shown };
}
