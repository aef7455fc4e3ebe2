import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy } from '../data/index.js';
import { diffReports } from '../edit/index.js';
import type { Report } from '../model/index.js';
import { EXIT } from './io.js';
import { memoryIo } from './memory-io.js';
import { runCli } from './run.js';

/** The canonical report with one measure's text edited, one section moved, one status set. */
function edited(): Report {
  const report = editableCopy(canonicalReport);
  const chapter = report.chapters[0];
  const section = chapter?.sections[0];
  const measure = section?.measures[0];
  const other = report.chapters[1]?.sections[0]?.measures[0];
  if (
    chapter === undefined ||
    section === undefined ||
    measure === undefined ||
    other === undefined
  ) {
    throw new Error('fixture needs two chapters with measures');
  }
  measure.text = `全面${measure.text}`;
  chapter.sections.push(chapter.sections.shift() ?? section);
  other.tracking.status = 'in-progress';
  return report;
}

describe('report-core diff', () => {
  const files = { 'a.json': JSON.stringify(canonicalReport), 'b.json': JSON.stringify(edited()) };

  it('prints the summary and one patch-like line per change, exit 0', async () => {
    const io = memoryIo(files);
    expect(await runCli(['diff', 'a.json', 'b.json'], io)).toBe(EXIT.ok);
    const [summary, ...lines] = io.stdout().trimEnd().split('\n');
    expect(summary).toBe(
      '移动节 1 项；修改举措 1 项；跟踪进展变化 1 项 / 1 section moved; 1 measure edited; 1 tracking change',
    );
    const chapter = canonicalReport.chapters[0];
    const moved = chapter?.sections[0]?.id;
    const last = (chapter?.sections.length ?? 0) - 1;
    const started = canonicalReport.chapters[1]?.sections[0]?.measures[0]?.id;
    expect(lines).toEqual([
      `> section ${moved}: ${chapter?.id}[0] → ${chapter?.id}[${last}]`,
      expect.stringMatching(/^~ measure \S+ text: \{\+全面\+\}落实/u),
      `* ${started} tracking status: null → "in-progress"`,
    ]);
  });

  it('prints diffReports as JSON with --json, and "no changes" for identical reports', async () => {
    const io = memoryIo(files);
    expect(await runCli(['diff', 'a.json', 'b.json', '--json'], io)).toBe(EXIT.ok);
    expect(JSON.parse(io.stdout())).toEqual(
      JSON.parse(JSON.stringify(diffReports(canonicalReport, edited()))),
    );
    const same = memoryIo(files);
    expect(await runCli(['diff', 'a.json', 'a.json'], same)).toBe(EXIT.ok);
    expect(same.stdout()).toBe('无变化 / no changes\n');
  });

  it('refuses an invalid report with its issues on stderr, exit 1', async () => {
    const io = memoryIo({ ...files, 'bad.json': '{}' });
    expect(await runCli(['diff', 'a.json', 'bad.json'], io)).toBe(EXIT.invalid);
    expect(io.stderr()).toContain('无效 (invalid): bad.json\n');
    expect(io.stderr()).toContain('schemaVersion: ');
    expect(io.stdout()).toBe('');
  });

  it('wants exactly two files, exit 2', async () => {
    const io = memoryIo(files);
    expect(await runCli(['diff', 'a.json'], io)).toBe(EXIT.usage);
    expect(io.stderr()).toContain('give two report files');
  });
});
