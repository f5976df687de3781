import { parse } from '@nastavnik/core';
import { type MatchingInput, MatchingInputSchema, type MatchOptions } from '../match';
import type { PreferenceList } from '../stableAssignment';
import { type Prepared, prepare } from './prepare';

interface StableInstance {
  readonly p: Prepared;
  readonly menteePrefs: PreferenceList[];
  readonly mentorPrefs: PreferenceList[];
  readonly capacities: number[];
}

/** The index-level hospitals/residents instance that `matchStable` solves and `verifyStableMatching` checks. */
export function stableInstance(input: MatchingInput, options: MatchOptions): StableInstance {
  const p = prepare(parse(MatchingInputSchema, input), options);
  const mentorIdx = new Map(p.mentors.map((m, j) => [m.person.id as string, j]));
  const openIdx = new Map(p.open.map((i, k) => [p.mentees[i]!.person.id as string, k]));
  const eligibleSet = p.eligible.map((l) => new Map(l.map((e) => [e.mentor, e.score])));
  const parsedPrefs = p.input;

  const fromSurvey = (
    list: ReadonlyArray<string | readonly string[]>,
    resolve: (id: string) => number | undefined,
    keep: (x: number) => boolean,
  ): PreferenceList => {
    const out: Array<number | number[]> = [];
    const seen = new Set<number>();
    for (const entry of list) {
      const group = (typeof entry === 'string' ? [entry] : entry)
        .map(resolve)
        .filter((x): x is number => x !== undefined && keep(x) && !seen.has(x));
      for (const x of group) seen.add(x);
      if (group.length === 1) out.push(group[0]!);
      else if (group.length > 1) out.push(group);
    }
    return out;
  };
  const byScore = (entries: Array<[number, number]>): PreferenceList => {
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const out: Array<number | number[]> = [];
    let k = 0;
    while (k < entries.length) {
      let e = k + 1;
      while (e < entries.length && entries[e]![1] === entries[k]![1]) e++;
      const group = entries.slice(k, e).map((x) => x[0]);
      out.push(group.length === 1 ? group[0]! : group);
      k = e;
    }
    return out;
  };

  const menteePrefs: PreferenceList[] = p.open.map((i, k) => {
    const survey = parsedPrefs.menteePreferences?.[p.mentees[i]!.person.id];
    if (survey)
      return fromSurvey(
        survey,
        (id) => mentorIdx.get(id),
        (j) => eligibleSet[k]!.has(j),
      );
    return byScore([...eligibleSet[k]!.entries()]);
  });
  const mentorPrefs: PreferenceList[] = p.mentors.map((m, j) => {
    const survey = parsedPrefs.mentorPreferences?.[m.person.id];
    if (survey)
      return fromSurvey(
        survey,
        (id) => openIdx.get(id),
        (k) => eligibleSet[k]!.has(j),
      );
    const entries: Array<[number, number]> = [];
    eligibleSet.forEach((s, k) => {
      const sc = s.get(j);
      if (sc !== undefined) entries.push([k, sc]);
    });
    return byScore(entries);
  });
  return { p, menteePrefs, mentorPrefs, capacities: Array.from(p.remaining, (x) => Math.max(0, x)) };
}
