import { applyCommands, canonicalReport, editableCopy } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import { createMemorySource, makeEdition } from '../memory-source.js';
import type { ViewerSource } from '../source.js';

/**
 * The canonical report after the flow of issue 18, made with the editors' commands: 市交通运输局
 * leads m38 with 市发展改革委, due 2026-12-31 with a 2024 milestone; a progress update with its
 * evidence; and one cumulative observation of m38-t1, 90 公里 as of 2024-12-31.
 */
export function followedByCommands(): Report {
  const applied = applyCommands(editableCopy(canonicalReport), [
    { type: 'department.add', department: { id: 'dept-jt', name: '市交通运输局' } },
    { type: 'department.add', department: { id: 'dept-fg', name: '市发展改革委' } },
    {
      type: 'responsibility.set',
      measureId: 'm38',
      responsibility: {
        lead: 'dept-jt',
        co: ['dept-fg'],
        deadline: '2026-12-31',
        milestones: [{ id: 'ms-m38-1', year: 2024, text: '乐西高速建成通车', done: true }],
      },
    },
    {
      type: 'progress.add',
      measureId: 'm38',
      update: {
        id: 'u-m38-1',
        date: '2024-06-30',
        note: '乐西高速公路建成通车。',
        status: 'in-progress',
        progress: 40,
        evidenceUrl: 'https://example.org/leshan/road',
      },
    },
    {
      type: 'observation.add',
      indicatorId: 'm38-t1',
      observation: {
        id: 'obs-m38-1',
        date: '2024-12-31',
        value: 90,
        basis: 'cumulative',
        source: { title: '乐山市交通运输局通知', url: 'https://example.org/leshan/notice' },
      },
    },
  ]);
  if (!applied.ok) throw new Error(JSON.stringify(applied));
  return applied.value.report;
}

/** Edition 1 (canonical) and edition 2 (followedByCommands): the measure page's tests. */
export function followedByCommandsSource(): ViewerSource {
  const first = makeEdition(
    editableCopy(canonicalReport),
    1,
    '2022-03-01T08:00:00.000Z',
    '首次发布。',
  );
  const second = makeEdition(followedByCommands(), 2, '2025-02-01T08:00:00.000Z', '报告进展。');
  return createMemorySource([second, first]);
}
