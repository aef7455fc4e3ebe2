import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import type { Report } from './report.js';
import { findNode, placesOf, walkNodes } from './query.js';

describe('placesOf', () => {
  it('gives the places a measure names, in its order, leaving out ids no place has', () => {
    const names = placesOf(canonicalReport, ['shawan', 'no-such-place', 'wutongqiao']).map(
      (p) => p.id,
    );
    expect(names).toEqual(['shawan', 'wutongqiao']);
    expect(placesOf(canonicalReport, [])).toEqual([]);
  });
});

describe('findNode', () => {
  it('finds every node walkNodes yields, with the same kind and the chapter, section and measure around it', () => {
    const all = [...walkNodes(canonicalReport)];
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((f) => f.kind)).size).toBeGreaterThanOrEqual(7);
    for (const found of all) expect(findNode(canonicalReport, found.node.id)).toEqual(found);
    expect(findNode(canonicalReport, 'no-such-node')).toBeUndefined();
  });

  it('answers the first in document order when an invalid report repeats an id', () => {
    const report = structuredClone(canonicalReport) as Report;
    const [first, second] = report.chapters;
    if (first === undefined || second === undefined) throw new Error('two chapters expected');
    const measure = second.sections[0]?.measures[0];
    if (measure === undefined) throw new Error('a measure expected');
    measure.id = first.id;
    expect(findNode(report, first.id)).toEqual({ kind: 'chapter', node: first });
  });
});
