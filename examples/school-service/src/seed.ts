import { type IsoDate, type MentorProfile, type Pair, PairSchema, parse } from '@nastavnik/core';
import { generateMunicipality } from '@nastavnik/core/sample';
import type { Db } from './db';
import { runMatching } from './matching';
import { initialPairSnapshot } from './pairs';
import { createRegistry } from './registry';
import { createEventStore } from './store';

/**
 * Fill an empty database with one school of core's deterministic sample
 * municipality (`generateMunicipality`): the school record, the mentor and
 * mentee registries with requests, the consents, and the pairs the optimal
 * matching proposes on the sample's date (phase `collectingConsents`, no
 * events yet). Does nothing if the registries are not empty.
 *
 * @example
 * await seedSample(db); // → { seeded: true, asOf: '2023-10-01', mentors: 9, mentees: 17, pairs: … }
 */
export async function seedSample(
  db: Db,
  options: { seed?: number } = {},
): Promise<{ seeded: boolean; asOf?: IsoDate; mentors?: number; mentees?: number; pairs?: number }> {
  const registry = createRegistry(db);
  if (!(await registry.isEmpty())) return { seeded: false };
  const m = generateMunicipality({ schools: 1, seed: options.seed ?? 1 });
  const school = m.schools[0];
  if (!school) return { seeded: false };
  const byId = new Map(school.persons.map((p) => [p.id, p]));
  await db.query(
    `insert into settings (key, data) values ('school', $1::text::jsonb) on conflict do nothing`,
    [JSON.stringify({ organization: school.organization, head: school.head, curatorId: school.curator.id })],
  );
  for (const profile of school.mentorProfiles) {
    const person = byId.get(profile.personId);
    if (person) await registry.createMentor(person, profile);
  }
  for (const profile of school.menteeProfiles) {
    const person = byId.get(profile.personId);
    if (person) await registry.createMentee(person, profile);
  }
  for (const consent of school.consents) {
    if (await registry.person(consent.personId)) await registry.createConsent(consent);
  }
  const store = createEventStore(db);
  const proposals = await runMatching(registry, store, { date: m.asOf });
  const mentors = new Map<string, MentorProfile>(school.mentorProfiles.map((p) => [p.personId, p]));
  let n = 0;
  for (const proposal of proposals.pairs) {
    const mentor = mentors.get(proposal.mentorId);
    n += 1;
    const pair: Pair = parse(PairSchema, {
      id: `pair-${String(n).padStart(3, '0')}`,
      organizationId: school.organization.id,
      mentorId: proposal.mentorId,
      menteeIds: [proposal.menteeId],
      form: mentor?.forms[0] ?? 'educatorEducator',
      // One mentee per proposal: a format that fits a pair of two (a `group` needs two or more mentees).
      formats: [mentor?.formats.find((f) => f !== 'group') ?? 'traditional'],
      origin: 'matching',
    });
    const people = await registry.persons([pair.mentorId, ...pair.menteeIds]);
    await store.createPair(pair.id, pair, initialPairSnapshot(pair, people, m.asOf));
  }
  return {
    seeded: true,
    asOf: m.asOf,
    mentors: school.mentorProfiles.length,
    mentees: school.menteeProfiles.length,
    pairs: n,
  };
}
