import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceText } from '../data/index.js';
import { DiagnosticSchema } from './diagnostic.js';
import { formatDiagnosticsTable } from './format-diagnostics.js';
import { parseReportText } from './parse-report-text.js';

// Pieces that steer random text into the parser's branches: markers, labels, sentence ends, controls.
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '\n',
    '\r\n',
    '\r',
    '\n\n',
    '。',
    '，',
    ',',
    '(',
    '）',
    ' ',
    '\u3000',
    '\ufeff',
    '\u0000',
    '\ud800',
    '\udc00',
  ),
  fc.constantFrom(
    '1',
    '７',
    '一、',
    '第三章',
    '（二）',
    '(四)',
    '主要目标',
    '指导思想：',
    '——副标题——',
    '建设城市',
    '争创示范市',
  ),
  fc.constantFrom(...sourceText.split('\n').filter((l) => l !== '')),
);
const documents = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

function medianMs(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

describe('parseReportText on arbitrary input', () => {
  it('never throws, and every diagnostic fits its schema and names a line of the input', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const { report, diagnostics } = parseReportText(text);
        for (const d of diagnostics) {
          expect(DiagnosticSchema.safeParse(d).success).toBe(true);
          for (const line of d.lines)
            expect(line).toBeLessThanOrEqual(report.meta.source.lineCount);
        }
        expect(typeof formatDiagnosticsTable(diagnostics)).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('handles a 1 MB line, a 1 MB run of dashes and 1 MB of control characters', () => {
    for (const text of [
      '建'.repeat(1 << 20),
      '-'.repeat(1 << 20),
      '\u0001\ud800'.repeat(1 << 19),
      `1\n${'标题'.repeat(1 << 19)}。`,
    ]) {
      const { report } = parseReportText(text);
      expect(report.meta.source.lineCount).toBeGreaterThan(0);
    }
  });

  it('issue 15: never throws a RangeError on 100k+ lines that each give a diagnostic', () => {
    const lines = 101_000;
    for (const make of [
      (i: number) => `前言第${i}行`, // each an unrecognised line of the title block
      (i: number) => `第${i + 1}章`, // each a chapter without a title
    ]) {
      const text = Array.from({ length: lines }, (_, i) => make(i)).join('\n');
      const { report, diagnostics } = parseReportText(text);
      expect(report.meta.source.lineCount).toBe(lines);
      expect(diagnostics.length).toBeGreaterThan(lines - 10);
    }
  }, 60_000);

  it('issue 17: never throws whatever is passed as options, and says what was wrong', () => {
    fc.assert(
      fc.property(fc.anything(), (options) => {
        const { diagnostics } = parseReportText(
          '标题\n1\n章\n节\n句。',
          options as Parameters<typeof parseReportText>[1],
        );
        for (const d of diagnostics) expect(DiagnosticSchema.safeParse(d).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('takes time linear in the input: 64 copies of the source cost about 64 times one copy', () => {
    const one = medianMs(() => parseReportText(sourceText), 9);
    const many = sourceText.repeat(64);
    const sixtyFour = medianMs(() => parseReportText(many), 3);
    // Linear means ~64×; quadratic would be ~4096×. The margin absorbs a busy shared machine.
    expect(sixtyFour / one).toBeLessThan(64 * 4);
    const { diagnostics } = parseReportText(many);
    expect(diagnostics.length).toBeLessThan(64 * 40);
  });
});
