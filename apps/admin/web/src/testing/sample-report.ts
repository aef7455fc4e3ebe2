import type { Report } from '@leshan/report-core';
import type { DraftView } from '../api/endpoints.js';

const tracking = () => ({ status: null, progress: null, updates: [] });

/** A small valid report in the shape of the Leshan one: two chapters, one title missing. */
export function sampleReport(): Report {
  return {
    schemaVersion: 1,
    id: 'leshan-2022-2026',
    meta: {
      title: '乐山市人民政府工作报告',
      scope: '今后五年工作',
      issuer: '乐山市人民政府',
      period: { start: 2022, end: 2026 },
      language: 'zh-CN',
      source: {
        file: 'leshan-report-source.txt',
        sha256: 'a'.repeat(64),
        lineCount: 400,
        description: '政府工作报告原文',
      },
    },
    goals: [{ id: 'g10', subject: '经济实力', target: '明显增强' }],
    ideology: { id: 'ideology', text: '坚持以习近平新时代中国特色社会主义思想为指导。' },
    chapters: [
      {
        id: 'c20',
        number: 1,
        title: '坚持工业强市，加快建设现代产业体系',
        sections: [
          {
            id: 's22',
            title: '做强绿色硅产业',
            measures: [
              {
                id: 'm24',
                text: '推进五通桥区光伏产业基地建设，多晶硅产能力争达到40万吨。',
                indicators: [
                  {
                    id: 'm24-t1',
                    metric: '多晶硅产能',
                    value: 400000,
                    unit: '吨',
                    comparator: 'eq',
                    raw: '40万吨',
                    aspirational: true,
                  },
                ],
                places: ['wutongqiao'],
                tracking: tracking(),
              },
              {
                id: 'm26',
                text: '培育壮大储能电池产业。',
                indicators: [],
                places: [],
                tracking: tracking(),
              },
            ],
          },
        ],
      },
      {
        id: 'c-6',
        number: 2,
        title: null,
        sections: [
          {
            id: 's40',
            title: null,
            measures: [
              {
                id: 'm42',
                text: '新建高速公路200公里。',
                indicators: [],
                places: [],
                tracking: tracking(),
              },
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
        nodeIds: ['c-6'],
        sourceLines: [38],
        reasoning: '原文第六章缺少标题，保留为空。',
      },
    ],
  };
}

export function sampleDraft(revision = 3, report: Report = sampleReport()): DraftView {
  return {
    revision,
    report,
    hash: 'b'.repeat(64),
    updatedAt: '2024-05-01T08:00:00.000Z',
    updatedBy: '张编辑',
    validation: { ok: true, issues: [] },
  };
}
