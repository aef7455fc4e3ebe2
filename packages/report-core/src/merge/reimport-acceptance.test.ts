import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceText } from '../data/index.js';
import type { Report } from '../model/report.js';
import { listMeasures } from '../model/query.js';
import { applyMerge } from './apply-merge.js';
import { proposeMerge } from './propose-merge.js';
import {
  ADDED_SENTENCE,
  REWORDED,
  curatedDraft,
  editedSource,
  parseAsNext,
} from './reimport.fixture.js';

// The shipped file as read from disk (identical to ../shared/source, whose sha256 the package checks).
const sourceFile = readFileSync(
  new URL('../data/source/leshan-report-source.txt', import.meta.url),
  'utf8',
);

const curation = (report: Report) => {
  const measures = listMeasures(report).map((m) => m.measure);
  return {
    targets: measures.flatMap((m) => m.indicators),
    places: measures.flatMap((m) => m.places.map((p) => `${m.id}:${p}`)),
    updates: measures.flatMap((m) => m.tracking.updates),
    notes: report.notes,
  };
};

describe.each([
  ['embedded sourceText', sourceText],
  ['data/source file', sourceFile],
])(
  'issue 14: re-importing the canonical source (%s) with three sentences reworded and one added',
  (_name, text) => {
    const current = curatedDraft();
    const incoming = parseAsNext(current, editedSource(text));
    const proposal = proposeMerge({ current, incoming });

    it('shows exactly the three reworded measures as changed and the one sentence as new', () => {
      const changed = proposal.items.filter((i) => i.kind === 'changed');
      expect(changed.map((i) => i.id).sort()).toEqual(Object.keys(REWORDED).sort());
      const added = proposal.items.filter((i) => i.kind === 'new');
      expect(added.map((i) => (i.kind === 'new' ? i.text : ''))).toEqual([ADDED_SENTENCE]);
      expect(proposal.items.filter((i) => i.kind === 'removed' || i.kind === 'moved')).toEqual([]);
      expect(proposal.counts).toEqual({ unchanged: 73, changed: 3, new: 1, removed: 0, moved: 0 });
    });

    it('keeps every id, all 24 targets, every place tag, progress update and note, the typo fix and chapter 6', () => {
      const result = applyMerge({ current, incoming, decisions: {} });
      expect(result.ok ? [] : result.issues).toEqual([]);
      if (!result.ok) return;
      const after = result.value;
      const before = curation(current);
      const now = curation(after);
      // 24: issue 17's curation rules (the 支持… pair is no target; 县县都有三级医院 is one).
      expect(now.targets).toHaveLength(24);
      expect(now.targets).toEqual(before.targets);
      expect(now.places).toEqual(before.places);
      expect(now.updates).toEqual(before.updates);
      expect(now.updates).toHaveLength(5);
      expect(now.notes.map((n) => [n.id, n.status])).toEqual(
        before.notes.map((n) => [n.id, n.status]),
      );
      const text = (r: Report, id: string) =>
        listMeasures(r).find((m) => m.measure.id === id)?.measure.text;
      expect(text(after, 'm44')).toBe('新建干线公路300公里，打通市县跨界“断节路”“瓶颈路”。');
      expect(after.chapters.map((c) => [c.id, c.number])).toEqual(
        current.chapters.map((c) => [c.id, c.number]),
      );
      expect(after.chapters[5]?.sections.map((s) => s.id)).toEqual(
        current.chapters[5]?.sections.map((s) => s.id),
      );
      // Every id but the new one where it was, those after the inserted line included.
      const ids = listMeasures(after).map((m) => m.measure.id);
      const newId = proposal.items.find((i) => i.kind === 'new')?.id ?? '';
      expect(ids.filter((id) => id !== newId)).toEqual(
        listMeasures(current).map((m) => m.measure.id),
      );
      expect(ids.indexOf(newId)).toBe(ids.indexOf('m40') + 1);
      expect(newId).toMatch(/^m-[0-9a-f]{10}$/);
      for (const id of Object.keys(REWORDED))
        expect(text(after, id)).toBe(REWORDED[id]?.to.replace(/,/g, '，'));
    });

    it('moves provenance to the new lines and keeps identity: m112 now reads from line 114', () => {
      const result = applyMerge({ current, incoming, decisions: {} });
      if (!result.ok) throw new Error('refused');
      const m112 = listMeasures(result.value).find((m) => m.measure.id === 'm112')?.measure;
      expect(m112?.provenance).toEqual({ lines: [114] });
      expect(result.value.meta.source.lineCount).toBe(current.meta.source.lineCount + 2);
    });
  },
);
