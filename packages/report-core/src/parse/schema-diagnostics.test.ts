import { describe, expect, it } from 'vitest';
import { parseReportText } from './parse-report-text.js';

const META = { issuer: '某市人民政府', period: { start: 2024, end: 2024 } };
import { schemaDiagnostics } from './schema-diagnostics.js';

const doc = (measure: string) =>
  `标题\n今后五年工作\n指导思想\n思想。\n1\n章\n节\n${measure}\n${measure}\n`;

describe('schemaDiagnostics', () => {
  it('reports a breach of the schema at the node it concerns, with its source lines', () => {
    const { report } = parseReportText(doc(`${'长'.repeat(4001)}。`), META);
    const found = schemaDiagnostics(report, { paths: new Set(), ids: new Set(['m9']) });
    expect(found.map((d) => [d.code, d.severity, d.lines, d.nodeIds])).toEqual([
      ['schema-violation', 'error', [8], ['m8']],
    ]);
    expect(found[0]?.message.zh).toContain('4000');
  });

  it('leaves out breaches the parser already explained', () => {
    const { report } = parseReportText(doc('同一句。'), META);
    expect(
      schemaDiagnostics(report, { paths: new Set(), ids: new Set() }).map((d) => d.nodeIds),
    ).toEqual([['m9']]);
    expect(schemaDiagnostics(report, { paths: new Set(), ids: new Set(['m8', 'm9']) })).toEqual([]);
    expect(parseReportText(doc('同一句。'), META).diagnostics.map((d) => d.code)).toEqual([
      'missing-block',
      'duplicate-sentence',
    ]); // no goals block
  });
});
