import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextOp } from './diff-text.js';
import { diffText } from './diff-text.js';

const side = (ops: readonly TextOp[], drop: TextOp['op']) =>
  ops
    .filter((o) => o.op !== drop)
    .map((o) => o.text)
    .join('');
const edits = (ops: readonly TextOp[]) =>
  ops.filter((o) => o.op !== 'equal').reduce((n, o) => n + Array.from(o.text).length, 0);

/** Textbook dynamic programme, to check that Myers finds a shortest script. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    b.forEach((y, j) =>
      next.push(x === y ? (row[j] ?? 0) + 1 : Math.max(row[j + 1] ?? 0, next[j] ?? 0)),
    );
    row = next;
  }
  return row[b.length] ?? 0;
}

// Mostly Chinese, with astral characters (surrogate pairs) and ASCII, from a small alphabet so
// the two texts share a lot.
const alphabet = ['乐', '山', '公', '里', '。', '，', '𠮷', '𩸽', '😀', 'a', '1', '2'];
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((cs) => cs.join(''));

describe('diffText', () => {
  it('finds the changed characters of a Chinese sentence', () => {
    expect(diffText('力争新建高速公路210公里。', '确保新建高速公路210公里。')).toEqual([
      { op: 'delete', text: '力争' },
      { op: 'insert', text: '确保' },
      { op: 'equal', text: '新建高速公路210公里。' },
    ]);
  });

  it('keeps surrogate pairs whole', () => {
    const ops = diffText('𠮷野家', '𩸽野家');
    expect(ops).toEqual([
      { op: 'delete', text: '𠮷' },
      { op: 'insert', text: '𩸽' },
      { op: 'equal', text: '野家' },
    ]);
    // Same high surrogate, different low one: still one whole character each.
    expect(diffText('😀', '😁')).toEqual([
      { op: 'delete', text: '😀' },
      { op: 'insert', text: '😁' },
    ]);
  });

  it('gives nothing for two empty strings and one equal run for equal strings', () => {
    expect(diffText('', '')).toEqual([]);
    expect(diffText('乐山', '乐山')).toEqual([{ op: 'equal', text: '乐山' }]);
  });

  it('rebuilds both texts from its runs, with a shortest edit script', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ops = diffText(a, b);
        expect(side(ops, 'insert')).toBe(a);
        expect(side(ops, 'delete')).toBe(b);
        for (const op of ops) expect(op.text).not.toBe('');
        for (const op of ops) expect(op.text).toBe(Array.from(op.text).join('')); // no lone surrogates
        // Myers is minimal: as many edits as the longest common subsequence leaves.
        const [ca, cb] = [Array.from(a), Array.from(b)];
        expect(edits(ops)).toBe(ca.length + cb.length - 2 * lcsLength(ca, cb));
        expect(edits(diffText(a, a + b))).toBe(Array.from(b).length);
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast and correct on huge texts that differ everywhere', () => {
    const clause = (i: number) => `第${i}条措施落实到位，`;
    const a = Array.from({ length: 5000 }, (_, i) => clause(i)).join('');
    const b = Array.from({ length: 5000 }, (_, i) => clause(i % 3 === 0 ? i + 100000 : i)).join('');
    const start = performance.now();
    const ops = diffText(a, b);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(side(ops, 'insert')).toBe(a);
    expect(side(ops, 'delete')).toBe(b);
    // The clause-level fallback still finds the unchanged clauses.
    expect(ops.filter((o) => o.op === 'equal').length).toBeGreaterThan(1000);
  });

  it('falls back to deleting and inserting when even clauses do not line up', () => {
    const a = '甲'.repeat(3000);
    const b = '乙'.repeat(3000);
    expect(diffText(a, b, { maxEdits: 10 })).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
  });
});
