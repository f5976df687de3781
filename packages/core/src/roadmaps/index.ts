/**
 * `@nastavnik/core/roadmaps`: the four seed roadmaps (001–004) as validated
 * fixtures — templates for an organization's own roadmap. A subpath of its own,
 * so that an application that does not use them never loads them.
 *
 * @module @nastavnik/core/roadmaps
 */
import type { Roadmap } from '../roadmap';
import { dagestanskieOgni002 } from './dagestanskieOgni002';
import { lyceum7Tikhvin004 } from './lyceum7Tikhvin004';
import { prokopyevsk001 } from './prokopyevsk001';
import { rassvet003 } from './rassvet003';

export { dagestanskieOgni002, lyceum7Tikhvin004, prokopyevsk001, rassvet003 };

/**
 * Names of the four seed roadmaps (the keys of {@link seedRoadmaps}).
 *
 * @category Roadmaps
 * @example
 * const name: SeedRoadmapName = 'rassvet003';
 */
export type SeedRoadmapName = 'prokopyevsk001' | 'dagestanskieOgni002' | 'rassvet003' | 'lyceum7Tikhvin004';

/**
 * The four roadmaps of the seed documents, encoded activity by activity with
 * the due text as printed and its parsed `Due`:
 * - `prokopyevsk001`: municipal programme for young specialists, Prokopyevsk district (001);
 * - `dagestanskieOgni002`: municipal target model, Dagestanskie Ogni, 2023 (002);
 * - `rassvet003`: teachers' mentoring system, Rassvet school, 2022 (003);
 * - `lyceum7Tikhvin004`: target model, Lyceum No. 7, Tikhvin, 2023-2024 (004).
 *
 * @category Roadmaps
 * @example
 * import { roadmapActivities, seedRoadmaps } from '@nastavnik/core';
 * roadmapActivities(seedRoadmaps.lyceum7Tikhvin004).length; // 15
 */
export const seedRoadmaps: Readonly<Record<SeedRoadmapName, Roadmap>> = {
  prokopyevsk001,
  dagestanskieOgni002,
  rassvet003,
  lyceum7Tikhvin004,
};
