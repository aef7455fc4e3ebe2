import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy } from '../data/index.js';
import type { Report } from './index.js';
import { validateReport } from './index.js';

/** A mutable deep copy of the canonical report, changed by `mutate`, then validated. */
function issuesAfter(mutate: (r: Report) => void) {
  const report: Report = editableCopy(canonicalReport);
  mutate(report);
  const result = validateReport(report);
  return result.ok ? [] : result.issues;
}

const chapter = (r: Report, i: number) => {
  const c = r.chapters[i];
  if (c === undefined) throw new Error(`no chapter ${i}`);
  return c;
};
const firstMeasure = (r: Report, c = 0, s = 0, m = 0) => {
  const measure = chapter(r, c).sections[s]?.measures[m];
  if (measure === undefined) throw new Error('no measure');
  return measure;
};

describe('ReportSchema invariants', () => {
  it('accept the canonical report', () => {
    expect(issuesAfter(() => undefined)).toEqual([]);
  });

  it('reject a duplicate id, naming the second node', () => {
    const issues = issuesAfter((r) => {
      firstMeasure(r, 0, 0, 1).id = firstMeasure(r).id;
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('chapters.0.sections.0.measures.1.id');
    expect(issues[0]?.message.zh).toContain('编号“m38”重复');
    expect(issues[0]?.message.en).toContain('duplicate id "m38"');
  });

  it('reject a gap in chapter numbering', () => {
    const issues = issuesAfter((r) => {
      chapter(r, 5).number = 7;
      chapter(r, 6).number = 8;
      chapter(r, 7).number = 9;
    });
    expect(issues.map((i) => i.path)).toEqual([
      'chapters.5.number',
      'chapters.6.number',
      'chapters.7.number',
    ]);
    expect(issues[0]?.message.zh).toContain('应为 6');
    expect(issues[0]?.message.en).toContain('without gaps');
  });

  it('reject two measures with the same text', () => {
    const issues = issuesAfter((r) => {
      firstMeasure(r, 0, 0, 2).text = firstMeasure(r).text;
    });
    expect(issues.map((i) => i.path)).toContain('chapters.0.sections.0.measures.2.text');
    expect(issues.find((i) => i.path.endsWith('measures.2.text'))?.message.en).toContain(
      'identical',
    );
  });

  it("reject an indicator whose substring is not in its measure's text", () => {
    const issues = issuesAfter((r) => {
      const indicator = firstMeasure(r).indicators[0];
      if (indicator) indicator.raw = '999公里';
    });
    expect(issues).toEqual([
      {
        path: 'chapters.0.sections.0.measures.0.indicators.0.raw',
        pathSegments: ['chapters', 0, 'sections', 0, 'measures', 0, 'indicators', 0, 'raw'],
        message: {
          zh: '指标原文“999公里”未出现在举措文字中',
          en: 'indicator substring "999公里" does not occur in the measure\'s text',
        },
      },
    ]);
  });

  it('reject provenance lines past the end of the source', () => {
    const issues = issuesAfter((r) => {
      firstMeasure(r).provenance = { lines: [9999] };
    });
    expect(issues.map((i) => i.path)).toEqual([
      'chapters.0.sections.0.measures.0.provenance.lines.0',
    ]);
    expect(issues[0]?.message.zh).toContain('超出原文行数 301');
  });

  it('reject progress outside 0–100', () => {
    const issues = issuesAfter((r) => {
      firstMeasure(r).tracking.progress = 101;
    });
    expect(issues.map((i) => i.path)).toEqual([
      'chapters.0.sections.0.measures.0.tracking.progress',
    ]);
    expect(issues[0]?.message).toEqual({
      zh: '进度不能大于 100',
      en: 'progress must be at most 100',
    });
  });

  it('reject a place that is not in the gazetteer', () => {
    const issues = issuesAfter((r) => {
      firstMeasure(r).places.push('atlantis');
    });
    expect(issues.map((i) => i.path)).toEqual(['chapters.0.sections.0.measures.0.places.0']);
  });

  it('reject an editorial note that names a missing node', () => {
    const issues = issuesAfter((r) => {
      r.notes[0]?.nodeIds.push('m9999');
    });
    expect(issues.map((i) => i.path)).toEqual(['notes.0.nodeIds.3']);
    expect(issues[0]?.message.zh).toContain('m9999');
  });

  it('translate zod’s own shape errors into Chinese and English', () => {
    const issues = issuesAfter((r) => {
      (firstMeasure(r) as { text: unknown }).text = 42;
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('chapters.0.sections.0.measures.0.text');
    expect(issues[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/u);
    expect(issues[0]?.message.en).toMatch(/expected string/u);
  });

  it('never throw on values that are not reports at all', () => {
    for (const value of [null, undefined, 42, 'report', [], { schemaVersion: 2 }]) {
      const result = validateReport(value);
      expect(result.ok).toBe(false);
    }
  });
});
