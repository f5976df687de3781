import type { DeliverableKind, LocalizedText, ProgrammeStage, Roadmap } from '@nastavnik/core';
import { type SeedRoadmapName, seedRoadmaps } from '@nastavnik/core/roadmaps';
import { type MeetingSequence, meetingSequences } from './meetingSequence';
import type { CheckpointSpec, ProgrammePolicy, StageGate } from './programmeContext';

/**
 * A programme preset: a seed roadmap with the policy of its gates and
 * checkpoints, and why (in words) the gates are what they are.
 *
 * @category Programme machine
 * @example
 * const p: ProgrammePreset = programmePresets.lyceum7Tikhvin004;
 * p.policy.gates.mentorTraining.deliverables; // ['trainingCompleted']
 */
export interface ProgrammePreset {
  readonly name: SeedRoadmapName;
  readonly roadmap: Roadmap;
  readonly policy: ProgrammePolicy;
  /** The meetings of its pairs before their programmes (001 5.2 before the order; 004 §5 after it). */
  readonly meetings: MeetingSequence;
  readonly rationale: LocalizedText;
}

const soft: StageGate = { deliverables: [], activities: 'none' };
const hard = (...deliverables: DeliverableKind[]): StageGate => ({ deliverables, activities: 'none' });
const gates = (g: Partial<Record<ProgrammeStage, StageGate>>): ProgrammePolicy['gates'] => ({
  preparation: g.preparation ?? soft,
  menteeBase: g.menteeBase ?? soft,
  mentorBase: g.mentorBase ?? soft,
  mentorTraining: g.mentorTraining ?? soft,
  pairFormation: g.pairFormation ?? soft,
  pairWork: g.pairWork ?? soft,
  completion: g.completion ?? soft,
});

const cp = (id: string, month: number, ru: string, en: string): CheckpointSpec => ({
  id,
  month,
  label: { ru, en },
});

/**
 * Presets for the four seed roadmaps, keyed like core's `seedRoadmaps`. The
 * gates differ because the seeds do:
 * - `prokopyevsk001`: mentors are trained in November (4.3), after pairs are
 *   formed in September (5.3), so the training stage's gate is soft; the
 *   pairs order, the registries and the final report are hard; checkpoints in
 *   January (2.6), December and May (6.6, 7.1–7.3);
 * - `dagestanskieOgni002`: the municipal acts of January are hard; pairs are
 *   formed "during the year" (3.4), so that gate is soft; checkpoints in March
 *   (5.3) and December (5.2);
 * - `rassvet003`: the regulation and roadmap, the mentee bank with consents,
 *   the pairs order and the order approving plans (roadmap 1, 2, 8) are hard;
 *   the mentor bank is kept throughout; the May checkpoint (10);
 * - `lyceum7Tikhvin004`: mentors are trained in August (3.1), before pairs in
 *   September (4.2), so training is a hard gate; the March checkpoint (6.1–6.3).
 *
 * @category Programme machine
 * @example
 * const s = createProgrammeSnapshot(programmePresets.rassvet003, { date: '2022-02-01' });
 */
export const programmePresets: { readonly [K in SeedRoadmapName]: ProgrammePreset } = {
  prokopyevsk001: {
    name: 'prokopyevsk001',
    roadmap: seedRoadmaps.prokopyevsk001,
    meetings: meetingSequences.prokopyevsk001,
    policy: {
      gates: gates({
        preparation: hard('regulation', 'roadmap', 'curatorOrder'),
        menteeBase: hard('menteeRegistry'),
        mentorBase: hard('mentorRegistry'),
        pairFormation: hard('pairsOrder'),
        completion: hard('finalReport'),
      }),
      checkpoints: [
        cp(
          'interim-jan',
          1,
          'Промежуточный мониторинг влияния программы (январь)',
          'Interim monitoring (January)',
        ),
        cp(
          'control-dec',
          12,
          'Текущий контроль и обратная связь (декабрь)',
          'Progress control and feedback (December)',
        ),
        cp(
          'control-may',
          5,
          'Текущий контроль и итоги мониторинга (май)',
          'Progress control and monitoring results (May)',
        ),
      ],
      strictStageOrder: false,
      closeRequiresAllActivities: true,
    },
    rationale: {
      ru: 'Обучение наставников (ноябрь) идёт после закрепления пар (сентябрь): этап обучения не блокирует формирование пар',
      en: 'Mentors are trained in November, after pairs form in September: the training stage does not gate pair formation',
    },
  },
  dagestanskieOgni002: {
    name: 'dagestanskieOgni002',
    roadmap: seedRoadmaps.dagestanskieOgni002,
    meetings: meetingSequences.dagestanskieOgni002,
    policy: {
      gates: gates({
        preparation: hard('introduceOrder', 'regulation', 'roadmap', 'curatorOrder'),
        menteeBase: hard('menteeRegistry'),
        mentorBase: hard('mentorRegistry'),
        completion: hard('monitoringReport'),
      }),
      checkpoints: [
        cp('municipal-mar', 3, 'Муниципальный мониторинг (март)', 'Municipal monitoring (March)'),
        cp(
          'internal-dec',
          12,
          'Внутренний мониторинг ОУ (декабрь)',
          'Internal monitoring of schools (December)',
        ),
      ],
      strictStageOrder: false,
      closeRequiresAllActivities: true,
    },
    rationale: {
      ru: 'Нормативные акты января обязательны; пары формируются в течение года, обучение — по плану ДИРО',
      en: 'The January acts are required; pairs form during the year, training follows the regional institute’s plan',
    },
  },
  rassvet003: {
    name: 'rassvet003',
    roadmap: seedRoadmaps.rassvet003,
    meetings: meetingSequences.rassvet003,
    policy: {
      gates: gates({
        preparation: hard('regulation', 'roadmap'),
        menteeBase: hard('menteeRegistry', 'consents'),
        pairFormation: hard('pairsOrder', 'plansOrder'),
        completion: hard('monitoringReport'),
      }),
      checkpoints: [
        cp('quality-may', 5, 'Мониторинг качества программ (май–июнь)', 'Quality monitoring (May–June)'),
      ],
      strictStageOrder: false,
      closeRequiresAllActivities: true,
    },
    rationale: {
      ru: 'Банк наставников ведётся в течение всего периода, обучение — по отдельному графику; приказы о парах и планах обязательны',
      en: 'The mentor bank is kept throughout and training is scheduled separately; the pairs and plans orders are required',
    },
  },
  lyceum7Tikhvin004: {
    name: 'lyceum7Tikhvin004',
    roadmap: seedRoadmaps.lyceum7Tikhvin004,
    meetings: meetingSequences.lyceum7Tikhvin004,
    policy: {
      gates: gates({
        menteeBase: hard('menteeRegistry', 'consents'),
        mentorBase: hard('mentorRegistry'),
        mentorTraining: { deliverables: ['trainingCompleted'], activities: 'stage' },
        pairFormation: hard('pairsOrder'),
        completion: hard('monitoringReport'),
      }),
      checkpoints: [
        cp(
          'monitoring-mar',
          3,
          'Мониторинг удовлетворённости и качества (март)',
          'Satisfaction and quality monitoring (March)',
        ),
      ],
      strictStageOrder: false,
      closeRequiresAllActivities: true,
    },
    rationale: {
      ru: 'Наставники обучаются в августе, до формирования пар в сентябре: без обучения пары не формируются',
      en: 'Mentors are trained in August, before pairs form in September: no pairs without training',
    },
  },
};
