import type { Report } from '../model/report.js';

/** Freezes a value and everything in it, so a test fails if code under test mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const empty = { status: null, progress: null, updates: [] };

/**
 * A small valid report for edit tests: two chapters (one title missing), notes that refer to
 * nodes at several levels, an optional field present in one place and absent in another.
 */
export function smallReport(): Report {
  return deepFreeze<Report>({
    schemaVersion: 1,
    id: 'test-report',
    meta: {
      title: '测试报告',
      scope: '今后五年工作',
      issuer: '测试市人民政府',
      period: { start: 2022, end: 2026 },
      language: 'zh-CN',
      source: {
        file: 'test.txt',
        sha256: 'a'.repeat(64),
        lineCount: 50,
        description: '测试用原文',
      },
    },
    goals: [
      { id: 'g1', subject: '经济实力', target: '明显增强' },
      { id: 'g2', subject: '生态环境', target: '持续改善', provenance: { lines: [3] } },
    ],
    ideology: { id: 'ideology', text: '坚持新发展理念。' },
    chapters: [
      {
        id: 'c1',
        number: 1,
        title: '建设交通枢纽',
        provenance: { lines: [10] },
        sections: [
          {
            id: 's1',
            title: '完善路网',
            measures: [
              {
                id: 'm1',
                text: '力争新建高速公路210公里、铁路170公里。',
                indicators: [
                  {
                    id: 'm1-t1',
                    metric: '高速公路',
                    value: 210,
                    unit: '公里',
                    comparator: 'eq',
                    raw: '210公里',
                    aspirational: true,
                  },
                  {
                    id: 'm1-t2',
                    metric: '铁路',
                    value: 170,
                    unit: '公里',
                    comparator: 'eq',
                    raw: '170公里',
                    aspirational: true,
                    baseline: { year: 2021, raw: '较2021年' },
                  },
                ],
                places: ['wutongqiao'],
                tracking: {
                  status: 'in-progress',
                  progress: 20,
                  updates: [
                    {
                      id: 'u1',
                      date: '2023-03-01',
                      note: '已开工。',
                      progress: 20,
                      status: 'in-progress',
                    },
                  ],
                },
                provenance: { lines: [12] },
              },
              { id: 'm2', text: '建设乐山港。', indicators: [], places: [], tracking: empty },
            ],
          },
          {
            id: 's2',
            title: null,
            measures: [
              {
                id: 'm3',
                text: '推进五通桥区物流园建设。',
                indicators: [],
                places: ['wutongqiao'],
                tracking: empty,
              },
            ],
          },
        ],
      },
      {
        id: 'c-2',
        number: 2,
        title: null,
        sections: [
          {
            id: 's3',
            title: '文旅',
            measures: [
              { id: 'm4', text: '擦亮旅游品牌。', indicators: [], places: [], tracking: empty },
            ],
          },
        ],
      },
    ],
    places: [{ id: 'wutongqiao', name: '五通桥区', kind: 'district', aliases: ['五通桥'] }],
    notes: [
      {
        id: 'note-1',
        kind: 'missing-in-source',
        status: 'open',
        nodeIds: ['c-2', 's2', 'm4'],
        sourceLines: [20],
        reasoning: '原文缺少标题。',
      },
      {
        id: 'note-2',
        kind: 'corrected',
        status: 'resolved',
        nodeIds: ['m1', 'm1-t2', 'u1', 'm4'],
        sourceLines: [12],
        originalText: '力争新建高速公路210公里,铁路170公里。',
        correctedText: '力争新建高速公路210公里、铁路170公里。',
        reasoning: '统一标点。',
      },
    ],
  });
}
