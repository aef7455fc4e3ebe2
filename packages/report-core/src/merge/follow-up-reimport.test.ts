import { describe, expect, it } from 'vitest';
import { sourceText } from '../data/index.js';
import { applyCommands } from '../edit/apply-command.js';
import type { Command } from '../edit/command-schema.js';
import type { Report } from '../model/report.js';
import { applyMerge } from './apply-merge.js';
import { proposeMerge } from './propose-merge.js';
import { curatedDraft, editedSource, parseAsNext } from './reimport.fixture.js';

// Observations, baseline values, responsibilities and departments are curated data the source
// never has (issue 18): re-importing the source must keep every one of them.

const source = {
  title: '2024年乐山市国民经济和社会发展统计公报',
  url: 'https://example.gov.cn/gb',
};
const FOLLOW_UP: Command[] = [
  { type: 'department.add', department: { id: 'dept-jt', name: '市交通运输局' } },
  { type: 'department.add', department: { id: 'dept-kj', name: '市科技局' } },
  {
    type: 'observation.add',
    indicatorId: 'm38-t1',
    observation: { id: 'obs-m38-1', date: '2024-12-31', value: 90, source },
  },
  {
    type: 'baseline.set',
    indicatorId: 'm50-t1',
    observation: { id: 'obs-m50-b', date: '2020-12-31', value: 120, source },
  },
  {
    type: 'responsibility.set',
    measureId: 'm38',
    responsibility: {
      lead: 'dept-jt',
      co: ['dept-kj'],
      deadline: '2026-12-31',
      milestones: [{ id: 'ms-m38-1', year: 2025, text: '乐西高速建成通车', done: false }],
    },
  },
  {
    type: 'responsibility.set',
    measureId: 'm112',
    responsibility: { lead: 'dept-kj', co: [], deadline: null, milestones: [] },
  },
];

function followedDraft(): Report {
  const applied = applyCommands(curatedDraft(), FOLLOW_UP);
  if (!applied.ok) throw new Error(applied.error.message.en);
  return structuredClone(applied.value.report);
}

const measures = (r: Report) => r.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
/** Everything of issue 18 a report holds, by id, to compare before and after a re-import. */
function followUpData(r: Report) {
  return {
    departments: r.departments,
    responsibilities: Object.fromEntries(
      measures(r).flatMap((m) => (m.responsibility ? [[m.id, m.responsibility]] : [])),
    ),
    observations: Object.fromEntries(
      measures(r).flatMap((m) =>
        m.indicators.flatMap((i) => (i.observations ? [[i.id, i.observations]] : [])),
      ),
    ),
    baselineValues: Object.fromEntries(
      measures(r).flatMap((m) =>
        m.indicators.flatMap((i) =>
          i.baseline?.observation ? [[i.id, i.baseline.observation]] : [],
        ),
      ),
    ),
  };
}

describe('re-import keeps what following the targets recorded', () => {
  const current = followedDraft();

  it('re-importing the unchanged source loses no observation, baseline value, responsibility or department', () => {
    const merged = applyMerge({
      current,
      incoming: parseAsNext(current, sourceText),
      decisions: {},
    });
    if (!merged.ok) throw new Error(merged.issues[0]?.message.en);
    expect(followUpData(merged.value)).toEqual(followUpData(current));
    expect(followUpData(merged.value).observations).toHaveProperty('m38-t1');
  });

  it('re-importing an edited source (m112 reworded) keeps them too, on the same ids', () => {
    const incoming = parseAsNext(current, editedSource());
    const merged = applyMerge({ current, incoming, decisions: {} });
    if (!merged.ok) throw new Error(merged.issues[0]?.message.en);
    expect(followUpData(merged.value)).toEqual(followUpData(current));
  });

  it('a measure with only a responsibility is curated: its removal needs an explicit choice', () => {
    const applied = applyCommands(curatedDraft(), [
      { type: 'department.add', department: { id: 'dept-rc', name: '市人社局' } },
      {
        type: 'responsibility.set',
        measureId: 'm52',
        responsibility: { lead: 'dept-rc', co: [], deadline: null, milestones: [] },
      },
    ]);
    if (!applied.ok) throw new Error(applied.error.message.en);
    const draft = applied.value.report;
    const incoming = parseAsNext(draft, sourceText.replace('持续实施“嘉州英才培育计划”。\n', ''));
    const removed = proposeMerge({ current: draft, incoming }).items.find(
      (i) => i.kind === 'removed',
    );
    expect(removed).toMatchObject({
      key: 'removed:m52',
      needsDecision: true,
      curated: { responsibility: true, observations: 0 },
    });
  });

  it('counts a removed measure’s observed and baseline values as curated', () => {
    const incoming = parseAsNext(current, sourceText.replace(/^.*新建高速公路210公里.*\n/mu, ''));
    const removed = proposeMerge({ current, incoming }).items.find((i) => i.id === 'm38');
    expect(removed).toMatchObject({
      kind: 'removed',
      needsDecision: true,
      curated: { observations: 1, responsibility: true },
    });
  });
});
