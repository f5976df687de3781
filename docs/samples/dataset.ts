/**
 * A monitoring dataset for the indicators samples: the sample municipality of
 * @nastavnik/core, its pairs matched with @nastavnik/matching, and a made-up
 * but deterministic year (statuses, meetings, survey answers). Only what
 * counting needs: ids, categories, dates — no names.
 */
import { generateMunicipality, type SampleMunicipality } from '@nastavnik/core/sample';
import type { IndicatorDatasetInput, PairRecord, ResponseRecord } from '@nastavnik/indicators';
import { matchOptimal } from '@nastavnik/matching';

/** A deterministic number in [0, 1) from a string (no Math.random in samples). */
function unit(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}

export function municipalityDataset(seed = 1): {
  municipality: SampleMunicipality;
  dataset: IndicatorDatasetInput;
} {
  const municipality = generateMunicipality({ seed });
  const pairs: PairRecord[] = [];
  const responses: ResponseRecord[] = [];
  for (const school of municipality.schools) {
    const byId = new Map(school.persons.map((p) => [p.id, p]));
    const result = matchOptimal({
      date: municipality.asOf,
      mentors: school.mentorProfiles.map((profile) => ({ person: byId.get(profile.personId)!, profile })),
      mentees: school.menteeProfiles.map((profile) => ({ person: byId.get(profile.personId)!, profile })),
      consents: [...school.consents],
    });
    const requestsOf = new Map(school.menteeProfiles.map((m) => [m.personId as string, m.requests]));
    for (const p of result.pairs) {
      const id = `${school.organization.id}-${p.mentorId}-${p.menteeId}`;
      const roll = unit(id);
      const status = roll < 0.1 ? 'terminated' : roll < 0.55 ? 'completed' : 'active';
      const mentee = byId.get(p.menteeId as never)!;
      // #region record
      pairs.push({
        id,
        organizationId: school.organization.id,
        mentorId: p.mentorId,
        menteeIds: [p.menteeId],
        form: mentee.category === 'pupil' ? 'studentStudent' : 'educatorEducator',
        formats: ['traditional'],
        status,
        approvedAt: unit(`${id}-late`) < 0.35 ? '2024-02-05' : '2023-10-02', // new mentees arrive all year (001 2.2)
        ...(status === 'completed' ? { completedAt: '2024-05-24' } : {}),
        ...(status === 'terminated'
          ? { terminatedAt: '2024-02-12', terminationReason: 'menteeInitiative' }
          : {}),
        meetingsPlanned: 16,
        meetingsHeld: 8 + Math.floor(roll * 9),
        requestIds: (requestsOf.get(p.menteeId) ?? []).map((r) => r.id),
      });
      // #endregion record
      for (const [who, role] of [
        [p.mentorId, 'mentor'],
        [p.menteeId, 'mentee'],
      ] as const) {
        if (status === 'terminated') continue;
        responses.push({
          respondentId: who,
          organizationId: school.organization.id,
          role,
          kind: 'satisfaction',
          score: 6 + Math.floor(unit(`${id}-${role}`) * 5),
          submittedAt: '2024-05-20',
        });
      }
    }
  }
  const dataset: IndicatorDatasetInput = {
    organizations: [...municipality.organizations],
    persons: municipality.persons.map((p) => ({
      id: p.id,
      organizationId: p.organizationId,
      category: p.category,
      ...(p.birthDate !== undefined ? { birthDate: p.birthDate } : {}),
      ...(p.experienceYears !== undefined ? { experienceYears: p.experienceYears } : {}),
    })),
    mentors: municipality.mentorProfiles.map((m) => ({
      personId: m.personId,
      organizationId: municipality.persons.find((p) => p.id === m.personId)!.organizationId,
      capacity: m.capacity,
      training: m.training.map((t) => ({ hours: t.hours, completedAt: t.completedAt })),
    })),
    requests: municipality.menteeProfiles.flatMap((m) =>
      m.requests.map((r) => ({
        id: r.id,
        menteeId: r.menteeId,
        organizationId: municipality.persons.find((p) => p.id === r.menteeId)!.organizationId,
        createdAt: r.createdAt,
      })),
    ),
    pairs,
    responses,
  };
  return { municipality, dataset };
}
