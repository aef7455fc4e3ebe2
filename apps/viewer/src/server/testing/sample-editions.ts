import { canonicalReport, editableCopy, findNode } from '@leshan/report-core';
import type { Measure, Report } from '@leshan/report-core';
import type { Edition } from '../../schemas.js';
import type { MemoryArtifact } from '../memory-source.js';
import { createMemorySource, jsonArtifact, makeEdition } from '../memory-source.js';
import type { ViewerSource } from '../source.js';

/** What an editor may type; the site must show it as text and never run it. */
export const MARKUP_PAYLOAD =
  '<script>window.__xss = 1</script><img src="x" onerror="window.__xss = 2">';

function measureOf(report: Report, id: string): Measure {
  const found = findNode(report, id);
  if (found?.kind !== 'measure') throw new Error(`sample: no measure ${id}`);
  return found.node;
}

/**
 * The canonical report after a round of editing, for tests of diffs, progress and feeds: a
 * progress update on m38 (chapter 1), m94 (chapter 2) marked completed, a reworded m40 and an
 * editor's markup typed into m42.
 */
export function editedReport(): Report {
  const report: Report = editableCopy(canonicalReport);
  const m38 = measureOf(report, 'm38');
  m38.tracking = {
    status: 'in-progress',
    progress: 30,
    updates: [
      {
        id: 'u-m38-1',
        date: '2023-06-30',
        note: '乐西高速公路建成通车，新增里程约 70 公里。',
        progress: 30,
        status: 'in-progress',
        evidenceUrl: 'https://example.org/leshan/road',
      },
    ],
  };
  const m94 = measureOf(report, 'm94');
  m94.tracking = {
    status: 'completed',
    progress: 100,
    updates: [
      {
        id: 'u-m94-1',
        date: '2024-01-15',
        note: '晶硅光伏产值规模突破 2000 亿元。',
        status: 'completed',
        progress: 100,
      },
    ],
  };
  measureOf(report, 'm40').text = '统筹“1+3+N”航空网建设，加快建成投运乐山机场。';
  measureOf(report, 'm42').text = `将乐山港升级改造为成都港。${MARKUP_PAYLOAD}`;
  return report;
}

/**
 * The edited report after a bureau reported (issue 18): two departments, m38 led by 交通运输局 with
 * 发展改革委 sharing it, due 2026-12-31 with a 2024 milestone, and its expressway target at
 * 90 of 210 公里 as of 2024-12-31 (the acceptance's figures).
 */
export function followedReport(): Report {
  const report = editedReport();
  report.departments = [
    { id: 'dept-jt', name: '市交通运输局' },
    { id: 'dept-fg', name: '市发展改革委' },
  ];
  const m38 = measureOf(report, 'm38');
  m38.responsibility = {
    lead: 'dept-jt',
    co: ['dept-fg'],
    deadline: '2026-12-31',
    milestones: [{ id: 'ms-m38-1', year: 2024, text: '乐西高速建成通车', done: true }],
  };
  const road = m38.indicators.find((i) => i.id === 'm38-t1');
  if (road === undefined) throw new Error('sample: no m38-t1');
  road.observations = [
    {
      id: 'obs-m38-1',
      date: '2024-12-31',
      value: 90,
      source: {
        title: '2024年乐山市国民经济和社会发展统计公报',
        url: 'https://example.org/leshan/bulletin-2024',
      },
    },
  ];
  return report;
}

/** Editions 1 and 2 of sampleEditions and edition 3 with followedReport. */
export function followedSource(): ViewerSource {
  const { editions, artifacts } = sampleEditions();
  const third = makeEdition(
    followedReport(),
    3,
    '2025-02-01T08:00:00.000Z',
    '交通运输局报告进展。',
  );
  return createMemorySource([third, ...editions], [...artifacts, jsonArtifact(third)]);
}

/** Edition 1 (canonical) and edition 2 (edited), with a JSON export each. */
export function sampleEditions(): { editions: Edition[]; artifacts: MemoryArtifact[] } {
  const first = makeEdition(
    editableCopy(canonicalReport),
    1,
    '2022-03-01T08:00:00.000Z',
    '首次发布。',
  );
  const second = makeEdition(
    editedReport(),
    2,
    '2024-02-01T08:00:00.000Z',
    '更新 2 项举措的进展，修改 2 项举措的文字。',
  );
  return { editions: [first, second], artifacts: [jsonArtifact(first), jsonArtifact(second)] };
}

export function sampleSource(): ViewerSource {
  const { editions, artifacts } = sampleEditions();
  return createMemorySource(editions, artifacts);
}
