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
