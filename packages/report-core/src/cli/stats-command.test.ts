import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy } from '../data/index.js';
import { reportStats } from '../model/index.js';
import { EXIT } from './io.js';
import { memoryIo } from './memory-io.js';
import { runCli } from './run.js';

/** The canonical report cut down to its first chapter: a small valid report with other counts. */
function firstChapterOnly(): string {
  const report = editableCopy(canonicalReport);
  report.chapters = report.chapters.slice(0, 1);
  const kept = new Set([
    ...report.goals.map((g) => g.id),
    report.ideology.id,
    ...report.places.map((p) => p.id),
    ...report.chapters.flatMap((c) => [
      c.id,
      ...c.sections.flatMap((s) => [s.id, ...s.measures.map((m) => m.id)]),
    ]),
  ]);
  report.notes = report.notes.filter((n) => n.nodeIds.every((id) => kept.has(id)));
  return JSON.stringify(report);
}

describe('report-core stats', () => {
  it('prints a labelled count per kind of node of the canonical report', async () => {
    const io = memoryIo();
    expect(await runCli(['stats'], io)).toBe(EXIT.ok);
    const stats = reportStats(canonicalReport);
    const lines = io.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(new RegExp(`^章 \\(chapters\\) +${stats.chapters}$`, 'u'));
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^举措 \\(measures\\) +${stats.measures}$`, 'u')),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^编辑说明 \\(editorial notes\\) +${stats.notes}$`, 'u')),
    );
  });

  it('prints reportStats as JSON with --json', async () => {
    const io = memoryIo();
    expect(await runCli(['stats', '--json'], io)).toBe(EXIT.ok);
    expect(JSON.parse(io.stdout())).toEqual(reportStats(canonicalReport));
  });

  it('counts a report file given with --file', async () => {
    const io = memoryIo({ 'one.json': firstChapterOnly() });
    expect(await runCli(['stats', '--file', 'one.json', '--json'], io)).toBe(EXIT.ok);
    const stats = JSON.parse(io.stdout()) as { chapters: number; measures: number };
    expect(stats.chapters).toBe(1);
    expect(stats.measures).toBe(
      canonicalReport.chapters[0]?.sections.reduce((n, s) => n + s.measures.length, 0),
    );
  });

  it('refuses an invalid report file with its issues on stderr, exit 1', async () => {
    const io = memoryIo({ 'bad.json': '{"schemaVersion": 2}' });
    expect(await runCli(['stats', '--file', 'bad.json'], io)).toBe(EXIT.invalid);
    expect(io.stderr()).toContain('schemaVersion: ');
    expect(io.stdout()).toBe('');
  });
});
