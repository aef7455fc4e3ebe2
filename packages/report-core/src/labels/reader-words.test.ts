import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy } from '../data/index.js';
import { checklistWarnings } from './checklist-warnings.js';
import { noteLabel, readerJargon } from './reader-words.js';

describe('notes in citizens’ words (issue 19)', () => {
  it('finds no internal id and no 第3章 in any canonical note (they said 第3章 and “见编辑说明 note-3”)', () => {
    for (const note of canonicalReport.notes)
      expect(readerJargon(canonicalReport, note.reasoning), note.id).toEqual({
        ids: [],
        arabicChapters: [],
      });
  });

  it('finds the ids of the report’s nodes and Arabic chapter numbers a text uses', () => {
    expect(readerJargon(canonicalReport, '见 m128 与 c-6，第3章和第 12 章；m128 再次')).toEqual({
      ids: ['m128', 'c-6'],
      arabicChapters: ['第3章', '第 12 章'],
    });
  });

  it('leaves alone words that are no id of the report, and ids inside URLs or longer words', () => {
    expect(
      readerJargon(canonicalReport, 'GDP 与 m99999，见 https://example.org/m128 或 xm128y'),
    ).toEqual({ ids: [], arabicChapters: [] });
  });

  it('names a note by its place among the notes, in Chinese numerals', () => {
    expect(noteLabel(canonicalReport, 'note-3')).toBe('编辑说明三');
    expect(noteLabel(canonicalReport, 'note-14')).toBe('编辑说明十四');
    expect(noteLabel(canonicalReport, 'no-such-note')).toBeUndefined();
  });

  it('warns before publishing a public note or an update that speaks in ids, saying what to write', () => {
    const report = editableCopy(canonicalReport);
    const [first, second] = report.notes;
    if (first === undefined || second === undefined) throw new Error('canonical notes missing');
    first.reasoning = '第3章的 m128 重复了。';
    second.reasoning = '内部：c-6';
    second.visibility = 'internal';
    const warnings = checklistWarnings(report).filter((w) => w.code === 'ids-in-public-text');
    expect(warnings.map((w) => w.nodeId)).toEqual(['note-1']);
    expect(warnings[0]?.message.zh).toContain('“m128”改为第三章');
    expect(warnings[0]?.message.zh).toContain('“第3章”改为“第三章”');
  });
});
