import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy } from '../data/index.js';
import type { Report } from '../model/report.js';
import { traceRemovedNode } from './trace-removed-node.js';

const edition1 = editableCopy(canonicalReport);
const withoutMeasure = (report: Report, id: string): Report => {
  const next = structuredClone(report);
  for (const c of next.chapters)
    for (const s of c.sections) s.measures = s.measures.filter((m) => m.id !== id);
  for (const n of next.notes) n.nodeIds = n.nodeIds.filter((x) => x !== id);
  return next;
};

describe('traceRemovedNode: what happened to a published id', () => {
  const edition2 = withoutMeasure(edition1, 'm42');
  const edition3 = structuredClone(edition2);

  it('names the edition that removed a measure, and when it was last seen', () => {
    const trace = traceRemovedNode(
      [
        { number: 3, report: edition3 },
        { number: 1, report: edition1 },
        { number: 2, report: edition2 },
      ],
      'm42',
    );
    expect(trace).toMatchObject({
      id: 'm42',
      kind: 'measure',
      lastSeenIn: 1,
      removedIn: 2,
      successorId: null,
      text: '将乐山港升级改造为成都港。',
    });
    expect(trace?.reason.zh).toMatch(/第 2 版删除了这条举措/);
  });

  it('names the successor when the same text lives on under another id (merged)', () => {
    const merged = withoutMeasure(edition1, 'm42');
    const section = merged.chapters[0]?.sections[0];
    const sameText = edition1.chapters[0]?.sections[0]?.measures.find((m) => m.id === 'm42');
    if (sameText === undefined || section === undefined) throw new Error('fixture: no m42');
    section.measures.push({
      ...structuredClone(sameText),
      id: 'm-0123456789',
      indicators: [],
      places: [],
    });
    const trace = traceRemovedNode(
      [
        { number: 1, report: edition1 },
        { number: 2, report: merged },
      ],
      'm42',
    );
    expect(trace?.successorId).toBe('m-0123456789');
  });

  it('knows nothing of an id still published or never published', () => {
    expect(
      traceRemovedNode(
        [
          { number: 1, report: edition1 },
          { number: 2, report: edition2 },
        ],
        'm38',
      ),
    ).toBeUndefined();
    expect(
      traceRemovedNode(
        [
          { number: 1, report: edition1 },
          { number: 2, report: edition2 },
        ],
        'm99999',
      ),
    ).toBeUndefined();
  });
});
