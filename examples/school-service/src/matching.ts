import { IsoDateSchema, type Pair } from '@nastavnik/core';
import { pairPhase } from '@nastavnik/machines';
import { type MatchResult, matchOptimal } from '@nastavnik/matching';
import { z } from 'zod';
import { validate } from './http';
import { type PersistedPair, readPairSnapshot } from './pairs';
import type { Registry } from './registry';
import type { EventStore } from './store';

const IdPairSchema = z.object({ mentorId: z.string().min(1), menteeId: z.string().min(1) });

/**
 * The body of `POST /matching/run`: the day pairs are formed (consents are
 * checked on it) and the matcher's knobs. Pairs already stored and still live
 * are passed as fixed pairs, so they keep their mentors' places.
 *
 * @example
 * MatchingRunSchema.parse({ date: '2023-10-01', minScore: 0.2 });
 */
export const MatchingRunSchema = z.object({
  date: IsoDateSchema,
  minScore: z.number().min(0).max(1).optional(),
  weights: z.record(z.string(), z.number().min(0).max(100)).optional(),
  candidatesPerMentee: z.number().int().min(1).max(1000).optional(),
  forbiddenPairs: z.array(IdPairSchema).default([]),
});

/**
 * Run `matchOptimal` of `@nastavnik/matching` over the registries: every
 * mentor and mentee, every consent, the live pairs as fixed pairs. Returns the
 * proposals with explanations; creating pairs from them is the curator's
 * decision (`POST /pairs` with `origin: 'matching'`).
 *
 * @example
 * const result = await runMatching(registry, store, { date: '2023-10-01' });
 */
export async function runMatching(
  registry: Registry,
  store: EventStore,
  body: unknown,
): Promise<MatchResult> {
  const run = validate(MatchingRunSchema, body);
  const pairs = await store.listPairs<Pair, PersistedPair>();
  const live = pairs.filter((p) => {
    const phase = pairPhase(readPairSnapshot(p.snapshot));
    return phase !== 'completed' && phase !== 'terminated';
  });
  return matchOptimal(
    {
      date: run.date,
      mentors: await registry.mentors(),
      mentees: await registry.mentees(),
      consents: await registry.consents(),
      forbiddenPairs: run.forbiddenPairs,
      fixedPairs: live.flatMap((p) =>
        p.pair.menteeIds.map((menteeId) => ({ mentorId: p.pair.mentorId, menteeId })),
      ),
    },
    {
      ...(run.minScore !== undefined ? { minScore: run.minScore } : {}),
      ...(run.weights !== undefined ? { weights: run.weights } : {}),
      ...(run.candidatesPerMentee !== undefined ? { candidatesPerMentee: run.candidatesPerMentee } : {}),
    },
  );
}
