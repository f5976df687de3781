import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consentGap, defaultConsentPolicy, type IsoDate, type Person } from '@nastavnik/core';
import {
  computeIndicators,
  type DatasetRelease,
  type IndicatorDatasetInput,
  withholdWithoutConsent,
} from '@nastavnik/indicators';
import { beforeAll, describe, expect, it } from 'vitest';
import { runProgrammeYear, type YearResult } from './index';
import { regionRelease, writeRelease, yearConsents } from './release';

const QI = ['organizationId', 'category', 'age', 'experienceYears', 'leftAt'] as const;
const qi = (p: Record<string, unknown>) => JSON.stringify(QI.map((f) => p[f] ?? null));

// 152-ФЗ ст. 3 п. 9, ст. 9 and Roskomnadzor order № 140: the records the demo computes its indicators from
// leave the school (for the municipality, the region) only through depersonaliseDataset: consent first,
// then deletion, identifiers, generalisation and k-anonymity with the default k = 5.
describe('quickstart: the records a region receives are depersonalised and k-anonymous at k = 5', () => {
  let year: YearResult;
  let release: DatasetRelease;
  beforeAll(() => {
    year = runProgrammeYear({ seed: 7, schools: 2, pupilsPerSchool: 60, teachersPerSchool: 14 });
    release = regionRelease(year);
  });

  it('passes the attacker join at k = 5: whoever an attacker looks up by quasi-identifiers is one of at least five, or absent', () => {
    expect(release.report).toMatchObject({ ok: true, required: 5 });
    const persons = (release.dataset.persons ?? []) as Record<string, unknown>[];
    expect(persons.length).toBeGreaterThan(100);
    const sizes = new Map<string, number>();
    for (const p of persons) sizes.set(qi(p), (sizes.get(qi(p)) ?? 0) + 1);
    // The attacker knows every real person's organization (and its parents), category, age and experience,
    // and tries every generalisation the release may have applied.
    const parent = new Map(
      year.sample.organizations.map((o) => [o.id as string, o.parentId as string | undefined]),
    );
    const asOf = year.dates.may;
    for (const real of year.sample.persons) {
      const age = real.birthDate ? Number(asOf.slice(0, 4)) - Number(real.birthDate.slice(0, 4)) : undefined;
      const staff = real.category === 'teacher' || real.category === 'head';
      for (let org: string | undefined = real.organizationId; org !== undefined; org = parent.get(org)) {
        const guesses = staff
          ? [3, 4].map((e) => ({ organizationId: org, category: 'teacher', experienceYears: e }))
          : [10, age].map((a) => ({ organizationId: org, category: real.category, age: a }));
        for (const g of guesses) {
          const found = sizes.get(qi(g)) ?? 0;
          expect(found === 0 || found >= 5).toBe(true);
        }
      }
    }
  });

  it('passes the joined attacker: people joined with pairs, requests, mentor records and answers on the keys find 0 or at least five', () => {
    const ds = release.dataset;
    const parent = new Map(ds.organizations.map((o) => [o.id, o.parentId]));
    const under = (org: string, anc: string) => {
      for (let o: string | undefined = org; o !== undefined; o = parent.get(o)) if (o === anc) return true;
      return false;
    };
    // Union-find over keys: a pair joins its mentor, mentees and the mentees of the requests it answers.
    const up = new Map<string, string>();
    const find = (x: string): string => (up.has(x) ? find(up.get(x) as string) : x);
    const join = (a: string, b: string) => {
      if (find(a) !== find(b)) up.set(find(a), find(b));
    };
    const menteeOf = new Map((ds.requests ?? []).map((q) => [q.id, q.menteeId]));
    const orgs: [string, string][] = [
      ...(ds.persons ?? []).map((p) => [p.id, p.organizationId] as [string, string]),
      ...(ds.mentors ?? []).map((m) => [m.personId, m.organizationId] as [string, string]),
      ...(ds.requests ?? []).map((q) => [q.menteeId, q.organizationId] as [string, string]),
      ...(ds.responses ?? []).map((r) => [r.respondentId, r.organizationId] as [string, string]),
    ];
    for (const p of ds.pairs ?? []) {
      const keys = [...p.menteeIds, ...(p.requestIds ?? []).flatMap((id) => menteeOf.get(id) ?? [])];
      for (const k of keys) join(p.mentorId, k);
      orgs.push([p.mentorId, p.organizationId]);
    }
    const named = new Map<string, Set<string>>();
    for (const [k, org] of orgs) named.set(find(k), (named.get(find(k)) ?? new Set()).add(org));
    const most = (set: Set<string>) =>
      [...set].filter((x) => ![...set].some((y) => y !== x && under(y, x))).sort();
    const persons = (ds.persons ?? []) as Record<string, unknown>[];
    const joined = (p: Record<string, unknown>) =>
      JSON.stringify([most(named.get(find(p.id as string)) ?? new Set()), qi(p)]);
    const sizes = new Map<string, number>();
    for (const p of persons) sizes.set(joined(p), (sizes.get(joined(p)) ?? 0) + 1);
    for (const p of persons) expect(sizes.get(joined(p))).toBeGreaterThanOrEqual(5);
    // Answers: their keys are no person's, and each organization and role has at least five respondents.
    const keys = new Set([...persons.map((p) => p.id as string), ...(ds.pairs ?? []).map((p) => p.mentorId)]);
    const byRole = new Map<string, Set<string>>();
    for (const r of ds.responses ?? []) {
      expect(keys.has(r.respondentId)).toBe(false);
      const c = `${r.organizationId}|${r.role}`;
      byRole.set(c, (byRole.get(c) ?? new Set()).add(r.respondentId));
    }
    for (const set of byRole.values()) expect(set.size).toBeGreaterThanOrEqual(5);
    // A person moved up is tied to no record that names a school below where they were sent.
    for (const p of persons)
      for (const org of named.get(find(p.id as string)) ?? [])
        expect(org === p.organizationId || !under(org, p.organizationId as string)).toBe(true);
  });

  it('sends no id, name or birth date of a person, and no one without the consent to pass their records on', () => {
    const text = JSON.stringify(release.dataset);
    for (const p of year.sample.persons) {
      expect(text).not.toContain(`"${p.id}"`);
      expect(text).not.toContain(p.name.lastName);
    }
    expect(text).not.toContain('birthDate');
    // Every person sent has the consent the policy requires for the transfer (the same judge as every package).
    const table = release.key.identifiers.personId ?? {};
    const byId = new Map(year.sample.persons.map((p) => [p.id as string, p]));
    const consents = yearConsents(year);
    for (const p of release.dataset.persons ?? []) {
      const real = byId.get(String(table[p.id])) as Person;
      expect(
        consentGap(defaultConsentPolicy, real, 'participant', 'export', consents, year.dates.may),
      ).toEqual([]);
    }
    // Everyone kept back is listed with a gap the judge finds too.
    for (const g of release.withheld.gaps) {
      const real = byId.get(g.personId) as Person;
      expect(
        consentGap(defaultConsentPolicy, real, g.role, 'export', consents, year.dates.may),
      ).toContainEqual({
        personId: g.personId,
        purpose: g.purpose,
        cause: g.cause,
      });
    }
  });

  it('indicators computed from the release are exact, except person-based ones of the organizations it reports', () => {
    const asOf: IsoDate = year.dates.may;
    const period = { kind: 'checkpoint', year: year.dates.academicYear, checkpoint: 'may' } as const;
    // What the school may pass on at all (consent): the reference the release is measured against.
    const { dataset: allowed } = withholdWithoutConsent(year.indicators.datasets.may, {
      consents: yearConsents(year),
      date: asOf,
    });
    const key = (v: { indicatorId: string; organizationId: string; breakdown?: unknown }) =>
      `${v.indicatorId}|${v.organizationId}|${JSON.stringify(v.breakdown ?? null)}`;
    const before = new Map(computeIndicators(allowed, { asOf, period }).values.map((v) => [key(v), v]));
    const after = new Map(
      computeIndicators(release.dataset as IndicatorDatasetInput, { asOf, period }).values.map((v) => [
        key(v),
        v,
      ]),
    );
    // A value on one side only (a school whose pairs all went up has no breakdown by form) counts as changed.
    const changed: [string, string][] = [];
    for (const k of new Set([...before.keys(), ...after.keys()])) {
      const [a, b] = [after.get(k), before.get(k)];
      const v = a ?? b;
      if (v && (b?.numerator !== a?.numerator || b?.denominator !== a?.denominator))
        changed.push([v.organizationId, v.indicatorId]);
    }
    const parent = new Map(
      year.sample.organizations.map((o) => [o.id as string, o.parentId as string | undefined]),
    );
    const upFrom = (orgs: readonly string[]) => {
      const all = new Set<string>();
      for (const start of orgs)
        for (let org: string | undefined = start; org !== undefined; org = parent.get(org)) all.add(org);
      return all;
    };
    // Moved up (people and the pairs, requests, mentor records and answers linked to them): only the
    // organizations they left; the mark deleted: only young specialists' indicators,
    // there and above; suppressed: there and above. Nothing else changes.
    const lifted = new Set(release.generalised.from);
    const unmarked = upFrom(release.unmarked.from);
    const suppressed = upFrom(release.suppressed.classes.flatMap((c) => c.from));
    for (const [org, id] of changed) {
      const young = id.startsWith('coverage.youngTeacher') || id.includes('youngSpecialist');
      expect(lifted.has(org) || suppressed.has(org) || (unmarked.has(org) && young), `${id} at ${org}`).toBe(
        true,
      );
    }
    // The demo's release needs no record-level suppression at k = 5.
    expect(release.suppressed.records).toBe(0);
  });

  it("writes what is sent (release/) apart from the officer's report (dpo/); the key is not written", async () => {
    const out = await mkdtemp(join(tmpdir(), 'nastavnik-release-'));
    try {
      const written = await writeRelease(year, out);
      expect(written).toEqual([
        'release/dataset-may.json',
        'release/indicators-may.json',
        'dpo/release-report-may.json',
      ]);
      const sent = await readFile(join(out, 'release/dataset-may.json'), 'utf8');
      expect(sent).not.toContain('nastavnik.depersonalisationKey');
      const report = JSON.parse(await readFile(join(out, 'dpo/release-report-may.json'), 'utf8'));
      expect(report).toMatchObject({ k: 5, deletedNotCounted: release.deleted });
      expect(report.smallestClass).toBeGreaterThanOrEqual(5);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
