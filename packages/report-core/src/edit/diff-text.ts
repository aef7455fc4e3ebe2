import { z } from 'zod';
import type { Edit } from './myers.js';
import { myersDiff } from './myers.js';
import { patienceAnchors } from './patience-anchors.js';

export const TextOpSchema = z
  .object({
    op: z
      .enum(['equal', 'insert', 'delete'])
      .describe('equal: in both; delete: only in the old text; insert: only in the new.'),
    text: z.string().min(1),
  })
  .describe('One run of a character-level text diff.');
export type TextOp = z.infer<typeof TextOpSchema>;

/** Options of diffText: how many character edits get an exact diff before it goes by sentence. */
export interface DiffTextOptions {
  /** Most character edits worth an exact diff; beyond it the diff goes by sentence. Default 1000, at most 3000. */
  maxEdits?: number;
}

const MAX_EDITS_CAP = 3000;

// Chinese sentences and clauses end in these; the coarse fallback diffs whole clauses.
const CLAUSE_END = /(?<=[。！？；，、：\n.!?;,])/u;

/**
 * A character diff from `a` to `b` over code points (surrogate pairs stay whole): Myers' shortest
 * edit script between the common prefix and suffix. Concatenating the equal and delete runs
 * gives `a`; the equal and insert runs give `b`. In each changed stretch the deletion comes
 * first. When the texts differ in more than `maxEdits` places it diffs by clause instead, and
 * refines small changed clauses by character, so huge inputs stay fast.
 */
export function diffText(a: string, b: string, options: DiffTextOptions = {}): TextOp[] {
  // The backtrack keeps O(maxEdits²) numbers: past a few thousand that is too much memory.
  const maxEdits = Math.min(options.maxEdits ?? 1000, MAX_EDITS_CAP);
  if (a === b) return a === '' ? [] : [{ op: 'equal', text: a }];
  const ops: TextOp[] = [];
  diffChars(Array.from(a), Array.from(b), maxEdits, ops, true);
  return normalize(ops);
}

function diffChars(
  a: readonly string[],
  b: readonly string[],
  maxEdits: number,
  out: TextOp[],
  coarse: boolean,
): void {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  push(out, 'equal', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const edits = myersDiff(midA, midB, maxEdits);
  if (edits !== undefined) emit(edits, midA, midB, out);
  else if (coarse) diffClauses(midA.join(''), midB.join(''), maxEdits, out);
  else {
    push(out, 'delete', midA.join(''));
    push(out, 'insert', midB.join(''));
  }
  push(out, 'equal', a.slice(endA).join(''));
}

/**
 * The fallback: clauses that occur once in each text and in the same order anchor the diff
 * (patience diff); the stretches between anchors are diffed by character when small enough.
 */
function diffClauses(a: string, b: string, maxEdits: number, out: TextOp[]): void {
  const ca = a.split(CLAUSE_END);
  const cb = b.split(CLAUSE_END);
  let i = 0;
  let j = 0;
  const gap = (toI: number, toJ: number): void => {
    const del = ca.slice(i, toI).join('');
    const ins = cb.slice(j, toJ).join('');
    diffChars(Array.from(del), Array.from(ins), maxEdits, out, false);
  };
  for (const [ai, bj] of patienceAnchors(ca, cb)) {
    gap(ai, bj);
    push(out, 'equal', ca[ai] ?? '');
    i = ai + 1;
    j = bj + 1;
  }
  gap(ca.length, cb.length);
}

function emit(
  edits: readonly Edit[],
  a: readonly string[],
  b: readonly string[],
  out: TextOp[],
): void {
  for (const edit of edits) push(out, edit.op, (edit.op === 'insert' ? b : a)[edit.index] ?? '');
}

function push(out: TextOp[], op: TextOp['op'], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.op === op) last.text += text;
  else out.push({ op, text });
}

/** Merges runs and puts each changed stretch's deletion before its insertion. */
function normalize(ops: readonly TextOp[]): TextOp[] {
  const out: TextOp[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    push(out, 'delete', deleted);
    push(out, 'insert', inserted);
    deleted = '';
    inserted = '';
  };
  for (const op of ops) {
    if (op.op === 'delete') deleted += op.text;
    else if (op.op === 'insert') inserted += op.text;
    else {
      flush();
      push(out, 'equal', op.text);
    }
  }
  flush();
  return out;
}
