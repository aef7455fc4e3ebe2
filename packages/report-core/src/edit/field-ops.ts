import type { Report } from '../model/report.js';
import type { TrackingStatus } from '../model/tracking.js';
import type { CurrentTracking } from '../model/tracking-rules.js';
import { latestStatusUpdate, sortUpdates, statusForProgress } from '../model/tracking-rules.js';
import { notFound, refuse, wrongKind } from './command-error.js';
import type { Step } from './structure-ops.js';
import { locate } from './structure-ops.js';
import type { ListItemTypes, ListKind } from './tree.js';
import { indexReport, withItem, withMeasure } from './tree.js';

/** A patch as sent: absent or undefined keys leave a field, `null` on a removable key deletes it. */
export type LoosePatch = Readonly<Record<string, unknown>>;

/** `node` with the patch applied; optional fields named in `removable` are deleted by null. */
export function applyPatch<T extends object>(
  node: T,
  patch: LoosePatch,
  removable: readonly string[] = [],
): T {
  const out: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null && removable.includes(key)) delete out[key];
    else out[key] = value;
  }
  return out as T;
}

/** The patch that puts back what `patch` changes on `node`: absent removable fields become null. */
export function invertPatch<P extends object>(
  node: object,
  patch: P,
  removable: readonly string[] = [],
): P {
  const before = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const old = before[key];
    if (old !== undefined) out[key] = old;
    else if (removable.includes(key)) out[key] = null;
  }
  return out as P;
}

export function updateListNode(
  report: Report,
  kind: ListKind,
  id: string,
  patch: LoosePatch,
  removable?: readonly string[],
): Step {
  const loc = locate(indexReport(report), kind, id);
  if (!loc.ok) return loc;
  const next = withItem(report, kind, loc.value.path, (node: ListItemTypes[ListKind]) =>
    applyPatch(node, patch, removable),
  );
  return { ok: true, value: next };
}

export function updateGoal(report: Report, id: string, patch: LoosePatch): Step {
  const i = report.goals.findIndex((g) => g.id === id);
  const goal = report.goals[i];
  if (goal === undefined) {
    const other = indexReport(report).get(id);
    return refuse(other === undefined ? notFound('goal', id) : wrongKind(id, 'goal', other.kind));
  }
  const goals = report.goals.slice();
  goals[i] = applyPatch(goal, patch);
  return { ok: true, value: { ...report, goals } };
}

/**
 * Sets a measure's own status and progress. A progress without a chosen status implies one
 * (statusForProgress); a measure with updates that report a status takes its state from the
 * latest of them, so there a different value is refused by the tracking rules.
 */
export function setTracking(
  report: Report,
  measureId: string,
  fields: { status?: TrackingStatus | null | undefined; progress?: number | null | undefined },
): Step {
  const loc = locate(indexReport(report), 'measure', measureId);
  if (!loc.ok) return loc;
  const next = withMeasure(report, loc.value.path, (measure) => {
    const tracking = applyPatch(measure.tracking, fields);
    const implied =
      fields.status === undefined && typeof fields.progress === 'number'
        ? { status: statusForProgress(fields.progress, tracking.status) }
        : {};
    return { ...measure, tracking: { ...tracking, ...implied } };
  });
  return { ok: true, value: next };
}

/**
 * After a progress update is added or removed: updates in date order, and the measure's state
 * that of its latest update reporting a status. When the last such update goes, the state is
 * `fallback` (the undo of an add passes what it was), else not reported.
 */
export function rederiveTracking(
  report: Report,
  measureId: string,
  fallback: CurrentTracking | undefined,
  removedStatus: boolean,
): Report {
  const loc = indexReport(report).get(measureId);
  if (loc?.kind !== 'measure') return report;
  return withMeasure(report, loc.path, (measure) => {
    const updates = sortUpdates(measure.tracking.updates);
    const latest = latestStatusUpdate(updates);
    const state =
      latest !== undefined
        ? { status: latest.status ?? null, progress: latest.progress ?? null }
        : removedStatus
          ? (fallback ?? { status: null, progress: null })
          : { status: measure.tracking.status, progress: measure.tracking.progress };
    return { ...measure, tracking: { ...state, updates } };
  });
}
