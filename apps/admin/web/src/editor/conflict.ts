import { findNode, restoreNodeCommands, touchedNodeIds } from '@leshan/report-core';
import { describeNode } from '@leshan/report-core/labels';
import type { Command, Report } from '@leshan/report-core';
import { ConflictBodySchema } from '../../../src/api/draft.schemas.js';
import type { ApiErrorBody } from '../api/api-error.js';
import type { DraftView } from '../api/endpoints.js';

/** One node both sides changed, as the dialog shows it. */
export interface ConflictNode {
  id: string;
  /** How editors name it (report-core describeNode on the server); never an internal id. */
  label: string;
  /** Someone deleted it while I edited it. */
  deleted: boolean;
  /** The conflicting field names (text, places, …); empty when the whole node conflicts. */
  fields: string[];
  /** The node with my unsent changes. */
  mine: unknown;
  /** The node as it is now (null when deleted). */
  theirs: unknown;
  changedBy: string[];
}

export type ConflictChoice = 'mine' | 'theirs';

/** A 409: someone changed what I changed. Holds both versions so the editor can choose, node by node. */
export interface Conflict {
  /** Every unsent command of mine, in order: the batch sent, then what was typed since. */
  mine: Command[];
  /** Indexes into `mine` of the commands that conflict (the others are kept whatever is chosen). */
  conflicting: number[];
  /** For each conflicting command, the ids of the conflict nodes it changes. */
  commandNodes: Record<number, string[]>;
  /** The draft as I see it, with my changes. */
  myReport: Report;
  theirs: DraftView;
  nodes: ConflictNode[];
  error: string | null;
}

function touchedBy(report: Report, command: Command): string[] {
  try {
    return touchedNodeIds(report, command);
  } catch (_error) {
    return [];
  }
}

/** Pairs each conflicting node as I have it with the node as the other editor left it. */
export function conflictFrom(
  body: ApiErrorBody,
  mine: Command[],
  sent: number,
  myReport: Report,
  baseReport: Report,
  theirs: DraftView,
): Conflict {
  const parsed = ConflictBodySchema.safeParse(body);
  const nodes: ConflictNode[] = (parsed.success ? parsed.data.nodes : []).map((node) => ({
    id: node.id,
    // A label that is an id (an older server) is replaced by report-core's words for the node.
    label:
      node.label === node.id || node.label === ''
        ? describeNode(
            findNode(myReport, node.id) === undefined ? theirs.report : myReport,
            node.id,
          )
        : node.label,
    deleted: node.deleted,
    fields: node.fields,
    mine: findNode(myReport, node.id)?.node ?? null,
    theirs: node.current ?? null,
    changedBy: node.changedBy,
  }));
  // A body that is not contract D's, or one that names no command (a 409 always has one),
  // counts every command sent as conflicting: resending them unchanged would conflict again.
  const named = (parsed.success ? parsed.data.conflictingCommands : []).filter((i) => i < sent);
  const conflicting = named.length > 0 ? named : mine.slice(0, sent).map((_c, i) => i);
  const ids = new Set(nodes.map((n) => n.id));
  const commandNodes: Record<number, string[]> = {};
  for (const i of conflicting) {
    const command = mine[i];
    if (command === undefined) continue;
    const touched = [...touchedBy(baseReport, command), ...touchedBy(myReport, command)];
    commandNodes[i] = [...new Set(touched.filter((id) => ids.has(id)))];
  }
  return { mine, conflicting, commandNodes, myReport, theirs, nodes, error: null };
}

/** The commands that put a deleted node back as I have it (my text included): report-core's restore. */
export function restoreCommands(theirs: Report, mine: Report, id: string): Command[] {
  try {
    return restoreNodeCommands(theirs, mine, id);
  } catch (_error) {
    return [];
  }
}

/**
 * What stays of my changes after the editor chose, node by node: a conflicting command is
 * dropped only when every node it changes was given to the other side; a deleted node I keep
 * is restored first, with my text.
 */
export function resolvedCommands(
  conflict: Conflict,
  choices: Readonly<Record<string, ConflictChoice>>,
): { commands: Command[]; keptConflicting: boolean } {
  const dropped = new Set<number>();
  let keptConflicting = false;
  for (const i of conflict.conflicting) {
    const nodes = conflict.commandNodes[i] ?? [];
    const theirs =
      nodes.length === 0
        ? conflict.nodes.every((n) => (choices[n.id] ?? 'mine') === 'theirs')
        : nodes.every((id) => (choices[id] ?? 'mine') === 'theirs');
    if (theirs) dropped.add(i);
    else keptConflicting = true;
  }
  const restores = new Map<string, Command>();
  for (const node of conflict.nodes)
    if (node.deleted && (choices[node.id] ?? 'mine') === 'mine')
      for (const c of restoreCommands(conflict.theirs.report, conflict.myReport, node.id))
        restores.set(JSON.stringify(c), c);
  const kept = conflict.mine.filter((_c, i) => !dropped.has(i));
  return { commands: [...restores.values(), ...kept], keptConflicting };
}
