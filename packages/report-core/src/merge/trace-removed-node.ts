import { z } from 'zod';
import type { DeepReadonly, ReadonlyReport } from '../model/readonly.js';
import { NodeIdSchema } from '../model/ids.js';
import { MessageSchema } from '../model/message.js';
import { findNode } from '../model/query.js';
import type { FoundNode } from '../model/query.js';
import { matchKey } from './match-key.js';

export const RemovedNodeSchema = z
  .object({
    id: NodeIdSchema,
    kind: z.string().describe('What the node was: measure, section, chapter …'),
    text: z.string().nullable().describe('What it said in the last edition that had it.'),
    lastSeenIn: z.int().min(1).describe('The last edition number that had the node.'),
    removedIn: z.int().min(1).describe('The edition number that removed it.'),
    reason: MessageSchema.describe(
      'Why it went: the editorial note that says so, or what is known.',
    ),
    successorId: NodeIdSchema.nullable().describe(
      'The node it was merged into (the same text, kept under that id), if any.',
    ),
  })
  .describe('A node id that once was published and is no longer: what happened to it.');
export type RemovedNode = z.infer<typeof RemovedNodeSchema>;

const textOf = (found: DeepReadonly<FoundNode>): string | null => {
  switch (found.kind) {
    case 'measure':
    case 'ideology':
      return found.node.text;
    case 'section':
    case 'chapter':
      return found.node.title;
    case 'goal':
      return `${found.node.subject}${found.node.target}`;
    case 'indicator':
      return found.node.raw;
    case 'update':
      return found.node.note;
    case 'place':
      return found.node.name;
    case 'note':
      return found.node.reasoning;
  }
};

const KIND_ZH: Record<string, string> = {
  measure: '举措',
  section: '小节',
  chapter: '章',
  goal: '目标',
};

/**
 * What happened to a node id the latest edition no longer has: the edition that removed it, why
 * (an editorial note of that edition naming its text), and the node it was merged into when the
 * same text lives on under another id. Undefined when the latest edition has the id, or none ever did.
 */
export function traceRemovedNode(
  editions: readonly { number: number; report: ReadonlyReport }[],
  id: string,
): RemovedNode | undefined {
  const ordered = [...editions].sort((a, b) => a.number - b.number);
  const latest = ordered[ordered.length - 1];
  if (latest === undefined || findNode(latest.report, id) !== undefined) return undefined;
  let last: { number: number; found: DeepReadonly<FoundNode> } | undefined;
  let removedIn: { number: number; report: ReadonlyReport } | undefined;
  for (const edition of ordered) {
    const found = findNode(edition.report, id);
    if (found !== undefined) {
      last = { number: edition.number, found };
      removedIn = undefined;
    } else if (last !== undefined && removedIn === undefined) removedIn = edition;
  }
  if (last === undefined || removedIn === undefined) return undefined;
  const text = textOf(last.found);
  const key = text === null ? null : matchKey(text);
  let successorId: string | null = null;
  if (key !== null && last.found.kind === 'measure')
    for (const chapter of latest.report.chapters)
      for (const section of chapter.sections)
        for (const m of section.measures)
          if (successorId === null && matchKey(m.text) === key) successorId = m.id;
  const note = removedIn.report.notes.find(
    (n) =>
      (key !== null && (n.removedText ?? []).some((t) => matchKey(t) === key)) ||
      n.nodeIds.includes(id),
  );
  const kind = KIND_ZH[last.found.kind] ?? '内容';
  const reason = note
    ? { zh: note.reasoning, en: `see editorial note ${note.id}` }
    : {
        zh: `第 ${removedIn.number} 版删除了这条${kind}（最后见于第 ${last.number} 版）${successorId === null ? '' : `，内容已并入“${successorId}”`}。`,
        en: `edition ${removedIn.number} removed this ${last.found.kind} (last seen in edition ${last.number})${successorId === null ? '' : `; merged into ${successorId}`}.`,
      };
  return {
    id,
    kind: last.found.kind,
    text,
    lastSeenIn: last.number,
    removedIn: removedIn.number,
    reason,
    successorId,
  };
}
