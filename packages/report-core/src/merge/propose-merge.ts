import type { MergeProposal } from './merge-schema.js';
import type { MergeInput } from './plan-merge.js';
import { planMerge } from './plan-merge.js';

/**
 * Re-import as a merge: what the newly parsed text would change in the current report —
 * unchanged, changed (with a character diff), new, removed (with the curated data that would go)
 * and moved nodes — for the editor to accept or reject item by item (applyMerge).
 */
export function proposeMerge(input: MergeInput): MergeProposal {
  return planMerge(input).proposal;
}
