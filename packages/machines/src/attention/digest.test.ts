import { isNastavnikError, type PersonId } from '@nastavnik/core';
import { attentionDigest, findAttention, visibleFindings } from '@nastavnik/machines';
import { describe, expect, it } from 'vitest';
import { pairBuilder } from '../__fixtures__/attentionWorld';

const date = '2026-12-07';
// pair-1: two adult mentees whose consents expire on 2026-12-31, silent since 09-13;
// pair-2: a senior pupil mentoring a minor, silent since 09-13.
const p1 = pairBuilder({ id: 'pair-1', mentees: 2 })
  .consents('2026-09-01', '2026-12-31')
  .order('2026-09-10')
  .meeting('organizational', '2026-09-11')
  .meeting('trial', '2026-09-12')
  .meeting('planning', '2026-09-13').snapshot;
const p2 = pairBuilder({ id: 'pair-2', pupils: true }).active('2026-09-10').snapshot;
const findings = findAttention(
  { pairs: [p1, p2], mentees: [{ id: 'waiting-1' as PersonId, since: '2026-10-01' }] },
  date,
);
const id = (s: string) => s as PersonId;

describe('attentionDigest: what each reader may see', () => {
  it('the curator sees every finding, grouped by severity and pair, with counts', () => {
    const d = attentionDigest(findings, { viewer: { role: 'curator' }, date, format: 'markdown' });
    expect(d.findings).toHaveLength(findings.length);
    expect(d.counts.total).toBe(findings.length);
    expect(d.counts.critical + d.counts.warning + d.counts.info).toBe(findings.length);
    expect(d.counts.pairs).toBe(2);
    expect(d.content).toContain('# Пары, которым нужно внимание — 7\u00a0декабря 2026\u00a0г.');
    expect(d.content).toContain('## Срочно');
    expect(d.content).toContain('### Пара pair-1');
    expect(d.content).toContain('### Наставляемый без пары: waiting-1');
    expect(d.content).toContain('Что сделать:');
    // Most urgent first.
    const ranks = d.findings.map((f) => ['critical', 'warning', 'info'].indexOf(f.severity));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('a mentor sees only the findings of their own pairs, addressed to mentors', () => {
    const v = visibleFindings(findings, { role: 'mentor', personIds: [id('pair-1-mentor')] });
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((f) => f.pairId === 'pair-1' && f.addressees.includes('mentor'))).toBe(true);
    const d = attentionDigest(findings, {
      viewer: { role: 'mentor', personIds: [id('pair-1-mentor')] },
      date,
      format: 'html',
    });
    expect(d.content).not.toContain('pair-2');
    expect(d.content).not.toContain('waiting-1');
  });

  it('a mentee sees their pair’s findings and only their own personal ones', () => {
    const v = visibleFindings(findings, { role: 'mentee', personIds: [id('pair-1-mentee-1')] });
    expect(v.some((f) => f.code === 'consent_expiring' && f.personId === 'pair-1-mentee-1')).toBe(true);
    expect(v.some((f) => f.personId === 'pair-1-mentee-2' || f.personId === 'pair-1-mentor')).toBe(false);
    expect(v.some((f) => f.code === 'no_meeting' && f.pairId === 'pair-1')).toBe(true);
    expect(v.every((f) => f.menteeIds.every((m) => m === 'pair-1-mentee-1'))).toBe(true);
  });

  it('a parent sees their child’s pair; nobody else’s', () => {
    const v = visibleFindings(findings, { role: 'parent', personIds: [id('pair-2-mentee-1')] });
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((f) => f.pairId === 'pair-2' && f.addressees.includes('parent'))).toBe(true);
    expect(visibleFindings(findings, { role: 'parent', personIds: [id('pair-1-mentee-1')] })).toEqual([]);
  });
});

describe('attentionDigest: names and formats', () => {
  it('names nobody unless the caller resolves names, and escapes what it is given', () => {
    const plain = attentionDigest(findings, { viewer: { role: 'curator' }, date, format: 'html' });
    expect(plain.content).toContain('pair-1');
    const labelled = attentionDigest(findings, {
      viewer: { role: 'curator' },
      date,
      format: 'html',
      label: (s) => (s.kind === 'pair' && s.id === 'pair-1' ? 'Пара <b>«Иванова — Петрова»</b>' : undefined),
    });
    expect(labelled.content).toContain('Пара &lt;b&gt;«Иванова — Петрова»&lt;/b&gt;');
    expect(labelled.content).not.toContain('<b>');
    const md = attentionDigest(findings, {
      viewer: { role: 'curator' },
      date,
      format: 'markdown',
      label: (s) => (s.kind === 'person' ? '[x](http://evil)' : undefined),
    });
    expect(md.content).toContain('\\[x\\]');
  });

  it('writes English when asked, and says when there is nothing to do', () => {
    const en = attentionDigest(findings, {
      viewer: { role: 'curator' },
      date,
      format: 'markdown',
      locale: 'en',
    });
    expect(en.content).toContain('# Pairs that need attention — 7 December 2026');
    expect(en.content).toContain('What to do:');
    const none = attentionDigest([], { viewer: { role: 'head' }, date, format: 'html' });
    expect(none.content).toContain('Всё в порядке');
    expect(none.counts.total).toBe(0);
  });

  it('refuses an unknown viewer role or format with a NastavnikError', () => {
    let caught: unknown;
    try {
      attentionDigest(findings, { viewer: { role: 'janitor' as never }, date, format: 'pdf' as never });
    } catch (e) {
      caught = e;
    }
    expect(isNastavnikError(caught)).toBe(true);
  });
});
