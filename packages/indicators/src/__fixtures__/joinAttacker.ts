import type { IndicatorDatasetInput } from '@nastavnik/indicators';

/**
 * An attacker who holds a release and joins its tables, written apart from
 * the release code: people with pairs, requests, mentor records and answers
 * on every key they share (a person key, a request key), transitively, and
 * with answers on organization. Each released person is known by their
 * quasi-identifiers plus the most specific organizations any joined record
 * names. Returns the size of every combination an attacker can look up:
 * people by their joined quasi-identifiers, and answer respondents by
 * organization and role.
 */
export function joinAttack(ds: IndicatorDatasetInput): {
  /** Each released person's joined combination and how many people share it. */
  readonly people: readonly {
    readonly combination: string;
    readonly size: number;
    readonly orgs: readonly string[];
  }[];
  /** Distinct respondents per (organization, role) of the answers. */
  readonly answers: readonly number[];
  /** Answer keys that are also person keys (a join on the key). */
  readonly answerKeysJoined: number;
  /** People per organization an answer names (joined on organization). */
  readonly answersOnOrganization: readonly number[];
} {
  const parent = new Map(ds.organizations.map((o) => [o.id, o.parentId]));
  const under = (org: string, anc: string) => {
    for (let o: string | undefined = org; o !== undefined; o = parent.get(o)) if (o === anc) return true;
    return false;
  };
  // Edges between keys, each with the organizations of the record that joins them.
  const adj = new Map<string, Set<string>>();
  const orgsOf = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const s = adj.get(x) ?? new Set<string>();
      s.add(y);
      adj.set(x, s);
    }
  };
  const note = (key: string, org: string) => {
    const s = orgsOf.get(key) ?? new Set<string>();
    s.add(org);
    orgsOf.set(key, s);
  };
  const requests = new Map((ds.requests ?? []).map((q) => [q.id, q]));
  for (const p of ds.persons ?? []) note(p.id, p.organizationId);
  for (const m of ds.mentors ?? []) note(m.personId, m.organizationId);
  for (const q of ds.requests ?? []) note(q.menteeId, q.organizationId);
  for (const r of ds.responses ?? []) note(r.respondentId, r.organizationId);
  for (const p of ds.pairs ?? []) {
    const keys = [p.mentorId, ...p.menteeIds];
    for (const id of p.requestIds ?? []) {
      const q = requests.get(id);
      if (q) keys.push(q.menteeId);
    }
    for (const k of keys) {
      note(k, p.organizationId);
      link(p.mentorId, k);
    }
  }
  const reach = (start: string) => {
    const seen = new Set([start]);
    const queue = [start];
    const orgs = new Set<string>();
    while (queue.length > 0) {
      const k = queue.pop() as string;
      for (const o of orgsOf.get(k) ?? []) orgs.add(o);
      for (const n of adj.get(k) ?? [])
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
    }
    const all = [...orgs];
    return all.filter((x) => !all.some((y) => y !== x && under(y, x))).sort();
  };
  const persons = ds.persons ?? [];
  const combos = persons.map((p) => {
    const orgs = reach(p.id);
    return {
      orgs,
      combination: JSON.stringify([
        orgs,
        p.category,
        p.age ?? null,
        p.experienceYears ?? null,
        p.leftAt ?? null,
      ]),
    };
  });
  const count = new Map<string, number>();
  for (const c of combos) count.set(c.combination, (count.get(c.combination) ?? 0) + 1);
  const byRole = new Map<string, Set<string>>();
  for (const r of ds.responses ?? []) {
    const k = JSON.stringify([r.organizationId, r.role]);
    byRole.set(k, (byRole.get(k) ?? new Set()).add(r.respondentId));
  }
  const personKeys = new Set(persons.map((p) => p.id));
  for (const p of ds.pairs ?? []) for (const k of [p.mentorId, ...p.menteeIds]) personKeys.add(k);
  return {
    people: combos.map((c) => ({ ...c, size: count.get(c.combination) ?? 0 })),
    answers: [...byRole.values()].map((s) => s.size),
    answerKeysJoined: (ds.responses ?? []).filter((r) => personKeys.has(r.respondentId)).length,
    answersOnOrganization: [...new Set((ds.responses ?? []).map((r) => r.organizationId))].map(
      (org) => persons.filter((p) => p.organizationId === org).length,
    ),
  };
}
