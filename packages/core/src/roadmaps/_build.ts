import { parseDue } from '../dueParser';
import type { ProgrammeStage } from '../enums';
import type { ActivityId, RoadmapId } from '../ids';
import type { DeliverableKind, RoadmapActivity } from '../roadmap';

/** An activity as a fixture writes it: the due is parsed from its text. */
export interface ActivitySpec {
  id: string;
  number: string;
  title: string;
  content?: string;
  dueText: string;
  responsible: string[];
  result?: string;
  deliverables: DeliverableKind[];
  stage: ProgrammeStage;
}

/** Build a roadmap activity; its `due` is `parseDue(dueText)`. */
export function activity(spec: ActivitySpec): RoadmapActivity {
  const built: RoadmapActivity = {
    id: spec.id as ActivityId,
    number: spec.number,
    title: spec.title,
    dueText: spec.dueText,
    due: parseDue(spec.dueText),
    responsible: [...spec.responsible],
    deliverables: [...spec.deliverables],
    stage: spec.stage,
  };
  if (spec.content !== undefined) built.content = spec.content;
  if (spec.result !== undefined) built.result = spec.result;
  return built;
}

/** Brand a fixture's roadmap id. */
export const roadmapId = (id: string): RoadmapId => id as RoadmapId;
