import type { Measure, Report } from '../model/report.js';
import { pureInput } from '../model/pure-input.js';
import type { ReadonlyReport } from '../model/readonly.js';
import type { DiffNode } from './collect-nodes.js';
import { collectNodes, jsonEqual } from './collect-nodes.js';
import type { FieldEdit, NodeMoved, ReportDiff, TrackingChange } from './diff-schema.js';
import { diffText } from './diff-text.js';
import { longestIncreasing } from './patience-anchors.js';

type Json = NonNullable<FieldEdit['before']>;

/**
 * What changed from report `a` to report `b`: nodes added, removed, moved and edited (per
 * field, with a character diff for text), and tracking changes of measures in both.
 * Identical reports give an empty diff. Chapter numbers are not compared: they follow order.
 */
export function diffReports(a: ReadonlyReport, b: ReadonlyReport): ReportDiff {
  const before = collectNodes(a);
  const after = collectNodes(b);
  const diff: ReportDiff = { added: [], removed: [], moved: [], edited: [], tracking: [] };
  const same = (x: DiffNode | undefined, kind: DiffNode['kind']): x is DiffNode => x?.kind === kind;
  for (const old of before.values()) {
    if (!same(after.get(old.id), old.kind)) {
      diff.removed.push({
        kind: old.kind,
        id: old.id,
        at: { parentId: old.parentId, index: old.index },
        label: old.label,
      });
    }
  }
  for (const node of after.values()) {
    const old = before.get(node.id);
    if (!same(old, node.kind)) {
      diff.added.push({
        kind: node.kind,
        id: node.id,
        at: { parentId: node.parentId, index: node.index },
        label: node.label,
      });
    } else {
      diff.edited.push(...editsOf(old, node));
    }
  }
  diff.moved = movesOf(before, after);
  diff.tracking = trackingChanges(pureInput(a), pureInput(b));
  return diff;
}

function editsOf(old: DiffNode, node: DiffNode): FieldEdit[] {
  const edits: FieldEdit[] = [];
  const keys = new Set([...Object.keys(node.fields), ...Object.keys(old.fields)]);
  for (const field of keys) {
    const x = old.fields[field];
    const y = node.fields[field];
    if (jsonEqual(x, y)) continue;
    const edit: FieldEdit = { kind: node.kind, id: node.id, field };
    if (x !== undefined) edit.before = x as Json;
    if (y !== undefined) edit.after = y as Json;
    if (typeof x === 'string' && typeof y === 'string') edit.textDiff = diffText(x, y);
    edits.push(edit);
  }
  return edits;
}

/**
 * Moves: nodes under a new parent, and nodes out of order among the siblings that stayed (the
 * fewest such nodes: those off the longest run kept in order). A node that only shifts because
 * others were added or removed before it has not moved.
 */
function movesOf(before: Map<string, DiffNode>, after: Map<string, DiffNode>): NodeMoved[] {
  // Per sibling list: [new index, old index] of the nodes that stayed in it, and their ids.
  const stayed = new Map<string, { pairs: [number, number][]; ids: string[] }>();
  const moved = new Set<string>();
  for (const node of after.values()) {
    const old = before.get(node.id);
    if (old?.kind !== node.kind || node.kind === 'meta' || node.kind === 'ideology') continue;
    if (old.parentId !== node.parentId) {
      moved.add(node.id);
      continue;
    }
    const key = `${node.kind}:${node.parentId ?? ''}`;
    const list = stayed.get(key) ?? { pairs: [], ids: [] };
    list.pairs.push([node.index, old.index]);
    list.ids.push(node.id);
    stayed.set(key, list);
  }
  for (const { pairs, ids } of stayed.values()) {
    const kept = new Set(longestIncreasing(pairs).map(([i]) => i));
    pairs.forEach(([i], p) => {
      const id = ids[p];
      if (!kept.has(i) && id !== undefined) moved.add(id);
    });
  }
  const out: NodeMoved[] = [];
  for (const node of after.values()) {
    const old = before.get(node.id);
    if (old === undefined || !moved.has(node.id)) continue;
    out.push({
      kind: node.kind,
      id: node.id,
      from: { parentId: old.parentId, index: old.index },
      to: { parentId: node.parentId, index: node.index },
    });
  }
  return out;
}

function measuresById(report: Report): Map<string, Measure> {
  const out = new Map<string, Measure>();
  for (const c of report.chapters)
    for (const s of c.sections) for (const m of s.measures) out.set(m.id, m);
  return out;
}

function trackingChanges(a: Report, b: Report): TrackingChange[] {
  const old = measuresById(a);
  const changes: TrackingChange[] = [];
  for (const [measureId, measure] of measuresById(b)) {
    const was = old.get(measureId);
    if (was === undefined) continue;
    const [x, y] = [was.tracking, measure.tracking];
    if (x.status !== y.status)
      changes.push({ change: 'status', measureId, before: x.status, after: y.status });
    if (x.progress !== y.progress)
      changes.push({ change: 'progress', measureId, before: x.progress, after: y.progress });
    const oldUpdates = new Map(x.updates.map((u) => [u.id, u]));
    const newIds = new Set(y.updates.map((u) => u.id));
    for (const u of x.updates)
      if (!newIds.has(u.id)) changes.push({ change: 'update-removed', measureId, update: u });
    for (const u of y.updates) {
      const prev = oldUpdates.get(u.id);
      if (prev === undefined) {
        changes.push({ change: 'update-added', measureId, update: u });
        continue;
      }
      for (const field of new Set([...Object.keys(prev), ...Object.keys(u)])) {
        const p = (prev as Record<string, unknown>)[field];
        const q = (u as Record<string, unknown>)[field];
        if (jsonEqual(p, q)) continue;
        changes.push({
          change: 'update-edited',
          measureId,
          updateId: u.id,
          field,
          ...(p === undefined ? {} : { before: p as Json }),
          ...(q === undefined ? {} : { after: q as Json }),
        });
      }
    }
  }
  return changes;
}
