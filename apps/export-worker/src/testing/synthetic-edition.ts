import type { Report } from '@leshan/report-core';
import { validateReport } from '@leshan/report-core';
import { editionFromReport } from '../canonical-edition.js';
import { formatQuantity } from '@leshan/report-core/indicators';
import type { ExportInput } from '../schemas.js';

// A small report built to stress every renderer: editor-typed markup and spreadsheet formulas,
// missing titles, tracking with evidence, every kind of note field, and large amounts.

export const SCRIPT_PAYLOAD = '<script>alert("x")</script>';
export const FORMULA_PAYLOAD = "=cmd|' /C calc'!A0";

const hostile = `${FORMULA_PAYLOAD}建设“智慧交通”平台 ${SCRIPT_PAYLOAD} & <b>加粗</b>，新建高速公路210公里。`;

export const syntheticReport: Report = {
  schemaVersion: 1,
  id: 'synthetic',
  meta: {
    title: '测试报告 <i>标题</i>',
    subtitle: '——副标题——',
    scope: '今后五年工作',
    issuer: '测试市人民政府',
    period: { start: 2022, end: 2026 },
    language: 'zh-CN',
    source: {
      file: 'synthetic-source.txt',
      sha256: 'a'.repeat(64),
      lineCount: 40,
      description: '测试用原文。',
    },
  },
  goals: [
    { id: 'g1', subject: '经济实力', target: '明显增强' },
    { id: 'g2', subject: '人民生活', target: '更加幸福' },
  ],
  ideology: { id: 'ideology', text: '坚持以人民为中心的发展思想。' },
  chapters: [
    {
      id: 'c1',
      number: 1,
      title: '打造区域中心城市',
      sections: [
        {
          id: 's1',
          title: '建设综合交通枢纽',
          measures: [
            {
              id: 'm1',
              text: hostile,
              indicators: [
                {
                  id: 'm1-t1',
                  metric: '新建高速公路',
                  value: 210,
                  unit: '公里',
                  comparator: 'gte',
                  raw: '210公里',
                  aspirational: false,
                },
              ],
              places: ['wutongqiao'],
              tracking: {
                status: 'in-progress',
                progress: 40,
                updates: [
                  {
                    id: 'u1',
                    date: '2023-06-30',
                    note: '完成可研批复 <em>注意</em>。',
                    progress: 40,
                    status: 'in-progress',
                    evidenceUrl: 'https://example.gov.cn/news/1?a=1&b=2',
                  },
                ],
              },
            },
            {
              id: 'm2',
              text: '-1 号文件要求：晶硅光伏产值力争达到2000亿元，研发投入增长15%。',
              indicators: [
                {
                  id: 'm2-t1',
                  metric: '晶硅光伏产值',
                  value: 200_000_000_000,
                  unit: '元',
                  comparator: 'eq',
                  raw: '2000亿元',
                  aspirational: true,
                },
                {
                  id: 'm2-t2',
                  metric: '研发投入增长',
                  value: 15,
                  unit: '%',
                  comparator: 'approx',
                  raw: '15%',
                  aspirational: false,
                  baseline: { year: 2021, raw: '较2021年' },
                },
              ],
              places: [],
              tracking: { status: null, progress: null, updates: [] },
            },
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
            {
              id: 'm3',
              text: '@所有人 +加快建设教育强市，新增学位1.5万个。',
              indicators: [
                {
                  id: 'm3-t1',
                  metric: '新增学位',
                  value: 15_000,
                  unit: '个',
                  comparator: 'gte',
                  raw: '1.5万个',
                  aspirational: false,
                },
              ],
              places: [],
              tracking: { status: 'completed', progress: 100, updates: [] },
            },
          ],
        },
      ],
    },
  ],
  places: [{ id: 'wutongqiao', name: '五通桥区', kind: 'district', aliases: ['五通桥'] }],
  notes: [
    {
      id: 'note-1',
      kind: 'corrected',
      status: 'resolved',
      nodeIds: ['m2'],
      sourceLines: [12],
      originalText: '晶硅光伏产值力争达到2000亿',
      correctedText: '晶硅光伏产值力争达到2000亿元',
      reasoning: '原文漏写单位“元” <u>补上</u>。',
    },
    {
      id: 'note-2',
      kind: 'duplicate-removed',
      status: 'open',
      nodeIds: ['m3', 'c2'],
      sourceLines: [20, 22],
      removedText: ['重复的段落 =SUM(A1)。'],
      reasoning: '第2章标题缺失，且有一段重复。',
    },
  ],
};

const checked = validateReport(syntheticReport);
if (!checked.ok) throw new Error(`synthetic report is invalid: ${JSON.stringify(checked.issues)}`);

export const SYNTHETIC_PUBLISHED_AT = '2024-03-05T08:30:00.000Z';

export function syntheticEdition(): ExportInput {
  return editionFromReport(syntheticReport, 'ed-7', SYNTHETIC_PUBLISHED_AT);
}

/** Every measure text and every indicator's value written the Chinese way: what each document must contain. */
export function expectedTexts(input: ExportInput): { measures: string[]; values: string[] } {
  const measures = input.report.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
  return {
    measures: measures.map((m) => m.text),
    values: measures.flatMap((m) => m.indicators.map((i) => formatQuantity(i.value, i.unit))),
  };
}

/**
 * The synthetic report after bureaus reported (issue 18): two departments, m1 led by one and
 * shared by the other with a deadline and milestones, its expressway target at 90 of 210 公里
 * (cumulative, with a source URL), 1500亿元 of the 2000亿元 output (no URL, a note with markup),
 * and 学位 reported year by year (annual basis).
 */
export function followedReport(): Report {
  const report = structuredClone(syntheticReport);
  report.departments = [
    { id: 'dept-jt', name: '市交通运输局' },
    { id: 'dept-fg', name: '市发展改革委 <b>' },
  ];
  const [m1, m2] = report.chapters[0]?.sections[0]?.measures ?? [];
  const m3 = report.chapters[1]?.sections[0]?.measures[0];
  const road = m1?.indicators[0];
  const output = m2?.indicators[0];
  const places = m3?.indicators[0];
  if (m1 === undefined || road === undefined || output === undefined || places === undefined)
    throw new Error('synthetic report changed shape');
  m1.responsibility = {
    lead: 'dept-jt',
    co: ['dept-fg'],
    deadline: '2026-12-31',
    milestones: [
      { id: 'ms-1', year: 2023, text: '完成可研批复', done: true },
      { id: 'ms-2', year: 2025, text: `${FORMULA_PAYLOAD}建成通车`, done: false },
    ],
  };
  // Both are additions (新建, 新增): their attainment counts from the start of the period.
  road.kind = 'increment';
  places.kind = 'increment';
  road.observations = [
    {
      id: 'obs-1',
      date: '2024-12-31',
      value: 90,
      source: { title: '2024年统计公报', url: 'https://example.gov.cn/tjgb/2024?a=1&b=2' },
    },
  ];
  output.observations = [
    {
      id: 'obs-2',
      date: '2024-06-30',
      value: 150_000_000_000,
      source: { title: '市经信局通报' },
      note: `上半年数据 ${SCRIPT_PAYLOAD}`,
    },
  ];
  places.observations = [
    {
      id: 'obs-3',
      date: '2023-12-31',
      value: 4000,
      basis: 'annual',
      source: { title: '教育局年报' },
    },
    {
      id: 'obs-4',
      date: '2024-12-31',
      value: 5000,
      basis: 'annual',
      source: { title: '教育局年报' },
    },
  ];
  const valid = validateReport(report);
  if (!valid.ok) throw new Error(`followed report is invalid: ${JSON.stringify(valid.issues)}`);
  return report;
}

/** The synthetic edition with observations, departments and responsibilities (issue 18). */
export function followedEdition(): ExportInput {
  return editionFromReport(followedReport(), 'ed-8', SYNTHETIC_PUBLISHED_AT);
}
