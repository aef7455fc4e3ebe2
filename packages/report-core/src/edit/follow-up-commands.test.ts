import { describe, expect, it } from 'vitest';
import { contentHash } from '../hash/canonical-json.js';
import { describeNode } from '../labels/describe-node.js';
import type { Observation, Responsibility } from '../model/follow-up.js';
import type { Report } from '../model/report.js';
import { applyCommand, applyCommands } from './apply-command.js';
import { conflictingKeys } from './change-keys.js';
import type { Command } from './command-schema.js';
import { describeChange } from './describe-change.js';
import { diffReports } from './diff-reports.js';
import { summarizeDiff } from './summarize-diff.js';
import { touchedNodeIds } from './touched-node-ids.js';
import { invertCommand } from './invert-command.js';
import { restoreNodeCommands } from './restore-node.js';
import { deepFreeze, smallReport } from './small-report.fixture.js';

const obs = (id: string, value: number, date = '2024-12-31'): Observation => ({
  id,
  date,
  value,
  source: { title: '2024年乐山市统计公报', url: 'https://example.gov.cn/gb2024' },
});
const measure = (r: Report, id: string) =>
  r.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures)).find((m) => m.id === id);
const indicator = (r: Report, id: string) =>
  r.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures.flatMap((m) => m.indicators)))
    .find((i) => i.id === id);
let milestones = 0;
const responsibility = (lead: string | null, co: string[] = []): Responsibility => ({
  lead,
  co,
  deadline: '2025-12-31',
  milestones: [{ id: `ms-${(milestones += 1)}`, year: 2024, text: '完成立项', done: true }],
});

/** smallReport with two departments, m1 led by the first, m1-t1 with one observation. */
function followed(): Report {
  const done = applyCommands(smallReport(), [
    { type: 'department.add', department: { id: 'dept-jt', name: '市交通运输局' } },
    { type: 'department.add', department: { id: 'dept-fg', name: '市发展改革委' } },
    { type: 'observation.add', indicatorId: 'm1-t1', observation: obs('obs-1', 60, '2023-12-31') },
    { type: 'responsibility.set', measureId: 'm1', responsibility: responsibility('dept-jt') },
  ]);
  if (!done.ok) throw new Error(done.error.message.en);
  return deepFreeze(done.value.report);
}

const applied = (r: Report, c: Command): Report => {
  const result = applyCommand(r, c);
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value.report;
};

describe('follow-up commands apply', () => {
  it('observation.add appends, or inserts at the index given', () => {
    const r = applied(followed(), {
      type: 'observation.add',
      indicatorId: 'm1-t1',
      observation: obs('obs-0', 30, '2022-12-31'),
      index: 0,
    });
    expect(indicator(r, 'm1-t1')?.observations?.map((o) => o.id)).toEqual(['obs-0', 'obs-1']);
  });

  it('observation.update changes a value, and null removes the optional note and basis', () => {
    const noted = applied(followed(), {
      type: 'observation.update',
      id: 'obs-1',
      patch: { value: 90, basis: 'annual', note: '含在建' },
    });
    expect(indicator(noted, 'm1-t1')?.observations?.[0]).toMatchObject({
      value: 90,
      basis: 'annual',
      note: '含在建',
    });
    const cleared = applied(noted, {
      type: 'observation.update',
      id: 'obs-1',
      patch: { basis: null, note: null },
    });
    const o = indicator(cleared, 'm1-t1')?.observations?.[0];
    expect(o !== undefined && 'note' in o).toBe(false);
    expect(o !== undefined && 'basis' in o).toBe(false);
  });

  it('removing the last observation deletes the key, so the report hashes as before', () => {
    const before = smallReport();
    const added = applied(before, {
      type: 'observation.add',
      indicatorId: 'm1-t1',
      observation: obs('obs-9', 5),
    });
    const removed = applied(added, { type: 'observation.remove', id: 'obs-9' });
    expect('observations' in (indicator(removed, 'm1-t1') ?? {})).toBe(false);
    expect(contentHash(removed)).toBe(contentHash(before));
  });

  it('removing the last department deletes the list, so the report hashes as before', () => {
    const before = smallReport();
    const added = applied(before, {
      type: 'department.add',
      department: { id: 'dept-x', name: '市文广旅局' },
    });
    expect(added.departments).toEqual([{ id: 'dept-x', name: '市文广旅局' }]);
    const removed = applied(added, { type: 'department.remove', id: 'dept-x' });
    expect('departments' in removed).toBe(false);
    expect(contentHash(removed)).toBe(contentHash(before));
  });

  it('baseline.set records the baseline value of a target with a baseline, null removes it', () => {
    const set = applied(followed(), {
      type: 'baseline.set',
      indicatorId: 'm1-t2',
      observation: obs('obs-b', 100, '2021-12-31'),
    });
    expect(indicator(set, 'm1-t2')?.baseline?.observation?.value).toBe(100);
    const unset = applied(set, { type: 'baseline.set', indicatorId: 'm1-t2', observation: null });
    expect(indicator(unset, 'm1-t2')?.baseline).toEqual({ year: 2021, raw: '较2021年' });
  });

  // change-keys property test (seed -1995288232): an edit of the baseline's wording applied after
  // another editor's baseline.set dropped the value, so the two orders gave different reports.
  it('an indicator.update of the baseline wording keeps the recorded baseline value', () => {
    const set = applied(followed(), {
      type: 'baseline.set',
      indicatorId: 'm1-t2',
      observation: obs('obs-b', 100, '2021-12-31'),
    });
    const reworded = applied(set, {
      type: 'indicator.update',
      id: 'm1-t2',
      patch: { baseline: { year: 2020, raw: '较2020年' } },
    });
    expect(indicator(reworded, 'm1-t2')?.baseline).toEqual({
      year: 2020,
      raw: '较2020年',
      observation: obs('obs-b', 100, '2021-12-31'),
    });
    const removed = applied(set, {
      type: 'indicator.update',
      id: 'm1-t2',
      patch: { baseline: null },
    });
    expect(indicator(removed, 'm1-t2')?.baseline).toBeUndefined();
  });

  it('department.update renames; responsibility.set null removes the key', () => {
    const renamed = applied(followed(), {
      type: 'department.update',
      id: 'dept-jt',
      patch: { name: '乐山市交通运输局' },
    });
    expect(renamed.departments?.[0]?.name).toBe('乐山市交通运输局');
    const cleared = applied(renamed, {
      type: 'responsibility.set',
      measureId: 'm1',
      responsibility: null,
    });
    expect('responsibility' in (measure(cleared, 'm1') ?? {})).toBe(false);
  });
});

describe('follow-up commands refuse, leaving the report unchanged', () => {
  const refusals: [string, Command, string, RegExp][] = [
    [
      'an observation for an unknown target',
      { type: 'observation.add', indicatorId: 'nope', observation: obs('obs-2', 1) },
      'not-found',
      /找不到/u,
    ],
    [
      'an observation with an id already used',
      { type: 'observation.add', indicatorId: 'm1-t2', observation: obs('obs-1', 1) },
      'duplicate-id',
      /已被使用/u,
    ],
    [
      'an update of an unknown observation',
      { type: 'observation.update', id: 'obs-404', patch: { value: 1 } },
      'not-found',
      /找不到/u,
    ],
    [
      'a baseline value on a target with no baseline',
      { type: 'baseline.set', indicatorId: 'm1-t1', observation: obs('obs-3', 1) },
      'invalid-target',
      /没有基期/u,
    ],
    [
      'a department with an id already used',
      { type: 'department.add', department: { id: 'm1', name: '某局' } },
      'duplicate-id',
      /已被使用/u,
    ],
    [
      'removing a department a measure names',
      { type: 'department.remove', id: 'dept-jt' },
      'invalid-target',
      /市交通运输局”仍是举措“[^”]+”的牵头或责任单位/u,
    ],
    [
      'a responsibility naming a department not in the list',
      { type: 'responsibility.set', measureId: 'm2', responsibility: responsibility('dept-zz') },
      'not-found',
      /找不到/u,
    ],
    [
      'a responsibility on a target instead of a measure',
      { type: 'responsibility.set', measureId: 'm1-t1', responsibility: responsibility(null) },
      'invalid-target',
      /不是/u,
    ],
  ];
  it.each(refusals)('refuses %s', (_name, command, code, zh) => {
    const report = followed();
    const hash = contentHash(report);
    const result = applyCommand(report, command);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.zh).toMatch(zh);
    expect(contentHash(report)).toBe(hash);
  });

  it('refuses a milestone id already used elsewhere in the report', () => {
    const report = followed();
    const used = measure(report, 'm1')?.responsibility?.milestones[0]?.id ?? '';
    const result = applyCommand(report, {
      type: 'responsibility.set',
      measureId: 'm2',
      responsibility: {
        ...responsibility(null),
        milestones: [{ id: used, year: 2025, text: '验收', done: false }],
      },
    });
    expect(result.ok ? null : result.error.code).toBe('invalid-report');
  });

  it('refuses, on the fast path too, a new measure naming a department not in the list', () => {
    const report = followed();
    const m2 = measure(report, 'm2');
    if (m2 === undefined) throw new Error('fixture: no m2');
    const result = applyCommand(report, {
      type: 'measure.add',
      sectionId: 's2',
      measure: {
        ...m2,
        id: 'm-new',
        text: '新建一座码头。',
        responsibility: responsibility('dept-gone'),
      },
    });
    expect(result.ok ? null : result.error.code).toBe('invalid-report');
  });

  it('refuses a batch that removes a department and leaves a measure naming it', () => {
    const result = applyCommands(followed(), [
      { type: 'responsibility.set', measureId: 'm2', responsibility: responsibility('dept-fg') },
      { type: 'department.remove', id: 'dept-fg' },
    ]);
    expect(result.ok).toBe(false);
  });
});

describe('follow-up commands undo exactly', () => {
  const commands: Command[] = [
    { type: 'observation.add', indicatorId: 'm1-t1', observation: obs('obs-5', 1), index: 0 },
    { type: 'observation.update', id: 'obs-1', patch: { value: 70, note: '新' } },
    { type: 'observation.remove', id: 'obs-1' },
    { type: 'baseline.set', indicatorId: 'm1-t2', observation: obs('obs-6', 5, '2021-12-31') },
    { type: 'department.add', department: { id: 'dept-new', name: '市水务局' }, index: 0 },
    { type: 'department.update', id: 'dept-fg', patch: { name: '市发展和改革委员会' } },
    { type: 'department.remove', id: 'dept-fg' },
    { type: 'responsibility.set', measureId: 'm1', responsibility: null },
    { type: 'responsibility.set', measureId: 'm2', responsibility: responsibility('dept-fg') },
  ];
  it.each(commands.map((c) => [c.type, c] as const))('%s', (_type, command) => {
    const before = followed();
    const after = applied(before, command);
    const undone = applied(after, invertCommand(before, command));
    expect(undone).toEqual(before);
    expect(contentHash(undone)).toBe(contentHash(before));
  });
});

describe('follow-up commands conflict', () => {
  const keys = (c: Command): string[] => {
    const result = applyCommand(followed(), c);
    if (!result.ok) throw new Error(result.error.message.en);
    return result.value.keys;
  };
  it('two editors adding observations to one target do not conflict', () => {
    const a = keys({ type: 'observation.add', indicatorId: 'm1-t1', observation: obs('obs-a', 1) });
    const b = keys({ type: 'observation.add', indicatorId: 'm1-t1', observation: obs('obs-b', 2) });
    expect(conflictingKeys(a, b)).toEqual([]);
  });
  it('two editors updating the same field of one observation conflict', () => {
    const a = keys({ type: 'observation.update', id: 'obs-1', patch: { value: 1 } });
    const b = keys({ type: 'observation.update', id: 'obs-1', patch: { value: 2 } });
    expect(conflictingKeys(a, b)).toEqual(['obs-1/value']);
  });
  it('deleting a department conflicts with another editor assigning it', () => {
    const assign = keys({
      type: 'responsibility.set',
      measureId: 'm2',
      responsibility: responsibility('dept-fg'),
    });
    const remove = keys({ type: 'department.remove', id: 'dept-fg' });
    expect(conflictingKeys(assign, remove)).toEqual(['dept-fg/~']);
    expect(conflictingKeys(remove, assign)).toEqual(['dept-fg']);
  });
  it('removing an observation conflicts with editing it', () => {
    const edit = keys({ type: 'observation.update', id: 'obs-1', patch: { date: '2024-06-30' } });
    const remove = keys({ type: 'observation.remove', id: 'obs-1' });
    expect(conflictingKeys(edit, remove)).toEqual(['obs-1/date']);
  });
});

describe('follow-up commands are described, diffed and touch their nodes', () => {
  const said = (commands: Command[]): string[] => {
    const before = followed();
    const result = applyCommands(before, commands);
    if (!result.ok) throw new Error(result.error.message.en);
    return describeChange(before, result.value.report, result.value.keys);
  };
  it('names an observed value by its target, value and date', () => {
    expect(
      said([{ type: 'observation.add', indicatorId: 'm1-t1', observation: obs('obs-7', 90) }]),
    ).toEqual(['为目标“高速公路”记录实际值 90 公里（截至 2024-12-31）']);
    expect(said([{ type: 'observation.remove', id: 'obs-1' }])).toEqual([
      '删除了目标“高速公路”的实际值 60 公里（截至 2023-12-31）',
    ]);
    expect(said([{ type: 'observation.update', id: 'obs-1', patch: { value: 75 } }])).toEqual([
      '修改了目标“高速公路”的实际值，现为 75 公里（截至 2023-12-31）',
    ]);
  });
  it('names departments, baseline values and responsibility', () => {
    expect(
      said([
        { type: 'department.add', department: { id: 'dept-sw', name: '市水务局' } },
        { type: 'department.update', id: 'dept-fg', patch: { name: '市发展和改革委员会' } },
        {
          type: 'baseline.set',
          indicatorId: 'm1-t2',
          observation: obs('obs-b', 100, '2021-12-31'),
        },
        { type: 'responsibility.set', measureId: 'm2', responsibility: responsibility('dept-sw') },
      ]).sort(),
    ).toEqual(
      [
        '新增了单位“市水务局”',
        '将单位“市发展改革委”改名为“市发展和改革委员会”',
        '为目标“铁路”记录基期值 100 公里（截至 2021-12-31）',
        '修改了 第一章 · 完善路网 · “建设乐山港。” 的责任分工',
      ].sort(),
    );
    expect(said([{ type: 'department.remove', id: 'dept-fg' }])).toEqual([
      '删除了单位“市发展改革委”',
    ]);
  });
  it('shows observations, departments and responsibilities in a diff and its summary', () => {
    const before = followed();
    const result = applyCommands(before, [
      { type: 'observation.add', indicatorId: 'm1-t1', observation: obs('obs-7', 90) },
      { type: 'department.remove', id: 'dept-fg' },
      { type: 'responsibility.set', measureId: 'm1', responsibility: null },
    ]);
    if (!result.ok) throw new Error(result.error.message.en);
    const diff = diffReports(before, result.value.report);
    expect(diff.added).toEqual([
      {
        kind: 'observation',
        id: 'obs-7',
        at: { parentId: 'm1-t1', index: 1 },
        label: '90公里（截至 2024-12-31）',
      },
    ]);
    expect(diff.removed.map((r) => [r.kind, r.id])).toEqual([['department', 'dept-fg']]);
    expect(diff.edited.map((e) => [e.kind, e.id, e.field, e.after])).toEqual([
      ['measure', 'm1', 'responsibility', undefined],
    ]);
    expect(summarizeDiff(diff).message.zh).toBe('修改举措 1 项；新增实际值 1 项；删除单位 1 项');
  });
  it('touches the observation and its target, the department and the report', () => {
    const report = followed();
    expect(
      touchedNodeIds(report, {
        type: 'observation.add',
        indicatorId: 'm1-t1',
        observation: obs('obs-7', 90),
      }).sort(),
    ).toEqual(['m1-t1', 'obs-7']);
    expect(touchedNodeIds(report, { type: 'department.remove', id: 'dept-fg' }).sort()).toEqual(
      ['dept-fg', 'test-report'].sort(),
    );
    expect(
      touchedNodeIds(report, { type: 'responsibility.set', measureId: 'm2', responsibility: null }),
    ).toEqual(['m2']);
  });
});

describe('restoring an observation or a department from an earlier version', () => {
  it('re-adds a removed observation and a removed department, and undoes edits to them', () => {
    const from = followed();
    const current = applied(
      applied(applied(from, { type: 'observation.remove', id: 'obs-1' }), {
        type: 'department.remove',
        id: 'dept-fg',
      }),
      { type: 'department.update', id: 'dept-jt', patch: { name: '交通局' } },
    );
    const commands = [
      ...restoreNodeCommands(current, from, 'obs-1'),
      ...restoreNodeCommands(current, from, 'dept-fg'),
      ...restoreNodeCommands(current, from, 'dept-jt'),
    ];
    expect(commands.map((c) => c.type)).toEqual([
      'observation.add',
      'department.add',
      'department.update',
    ]);
    const restored = applyCommands(current, commands);
    expect(restored.ok && restored.value.report).toEqual(from);
  });
});

describe('describeNode names follow-up nodes, never by id', () => {
  it('names a department and an observed value', () => {
    const report = followed();
    expect(describeNode(report, 'dept-jt')).toBe('单位“市交通运输局”');
    expect(describeNode(report, 'obs-1')).toBe(
      '第一章 · 完善路网 · “力争新建高速公路210公…” · 指标“高速公路” · 实际值（2023年12月31日）',
    );
  });
});
