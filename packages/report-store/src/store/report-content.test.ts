import { createHash } from 'node:crypto';
import type { Report } from '@leshan/report-core/model';
import { canonicalReport } from '@leshan/report-core/data';
import { applyCommands, editableCopy, listMeasures } from '@leshan/report-core';
import { canonicalJson, contentHash } from '@leshan/report-core/hash';
import { describe, expect, it } from 'vitest';
import { reportContent, reportHash } from './replay.js';

describe('reportContent (memoized canonical JSON of a save)', () => {
  it('writes the text of report-core canonicalJson after each of a chain of edits', () => {
    const measures = listMeasures(canonicalReport);
    let report: Report = editableCopy(canonicalReport);
    expect(reportContent(report).json).toBe(canonicalJson(report));
    for (let n = 0; n < 40; n += 1) {
      const m = measures[(n * 7) % measures.length] ?? { id: '', text: '' };
      const applied = applyCommands(report, [
        n % 2 === 0
          ? { type: 'tracking.set', measureId: m.id, status: 'in-progress', progress: n }
          : { type: 'measure.update', id: m.id, patch: { text: `${m.text}（第${n}次）` } },
      ]);
      if (!applied.ok) throw new Error(`edit ${n} refused: ${JSON.stringify(applied)}`);
      report = applied.value.report;
      const content = reportContent(report);
      expect(content.json).toBe(canonicalJson(report));
      expect(content.hash).toBe(contentHash(report));
      expect(reportHash(report)).toBe(content.hash);
    }
  });

  it('gives contentHash for reports that share nodes, whichever reports come between', () => {
    // Regression (issue 13): reportHash reuses the bytes it kept for nodes reports share; a hash
    // must never mix in bytes of another report.
    const measures = listMeasures(canonicalReport);
    const start: Report = editableCopy(canonicalReport);
    const edit = (from: Report, n: number): Report => {
      const m = measures[(n * 11) % measures.length] ?? { id: '' };
      const applied = applyCommands(from, [{ type: 'tracking.set', measureId: m.id, progress: n }]);
      if (!applied.ok) throw new Error(`edit ${n} refused`);
      return applied.value.report;
    };
    const a = edit(start, 1);
    const b = edit(start, 2);
    const lastChapter = edit(a, measures.length - 1);
    const small = { z: 1 } as unknown as Report;
    for (const report of [start, a, b, a, small, lastChapter, start, b, lastChapter, a]) {
      expect(reportHash(report)).toBe(contentHash(report));
    }
  });

  it('gives contentHash along edits that add, remove and move nodes and change other lists', () => {
    // Regression (issue 13): edits that add, remove and move nodes change which bytes are
    // shared; every kind of edit must still hash to report-core's digest.
    let report: Report = editableCopy(canonicalReport);
    const check = (commands: unknown[]): void => {
      const applied = applyCommands(report, commands);
      if (!applied.ok) throw new Error(`refused: ${JSON.stringify(commands)}`);
      report = applied.value.report;
      expect(reportHash(report)).toBe(contentHash(report));
    };
    const [first, second] = listMeasures(report);
    const section = report.chapters[0]?.sections[0];
    const note = report.notes[0];
    if (first === undefined || second === undefined || section === undefined || note === undefined)
      throw new Error('the canonical report has measures, sections and notes');
    check([{ type: 'measure.move', id: second.id, toSectionId: section.id, toIndex: 0 }]);
    check([{ type: 'measure.remove', id: first.id }]);
    check([
      {
        type: 'chapter.add',
        index: 0,
        chapter: { id: 'new-one', number: 1, title: '新的一章', sections: [] },
      },
    ]);
    check([{ type: 'note.update', id: note.id, patch: { status: 'resolved' } }]);
    check([{ type: 'chapter.remove', id: 'new-one' }]);
    check([{ type: 'tracking.set', measureId: second.id, progress: 50, status: 'in-progress' }]);
    for (const m of listMeasures(report).slice(-3))
      check([{ type: 'measure.update', id: m.id, patch: { text: `${m.text}（补）` } }]);
  });

  it('drops undefined fields, writes null for holes and non-finite numbers, sorts keys', () => {
    const odd = {
      z: [1, undefined, Number.NaN, -0, 'ü"\n', { b: undefined, a: Infinity }],
      a: { y: true, x: null, w: () => 1, v: undefined },
      u: undefined,
    } as unknown as Report;
    const json = canonicalJson(odd);
    const hash = createHash('sha256').update(json, 'utf8').digest('hex');
    expect(reportContent(odd)).toEqual({ json, hash });
    expect(reportHash(odd)).toBe(hash);
  });
});
