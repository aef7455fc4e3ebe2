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

describe('ReportSchema invariants of departments, responsibilities and observations (issue 18)', () => {
  const source = { title: '2024年乐山市国民经济和社会发展统计公报' };
  const withDepartments = (r: Report): void => {
    r.departments = [
      { id: 'dept-jt', name: '市交通运输局' },
      { id: 'dept-fg', name: '市发展改革委' },
    ];
  };
  const responsible = (r: Report, lead: string | null, co: string[]): void => {
    firstMeasure(r).responsibility = { lead, co, deadline: '2026-12-31', milestones: [] };
  };
  const road = (r: Report) => {
    const indicator = firstMeasure(r).indicators[0];
    if (indicator === undefined) throw new Error('no indicator');
    return indicator;
  };

  it('accept departments, a responsibility, observations and a baseline value', () => {
    const issues = issuesAfter((r) => {
      withDepartments(r);
      firstMeasure(r).responsibility = {
        lead: 'dept-jt',
        co: ['dept-fg'],
        deadline: '2026-12-31',
        milestones: [{ id: 'ms-1', year: 2024, text: '建成 90 公里', done: true }],
      };
      road(r).observations = [{ id: 'obs-1', date: '2024-12-31', value: 90, source }];
    });
    expect(issues).toEqual([]);
  });

  it('reject a lead or co-responsible department missing from the list, saying how to fix it', () => {
    const issues = issuesAfter((r) => {
      withDepartments(r);
      responsible(r, 'dept-none', ['dept-fg', 'dept-gone']);
    });
    expect(issues.map((i) => i.path)).toEqual([
      'chapters.0.sections.0.measures.0.responsibility.lead',
      'chapters.0.sections.0.measures.0.responsibility.co.1',
    ]);
    expect(issues[0]?.message).toEqual({
      zh: '牵头单位“dept-none”不在单位名单中，请先在单位名单中添加',
      en: 'lead department "dept-none" is not in report.departments; add it to the list first',
    });
    expect(issues[1]?.message.zh).toContain('责任单位“dept-gone”');
  });

  it('reject a responsibility naming departments when the report lists none', () => {
    const issues = issuesAfter((r) => responsible(r, 'dept-jt', []));
    expect(issues.map((i) => i.path)).toEqual([
      'chapters.0.sections.0.measures.0.responsibility.lead',
    ]);
  });

  it('reject the lead listed as co-responsible too, and a co-responsible department listed twice', () => {
    const issues = issuesAfter((r) => {
      withDepartments(r);
      responsible(r, 'dept-jt', ['dept-fg', 'dept-jt', 'dept-fg']);
    });
    expect(issues.map((i) => [i.path, i.message.en])).toEqual([
      [
        'chapters.0.sections.0.measures.0.responsibility.co.1',
        '"dept-jt" is the lead department and cannot also be co-responsible',
      ],
      [
        'chapters.0.sections.0.measures.0.responsibility.co.2',
        'co-responsible department "dept-fg" is listed twice',
      ],
    ]);
    expect(issues[0]?.message.zh).toBe('“dept-jt”已是牵头单位，不能同时列为责任单位');
  });

  it('reject two departments with one name', () => {
    const issues = issuesAfter((r) => {
      r.departments = [
        { id: 'dept-jt', name: '市交通运输局' },
        { id: 'dept-jt2', name: ' 市交通运输局' },
      ];
    });
    expect(issues.map((i) => i.path)).toEqual(['departments.1.name']);
    expect(issues[0]?.message.zh).toBe('单位名称“市交通运输局”重复，已用于 departments.0');
  });

  it('reject a department, observation, baseline observation or milestone id used twice as a node id', () => {
    const issues = issuesAfter((r) => {
      r.departments = [{ id: 'm38', name: '市交通运输局' }];
      const indicator = road(r);
      indicator.observations = [
        { id: 'obs-1', date: '2023-12-31', value: 40, source },
        { id: 'obs-1', date: '2024-12-31', value: 90, source },
      ];
      indicator.baseline = {
        year: 2020,
        raw: '较2020年',
        observation: { id: 'obs-1', date: '2020-12-31', value: 1, source },
      };
      firstMeasure(r).responsibility = {
        lead: null,
        co: [],
        deadline: null,
        milestones: [
          { id: 'ms-1', year: 2024, text: '建成 90 公里', done: false },
          { id: 'obs-1', year: 2025, text: '建成 150 公里', done: false },
        ],
      };
    });
    expect(issues.map((i) => i.path)).toEqual([
      'chapters.0.sections.0.measures.0.id',
      'chapters.0.sections.0.measures.0.indicators.0.observations.1.id',
      'chapters.0.sections.0.measures.0.indicators.0.baseline.observation.id',
      'chapters.0.sections.0.measures.0.responsibility.milestones.1.id',
    ]);
    expect(issues[0]?.message.zh).toBe('编号“m38”重复，已用于 departments.0');
    expect(issues[3]?.message.en).toBe(
      'duplicate id "obs-1", already used at chapters.0.sections.0.measures.0.indicators.0.observations.0',
    );
  });
});
