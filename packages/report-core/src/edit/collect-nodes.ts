import type { ReadonlyReport } from '../model/readonly.js';
import type { DiffNodeKind } from './diff-schema.js';

/** A node of a report as the diff sees it: where it sits and its own fields. */
export interface DiffNode {
  kind: DiffNodeKind;
  id: string;
  parentId: string | null;
  index: number;
  fields: Readonly<Record<string, unknown>>;
  label: string | null;
}

// Child lists are diffed as nodes of their own; chapter numbers follow from the order.
const NOT_FIELDS: Readonly<Record<DiffNodeKind, readonly string[]>> = {
  meta: [],
  ideology: ['id'],
  goal: ['id'],
  chapter: ['id', 'number', 'sections'],
  section: ['id', 'measures'],
  measure: ['id', 'indicators', 'tracking'],
  indicator: ['id', 'observations'],
  observation: ['id'],
  place: ['id'],
  note: ['id'],
  department: ['id'],
};

function fieldsOf(kind: DiffNodeKind, node: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node))
    if (!NOT_FIELDS[kind].includes(key)) out[key] = value;
  return out;
}

/** Every node of the report with an id, in document order; the metadata under the report id. */
export function collectNodes(report: ReadonlyReport): Map<string, DiffNode> {
  const nodes = new Map<string, DiffNode>();
  const put = (
    kind: DiffNodeKind,
    node: { id: string },
    parentId: string | null,
    index: number,
    label: string | null,
  ): void => {
    if (!nodes.has(node.id))
      nodes.set(node.id, {
        kind,
        id: node.id,
        parentId,
        index,
        fields: fieldsOf(kind, node),
        label,
      });
  };
  nodes.set(report.id, {
    kind: 'meta',
    id: report.id,
    parentId: null,
    index: 0,
    fields: fieldsOf('meta', report.meta),
    label: report.meta.title,
  });
  put('ideology', report.ideology, null, 0, report.ideology.text);
  report.goals.forEach((g, i) => put('goal', g, null, i, `${g.subject}${g.target}`));
  report.chapters.forEach((chapter, c) => {
    put('chapter', chapter, null, c, chapter.title);
    chapter.sections.forEach((section, s) => {
      put('section', section, chapter.id, s, section.title);
      section.measures.forEach((measure, m) => {
        put('measure', measure, section.id, m, measure.text);
        measure.indicators.forEach((ind, k) => {
          put('indicator', ind, measure.id, k, ind.raw);
          (ind.observations ?? []).forEach((o, n) =>
            put('observation', o, ind.id, n, `${o.value}${ind.unit}（截至 ${o.date}）`),
          );
        });
      });
    });
  });
  report.places.forEach((p, i) => put('place', p, null, i, p.name));
  report.notes.forEach((n, i) => put('note', n, null, i, n.reasoning));
  (report.departments ?? []).forEach((d, i) => put('department', d, null, i, d.name));
  return nodes;
}

/** Deep equality of JSON-like values, ignoring key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual(ra[k], rb[k]));
}
