import type { PairSnapshot } from './pairSnapshot';
import { pairPhase } from './pairSnapshot';

/**
 * The status of a pair as monitoring reports it, coarser than its phase:
 * proposed (no approving order yet), approved (ordered, not yet working),
 * active (working or closing), completed, terminated.
 *
 * @category Pair machine
 * @example
 * const s: PairReportStatus = 'active';
 */
export type PairReportStatus = 'proposed' | 'approved' | 'active' | 'completed' | 'terminated';

/**
 * The reporting status of a pair, read from its machine snapshot: the one
 * mapping from the machine's phases to what indicators count, kept beside
 * the machine so a new phase cannot be forgotten by a reader elsewhere.
 *
 * @category Pair machine
 * @example
 * pairReportStatus(snapshot); // 'active'
 */
export function pairReportStatus(snapshot: Pick<PairSnapshot, 'value' | 'context'>): PairReportStatus {
  const phase = pairPhase(snapshot);
  if (phase === 'completed' || phase === 'terminated') return phase;
  if (snapshot.context.order === null) return 'proposed';
  return phase === 'active' || phase === 'closing' ? 'active' : 'approved';
}
