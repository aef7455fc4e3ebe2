import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceText } from '../data/index.js';
import { listMeasures } from '../model/query.js';
import type { Measure } from '../model/report.js';
import { applyMerge } from './apply-merge.js';
import type { MergeDecisions } from './merge-schema.js';
import { proposeMerge } from './propose-merge.js';
import { curatedDraft, parseAsNext } from './reimport.fixture.js';

const current = curatedDraft();
const measureById = new Map(listMeasures(current).map((m) => [m.measure.id, m.measure]));
/** Source line (0-based index) → the measure read from it. */
const measureLines = new Map<number, Measure>();
for (const m of measureById.values())
  for (const line of m.provenance?.lines ?? []) measureLines.set(line - 1, m);
// Sentences the source repeats are left alone: which copy an edit meant is the editor's call.
const sourceLines = sourceText.split('\n');
const lineIndexes = [...measureLines.keys()]
  .filter((i) => sourceLines.filter((l) => l === sourceLines[i]).length === 1)
  .sort((a, b) => a - b);

const CJK = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土';
const change = fc.record({
  op: fc.constantFrom('insert', 'delete', 'edit'),
  at: fc.nat(lineIndexes.length - 1),
  words: fc.array(fc.constantFrom(...CJK), { minLength: 6, maxLength: 12 }).map((a) => a.join('')),
});

/** The source with the changes made to its measure lines; the lines each change touched. */
function changeSource(changes: { op: string; at: number; words: string }[]) {
  const lines = sourceText.split('\n');
  const touched = new Set<number>();
  const byLine = new Map<number, { op: string; words: string }[]>();
  changes.forEach((c, n) => {
    const line = lineIndexes[c.at] ?? 0;
    byLine.set(line, [...(byLine.get(line) ?? []), { op: c.op, words: `${c.words}${n}` }]);
  });
  for (const line of [...byLine.keys()].sort((a, b) => b - a)) {
    for (const { op, words } of byLine.get(line) ?? []) {
      if (op === 'insert') lines.splice(line + 1, 0, '', `新增${words}工作。`);
      else if (op === 'edit' && !touched.has(line)) {
        touched.add(line);
        lines[line] =
          `${(lines[line] ?? '').replace(/。$/u, '')}并${words.slice(0, 2)}${words.slice(-1)}。`;
      } else if (op === 'delete' && !touched.has(line)) {
        touched.add(line);
        lines.splice(line, 1, '');
      }
    }
  }
  return { text: lines.join('\n'), touched };
}

const acceptAll = (items: { key: string; kind: string }[]): MergeDecisions =>
  Object.fromEntries(items.filter((i) => i.kind !== 'unchanged').map((i) => [i.key, 'accept']));

describe('issue 14: re-import as a merge, on random change', () => {
  it('re-importing the same text proposes nothing and changes nothing', () => {
    const incoming = parseAsNext(current, sourceText);
    const proposal = proposeMerge({ current, incoming });
    expect(proposal.items.filter((i) => i.kind !== 'unchanged')).toEqual([]);
    const result = applyMerge({ current, incoming, decisions: {} });
    expect(result.ok && result.value).toEqual(current);
  });

  it('an edit of the kept copy of a sentence the editors removed elsewhere is a change, not a move (note-4)', () => {
    const lines = sourceText.split('\n');
    const kept = lines.lastIndexOf('完善分级诊疗体系,力争县县都有三级医院。');
    lines[kept] = '完善分级诊疗体系,力争县县都有三级甲等医院。';
    const proposal = proposeMerge({ current, incoming: parseAsNext(current, lines.join('\n')) });
    expect(proposal.items.filter((i) => i.kind !== 'unchanged').map((i) => i.key)).toEqual([
      'changed:m276',
    ]);
  });

  it('random insertions, deletions and edits of source lines keep every untouched measure’s id and curated data', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
        const { text, touched } = changeSource(changes);
        const incoming = parseAsNext(current, text);
        const proposal = proposeMerge({ current, incoming });
        const result = applyMerge({ current, incoming, decisions: acceptAll(proposal.items) });
        expect(result.ok ? [] : result.issues).toEqual([]);
        if (!result.ok) return;
        const after = new Map(listMeasures(result.value).map((m) => [m.measure.id, m.measure]));
        const touchedIds = new Set([...touched].map((l) => measureLines.get(l)?.id));
        for (const [id, before] of measureById) {
          // A measure whose line was not touched (the text may still repeat a touched copy).
          if (touchedIds.has(id)) continue;
          const now = after.get(id);
          expect(now?.text, id).toBe(before.text);
          expect(now?.indicators, id).toEqual(before.indicators);
          expect(now?.places, id).toEqual(before.places);
          expect(now?.tracking, id).toEqual(before.tracking);
        }
        const added = changes.filter((c) => c.op === 'insert').length;
        expect(proposal.counts.new).toBe(added);
        expect(proposal.counts.unchanged).toBeGreaterThanOrEqual(measureById.size - touched.size);
      }),
      { numRuns: 60 },
    );
  });
});
