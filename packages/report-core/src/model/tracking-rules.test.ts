import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { applyCommand, applyCommands } from '../edit/apply-command.js';
import type { Command } from '../edit/command-schema.js';
import { invertCommand } from '../edit/invert-command.js';
import { smallReport } from '../edit/small-report.fixture.js';
import type { Report } from './report.js';
import { currentTracking, hasRealHost } from './tracking-rules.js';
import type { ProgressUpdate } from './tracking.js';
import { validateReport } from './validate.js';

const now = new Date('2024-06-01T04:00:00Z');
const add = (update: Omit<ProgressUpdate, 'note'> & { note?: string }): Command => ({
  type: 'progress.add',
  measureId: 'm1',
  update: { note: '有进展。', ...update },
});
function apply(commands: readonly Command[], report: Report = smallReport()): Report {
  const applied = applyCommands(report, commands, { now });
  if (!applied.ok) throw new Error(applied.error.message.zh);
  return applied.value.report;
}
function refusal(commands: readonly Command[], report: Report = smallReport()): string {
  const applied = applyCommands(report, commands, { now });
  if (applied.ok) throw new Error('accepted');
  return applied.error.message.zh;
}
const m1 = (r: Report) => r.chapters[0]?.sections[0]?.measures[0];

describe('tracking rules (issue 13 point 6)', () => {
  it('keeps the latest update’s state when an older one is backfilled', () => {
    const r = apply([
      add({ id: 'u2', date: '2024-05-01', status: 'in-progress', progress: 60 }),
      add({ id: 'u3', date: '2023-01-15', status: 'in-progress', progress: 10 }),
    ]);
    expect(m1(r)?.tracking.updates.map((u) => u.id)).toEqual(['u3', 'u1', 'u2']);
    expect(m1(r)?.tracking).toMatchObject({ status: 'in-progress', progress: 60 });
    const measure = m1(r);
    if (measure) expect(currentTracking(measure)).toEqual({ status: 'in-progress', progress: 60 });
  });

  it('lets a note-only update leave the state alone, and removing the latest falls back', () => {
    const r = apply([add({ id: 'u2', date: '2024-05-01' })]);
    expect(m1(r)?.tracking).toMatchObject({ status: 'in-progress', progress: 20 });
    const done = apply(
      [add({ id: 'u4', date: '2024-05-02', status: 'completed', progress: 100 })],
      r,
    );
    expect(m1(done)?.tracking).toMatchObject({ status: 'completed', progress: 100 });
    expect(m1(apply([{ type: 'progress.remove', id: 'u4' }], done))?.tracking).toMatchObject({
      status: 'in-progress',
      progress: 20,
    });
  });

  it('refuses a progress without a status, and 100 % that is not completed, in Chinese', () => {
    expect(refusal([add({ id: 'u2', date: '2024-05-01', progress: 40 })])).toContain(
      '填写了进度 40%，但没有选择状态',
    );
    expect(
      refusal([add({ id: 'u2', date: '2024-05-01', progress: 100, status: 'delayed' })]),
    ).toContain('进度 100% 表示已完成');
    expect(
      refusal([add({ id: 'u2', date: '2024-05-01', progress: 50, status: 'completed' })]),
    ).toContain('状态为“已完成”时进度应为 100%');
  });

  it('derives a status from a progress set alone, and refuses to override the latest update', () => {
    const r = apply([{ type: 'tracking.set', measureId: 'm2', progress: 100 }]);
    expect(r.chapters[0]?.sections[0]?.measures[1]?.tracking).toMatchObject({
      status: 'completed',
      progress: 100,
    });
    expect(refusal([{ type: 'tracking.set', measureId: 'm1', progress: 80 }])).toContain(
      '应取自日期最晚的一条进展记录',
    );
  });

  it('refuses update dates outside the period or in the future (in Asia/Shanghai)', () => {
    expect(refusal([add({ id: 'u2', date: '2021-12-31', status: 'in-progress' })])).toContain(
      '不在报告的规划期（2022–2026 年）内',
    );
    expect(refusal([add({ id: 'u2', date: '2024-06-02', status: 'in-progress' })])).toContain(
      '晚于今天（2024-06-01）',
    );
    // 2024-06-01 20:00 UTC is already 2024-06-02 in Shanghai.
    const late = applyCommand(
      smallReport(),
      add({ id: 'u2', date: '2024-06-02', status: 'in-progress' }),
      {
        now: new Date('2024-06-01T20:00:00Z'),
      },
    );
    expect(late.ok).toBe(true);
  });

  it('wants an evidence URL with a real host', () => {
    for (const bad of [
      'http://x',
      'http://localhost/a',
      'https://127.0.0.1/',
      'https://a..b',
      'ftp://a.cn',
      // Regression (e2e "refuses an evidence link that names no real host"): URL reads these
      // shorthands as IPv4 addresses (1.0.0.2, 127.0.0.1, 127.0.0.1), so they passed.
      'https://1.2/x',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://1.2.3/',
    ])
      expect(hasRealHost(bad), bad).toBe(false);
    for (const good of [
      'https://www.leshan.gov.cn/a?b=1',
      'http://10.2.3.4:8080/x',
      'https://[2001:db8::1]/',
      'https://user@8.8.8.8:443/a',
      'https://123.example.cn/',
      'https://1e.de/',
    ])
      expect(hasRealHost(good), good).toBe(true);
    expect(
      refusal([
        add({ id: 'u2', date: '2024-05-01', status: 'in-progress', evidenceUrl: 'http://x' }),
      ]),
    ).toContain('佐证链接须是 http 或 https 开头、带真实域名或 IP 地址的网址');
  });

  it('undoes the first status update of a measure back to its own state', () => {
    const before = apply([
      { type: 'tracking.set', measureId: 'm2', status: 'delayed', progress: 30 },
    ]);
    const command: Command = {
      type: 'progress.add',
      measureId: 'm2',
      update: { id: 'u5', date: '2024-01-01', note: '恢复。', status: 'in-progress', progress: 50 },
    };
    const after = apply([command], before);
    expect(apply([invertCommand(before, command)], after)).toEqual(before);
  });

  it('names a stored report’s broken state at validation, yet lets other measures be edited', () => {
    const legacy = structuredClone(smallReport());
    const m2 = legacy.chapters[0]?.sections[0]?.measures[1];
    if (m2) m2.tracking = { status: null, progress: 40, updates: [] };
    const checked = validateReport(legacy, { now });
    expect(checked.ok ? [] : checked.issues.map((i) => i.path)).toEqual([
      'chapters.0.sections.0.measures.1.tracking.status',
    ]);
    expect(
      applyCommand(legacy, { type: 'measure.update', id: 'm3', patch: { places: [] } }).ok,
    ).toBe(true);
  });

  it('leaves the canonical report valid', () => {
    expect(validateReport(canonicalReport).ok).toBe(true);
  });
});
