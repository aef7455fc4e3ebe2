import { describe, expect, it } from 'vitest';
import { sourceText } from '../data/index.js';
import { LESHAN_PARSE_OPTIONS } from '../data/editorial-decisions.js';
import { DiagnosticSchema } from './diagnostic.js';
import { parseReportText } from './parse-report-text.js';

const { report, diagnostics } = parseReportText(sourceText, LESHAN_PARSE_OPTIONS);
const at = (code: string): number[][] =>
  diagnostics.filter((d) => d.code === code).map((d) => d.lines);

describe('parseReportText on the Leshan source', () => {
  it('finds the tourism block of lines 128–132 pasted four more times at 134–156', () => {
    const [block] = diagnostics.filter((d) => d.code === 'repeated-block');
    expect(block?.lines).toEqual([
      128,
      130,
      132,
      ...Array.from({ length: 12 }, (_, i) => 134 + 2 * i),
    ]);
    expect(block?.message.zh).toContain('重复了4遍');
  });

  it('finds the chapter-5 block at 224–236 that repeats 276–288', () => {
    expect(at('repeated-block')[1]).toEqual([
      224, 226, 228, 230, 232, 234, 236, 276, 278, 280, 282, 284, 286, 288,
    ]);
  });

  it('reports the sentences found in two chapters, pair by pair', () => {
    expect(at('sentence-in-two-chapters')).toEqual([
      [224, 276],
      [226, 278],
      [230, 282],
      [232, 284],
      [234, 286],
      [236, 288],
    ]);
    expect(at('duplicate-sentence')).toEqual([]);
  });

  it('reports the garbled copy at 214 of line 208', () => {
    expect(at('near-duplicate')).toEqual([[208, 214]]);
    expect(diagnostics.find((d) => d.code === 'near-duplicate')?.nodeIds).toEqual(['m208', 'm214']);
  });

  it('reports the chapter numbers jumping from 5 to 7', () => {
    expect(at('chapter-number-gap')).toEqual([[196, 238]]);
  });

  it('reports the headings without measures and the headings that occur twice', () => {
    expect(at('heading-without-measures')).toEqual([[82], [84], [120]]);
    expect(at('duplicate-heading')).toEqual([
      [84, 120],
      [228, 280],
    ]);
  });

  it('flags line 168 as a possible measure without its full stop', () => {
    expect(at('possible-measure-without-punctuation')).toEqual([[168]]);
  });

  it('reports nothing else: every invariant breach is explained by one of the above', () => {
    expect(diagnostics.map((d) => d.code).sort()).toEqual(
      [
        'chapter-number-gap',
        'duplicate-heading',
        'duplicate-heading',
        'heading-without-measures',
        'heading-without-measures',
        'heading-without-measures',
        'near-duplicate',
        'possible-measure-without-punctuation',
        'repeated-block',
        'repeated-block',
        ...Array<string>(6).fill('sentence-in-two-chapters'),
      ].sort(),
    );
  });

  it('gives diagnostics that satisfy their schema and name nodes of the parsed report', () => {
    const ids = new Set(
      report.chapters.flatMap((c) => [
        c.id,
        ...c.sections.flatMap((s) => [s.id, ...s.measures.map((m) => m.id)]),
      ]),
    );
    for (const d of diagnostics) {
      expect(DiagnosticSchema.safeParse(d).success).toBe(true);
      for (const id of d.nodeIds) expect(ids.has(id)).toBe(true);
    }
  });
});
