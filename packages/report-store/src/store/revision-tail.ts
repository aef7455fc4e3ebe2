import type { Draft, RevisionSummary } from '../schemas/draft-schemas.js';
import type { StoreContext } from './context.js';

/** What a save reads of the revisions before it: their keys, tab and history entry. */
export type TailEntry = Pick<
  RevisionSummary,
  | 'number'
  | 'kind'
  | 'author'
  | 'createdAt'
  | 'keys'
  | 'touched'
  | 'groupStart'
  | 'clientId'
  | 'clientSeq'
>;

/**
 * The latest revisions this process wrote, after `from` up to the head `revision` (with its
 * hash): a save finds the keys written since its base, the tab's own batches and the revision
 * before it here instead of in the database. Trusted only while the locked draft is exactly
 * this head: any other writer (another process, an import) moves the head, and the tail starts
 * again from there.
 */
export interface RevisionTail {
  revision: number;
  reportHash: string;
  from: number;
  entries: TailEntry[];
}

const tails = new WeakMap<StoreContext, RevisionTail>();
/** Revisions kept: a base further back is read from the database. */
const KEPT = 256;

/** The tail that ends at the locked `draft`, or a new empty one that starts there. */
export function tailAt(
  ctx: StoreContext,
  draft: Pick<Draft, 'revision' | 'reportHash'>,
): RevisionTail {
  const known = tails.get(ctx);
  if (known?.revision === draft.revision && known.reportHash === draft.reportHash) return known;
  const fresh = {
    revision: draft.revision,
    reportHash: draft.reportHash,
    from: draft.revision,
    entries: [],
  };
  tails.set(ctx, fresh);
  return fresh;
}

/** Whether the tail holds every revision after `base`. */
export const covers = (tail: RevisionTail, base: number): boolean => base >= tail.from;

/** Adds the revision just written (the new head) to the tail. */
export function extendTail(ctx: StoreContext, tail: RevisionTail, revision: RevisionSummary): void {
  if (revision.number !== tail.revision + 1) {
    tails.delete(ctx);
    return;
  }
  tail.entries.push(revision);
  tail.revision = revision.number;
  tail.reportHash = revision.reportHash;
  if (tail.entries.length > KEPT) {
    tail.entries.splice(0, tail.entries.length - KEPT);
    tail.from = (tail.entries[0]?.number ?? tail.revision + 1) - 1;
  }
}

/** After a write that failed: nothing remembered may name a revision that was rolled back. */
export function forgetTail(ctx: StoreContext): void {
  tails.delete(ctx);
}
