import type { Measure, Report } from '../model/report.js';

const tracking = { status: null, progress: null, updates: [] };

function measure(id: string, text: string, extra: Partial<Measure> = {}): Measure {
  return { id, text, indicators: [], places: [], tracking, ...extra };
}

/**
 * A small valid report for search tests: a photovoltaic measure with a place and an indicator,
 * full-width and Latin text, a chapter without a title, a note, texts long enough to need snippets.
 */
export function searchReport(): Report {
  return {
    schemaVersion: 1,
    id: 'search-test',
    meta: {
      title: '测试报告',
      scope: '今后五年工作',
      issuer: '测试市人民政府',
      period: { start: 2022, end: 2026 },
      language: 'zh-CN',
      source: {
        file: 'test.txt',
        sha256: 'b'.repeat(64),
        lineCount: 10,
        description: '测试用原文',
      },
    },
    goals: [{ id: 'g1', subject: '经济实力', target: '明显增强' }],
    ideology: { id: 'ideology', text: '坚持新发展理念，让乡村振作起来、全面振兴。' },
    chapters: [
      {
        id: 'c1',
        number: 1,
        title: '建强先进制造业体系',
        sections: [
          {
            id: 's1',
            title: '壮大光伏集群',
            measures: [
              measure(
                'm1',
                '以五通桥基地为核心，壮大晶硅光伏产业，力争晶硅光伏产值规模达到2000亿元。',
                {
                  places: ['wutongqiao'],
                  indicators: [
                    {
                      id: 'm1-t1',
                      metric: '晶硅光伏产值',
                      value: 2e11,
                      unit: '元',
                      comparator: 'eq',
                      raw: '2000亿元',
                      aspirational: true,
                    },
                  ],
                },
              ),
              measure('m2', '发展光电信息产业，建设５Ｇ基站与数据中心。'),
            ],
          },
        ],
      },
      {
        id: 'c2',
        number: 2,
        title: null,
        sections: [
          {
            id: 's2',
            title: null,
            measures: [
              measure('m3', '力争新建高速公路210公里、铁路170公里，建成光伏电站配套道路。', {
                places: ['jiajiang'],
              }),
              measure(
                'm4',
                `${'推进城乡融合发展，完善基础设施。'.repeat(6)}全面推进乡村振兴，巩固拓展脱贫攻坚成果。${'加强生态保护。'.repeat(6)}`,
              ),
            ],
          },
        ],
      },
    ],
    places: [
      { id: 'wutongqiao', name: '五通桥区', kind: 'district', aliases: ['五通桥'] },
      { id: 'jiajiang', name: '夹江县', kind: 'county', aliases: ['夹江'] },
    ],
    notes: [
      {
        id: 'note-1',
        kind: 'missing-in-source',
        status: 'open',
        nodeIds: ['c2'],
        sourceLines: [5],
        reasoning: '原文第2章缺少标题，光伏电站一段位置存疑。',
      },
    ],
  };
}
