import type { Report } from '@leshan/report-core';
import { measureOf } from './editors.js';

// What the randomized three-editor test made, saw and must find in the draft afterwards.

export type ChangeKind = 'text' | 'update' | 'indicator' | 'place' | 'delete';

export interface Change {
  /** Unique words the change wrote (text, note, metric), or a description for places/deletions. */
  token: string;
  editor: string;
  kind: ChangeKind;
  measureId: string;
  /** Words of the measure an editor recognises it by (its first characters). */
  measureWords: string;
  indicatorId?: string;
  place?: { id: string; name: string; on: boolean };
  /** pending → saved (the header said 已保存 after it) or shown (it was in a conflict dialog). */
  status: 'pending' | 'saved' | 'shown';
  /** Order in which editors saw their saves (a global counter). */
  savedAt: number | null;
  /** Shown in a conflict and kept (then sent again, so it ends saved like any other). */
  kept: boolean;
}

export interface Resolution {
  editor: string;
  /** What the dialog said, whole. */
  words: string;
  choice: 'kept' | 'discarded';
  at: number;
}

/** A seeded PRNG (mulberry32): the same seed replays the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('e2e: pick from an empty list');
  return item;
};

/** Whether the change's effect is in the report. */
function inReport(report: Report, change: Change): boolean {
  const measure = measureOf(report, change.measureId);
  switch (change.kind) {
    case 'delete':
      return measure === null;
    case 'text':
      return measure?.text.includes(change.token) ?? false;
    case 'update':
      return measure?.tracking.updates.some((u) => u.note.includes(change.token)) ?? false;
    case 'indicator':
      return (
        measure?.indicators.some(
          (i) => i.id === change.indicatorId && i.metric.includes(change.token),
        ) ?? false
      );
    case 'place':
      return (
        measure !== null &&
        change.place !== undefined &&
        measure.places.includes(change.place.id) === change.place.on
      );
  }
}

/**
 * Why a saved change may be missing, when it is: the measure was deleted by a saved deletion,
 * or another editor saw the change in a conflict afterwards and kept their own version
 * (or restored the measure). Anything else is a lost change.
 */
function explained(change: Change, changes: readonly Change[], resolutions: readonly Resolution[]) {
  const deleted = changes.some(
    (c) => c.kind === 'delete' && c.measureId === change.measureId && c.status === 'saved',
  );
  if (change.kind !== 'delete' && deleted) return true;
  // A later place toggle of the same place, by the same editor (editors own disjoint places).
  if (
    change.kind === 'place' &&
    changes.some(
      (c) =>
        c.kind === 'place' &&
        c.measureId === change.measureId &&
        c.place?.id === change.place?.id &&
        c.status === 'saved' &&
        (c.savedAt ?? 0) > (change.savedAt ?? 0),
    )
  )
    return true;
  const mentioned = (words: string) =>
    change.kind === 'text' || change.kind === 'indicator'
      ? words.includes(change.token)
      : words.includes(change.measureWords);
  return resolutions.some(
    (r) =>
      r.editor !== change.editor &&
      r.choice === 'kept' &&
      r.at > (change.savedAt ?? 0) &&
      mentioned(r.words),
  );
}

export interface LedgerFindings {
  /** Changes the editor saw saved that are not in the draft, unexplained. */
  lost: Change[];
  /** Changes never saved and never shown in a conflict. */
  unaccounted: Change[];
}

export function checkLedger(
  report: Report,
  changes: readonly Change[],
  resolutions: readonly Resolution[],
): LedgerFindings {
  const missing = (c: Change) => !inReport(report, c) && !explained(c, changes, resolutions);
  return {
    lost: changes.filter((c) => c.status === 'saved' && missing(c)),
    unaccounted: changes.filter((c) => c.status === 'pending'),
  };
}
