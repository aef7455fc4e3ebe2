/**
 * Maps old source lines to new ones from pairs of (old lines, new lines) of nodes found in both
 * texts; a line of neither keeps its distance to the nearest mapped line before it. Clamped to
 * the new text's lines, sorted, without repeats.
 */
export function remapLines(
  pairs: readonly (readonly [readonly number[], readonly number[]])[],
  lineCount: number,
): (lines: readonly number[]) => number[] {
  const map = new Map<number, number>();
  for (const [from, to] of pairs)
    from.forEach((line, i) => {
      const target = to[Math.min(i, to.length - 1)];
      if (target !== undefined && !map.has(line)) map.set(line, target);
    });
  const known = [...map.keys()].sort((a, b) => a - b);
  const one = (line: number): number => {
    const exact = map.get(line);
    if (exact !== undefined) return exact;
    let before: number | undefined;
    for (const k of known) {
      if (k > line) break;
      before = k;
    }
    const moved = before === undefined ? line : (map.get(before) ?? before) + (line - before);
    return Math.min(Math.max(moved, 1), Math.max(lineCount, 1));
  };
  return (lines) => [...new Set(lines.map(one))].sort((a, b) => a - b);
}
