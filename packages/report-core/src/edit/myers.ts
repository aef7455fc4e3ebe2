/** One step of an edit script over sequence items. */
export type EditKind = 'equal' | 'insert' | 'delete';
export interface Edit {
  op: EditKind;
  /** Index in `a` for equal/delete, in `b` for insert. */
  index: number;
}

/**
 * Myers' O(ND) shortest edit script from `a` to `b`, or undefined when more than `maxD` edits
 * are needed (the caller then falls back to something coarser). Keeps one window of the
 * frontier per d for the backtrack, so memory is O(maxD²) and time O((N + M) · D).
 */
export function myersDiff<T>(a: readonly T[], b: readonly T[], maxD: number): Edit[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  const limit = Math.min(max, maxD);
  for (let d = 0; d <= limit; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number): Edit[] {
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const window = trace[d];
    if (window === undefined) break;
    // window[j] holds the frontier for diagonal k = j - d - 1.
    const at = (k: number): number => window[k + d + 1] ?? 0;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x -= 1;
      y -= 1;
      edits.push({ op: 'equal', index: x });
    }
    if (d > 0) {
      if (x === prevX) edits.push({ op: 'insert', index: prevY });
      else edits.push({ op: 'delete', index: prevX });
    }
    x = prevX;
    y = prevY;
  }
  return edits.reverse();
}
