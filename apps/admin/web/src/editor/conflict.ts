import { findNode } from '@leshan/report-core';
import type { Command, Report } from '@leshan/report-core';
import type { ApiErrorBody } from '../api/api-error.js';
import type { DraftView } from '../api/endpoints.js';

export interface ConflictSide {
  id: string;
  kind: string | null;
  mine: unknown;
  theirs: unknown;
  changedBy: string[];
}

/** A 409: both editors changed the same nodes. Holds both versions so the editor can choose. */
export interface Conflict {
  mine: Command[];
  theirs: DraftView;
  nodes: ConflictSide[];
  error: string | null;
}

interface ConflictNodeBody {
  id: string;
  kind: string | null;
  current: unknown;
  changedBy: string[];
}

function conflictNodes(body: ApiErrorBody): ConflictNodeBody[] {
  const nodes = (body as { nodes?: unknown }).nodes;
  if (!Array.isArray(nodes)) return [];
  return nodes.filter(
    (n): n is ConflictNodeBody =>
      typeof n === 'object' && n !== null && typeof (n as { id?: unknown }).id === 'string',
  );
}

/** Pairs each conflicting node as I have it with the node as the other editor left it. */
export function conflictFrom(
  body: ApiErrorBody,
  mine: Command[],
  myReport: Report | null,
  theirs: DraftView,
): Conflict {
  const nodes = conflictNodes(body).map((node) => ({
    id: node.id,
    kind: node.kind,
    mine: myReport === null ? null : (findNode(myReport, node.id)?.node ?? null),
    theirs: node.current ?? findNode(theirs.report, node.id)?.node ?? null,
    changedBy: node.changedBy,
  }));
  return { mine, theirs, nodes, error: null };
}
