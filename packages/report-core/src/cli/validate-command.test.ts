import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy } from '../data/index.js';
import { reportStats } from '../model/index.js';
import { EXIT } from './io.js';
import { memoryIo } from './memory-io.js';
import { runCli } from './run.js';

const valid = JSON.stringify(canonicalReport);

function withDuplicateMeasureId(): string {
  const report = editableCopy(canonicalReport);
  const [first, second] = report.chapters[0]?.sections[0]?.measures ?? [];
  if (first === undefined || second === undefined) throw new Error('fixture needs two measures');
  second.id = first.id;
  report.chapters[1] = {
    ...structuredClone(report.chapters[1]),
    number: 9,
  } as (typeof report.chapters)[number];
  return JSON.stringify(report);
}

describe('report-core validate', () => {
  it('accepts a valid report file and prints its summary, exit 0', async () => {
    const io = memoryIo({ 'r.json': valid });
    expect(await runCli(['validate', 'r.json'], io)).toBe(EXIT.ok);
    const stats = reportStats(canonicalReport);
    expect(io.stdout()).toContain('有效 (valid): r.json');
    expect(io.stdout()).toContain(`${stats.measures} 举措 (measures)`);
    expect(io.stderr()).toBe('');
  });

  it('prints one `path: 中文 (English)` line per issue to stderr, exit 1', async () => {
    const io = memoryIo({ 'bad.json': withDuplicateMeasureId() });
    expect(await runCli(['validate', 'bad.json'], io)).toBe(EXIT.invalid);
    expect(io.stdout()).toBe('');
    const lines = io.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^chapters\.0\.sections\.0\.measures\.1\.id: 编号“.+”重复.* \(duplicate id ".+"/u,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^chapters\.1\.number: 第 2 章的编号应为 2.* \(chapter 2 must be numbered 2/u,
      ),
    );
    expect(lines[2]).toBe('无效 (invalid): bad.json');
  });

  it('reports a file that is not JSON in one line, exit 1', async () => {
    const io = memoryIo({ 'x.json': '{ "schemaVersion": ' });
    expect(await runCli(['validate', 'x.json'], io)).toBe(EXIT.invalid);
    expect(io.stderr()).toMatch(/^x\.json: 不是有效的 JSON \(not valid JSON: .+\)\n无效/u);
  });

  it('reports a missing file, exit 1', async () => {
    const io = memoryIo();
    expect(await runCli(['validate', 'nope.json'], io)).toBe(EXIT.invalid);
    expect(io.stderr()).toMatch(
      /^nope\.json: 无法读取文件 nope\.json \(cannot read file nope\.json\)\n/u,
    );
  });

  it('validates the shipped report with --canonical and prints its title and counts', async () => {
    const io = memoryIo();
    expect(await runCli(['validate', '--canonical'], io)).toBe(EXIT.ok);
    expect(io.stdout()).toContain(canonicalReport.meta.title);
    expect(io.stdout()).toContain(`${canonicalReport.chapters.length} 章 (chapters)`);
  });

  it('wants exactly one of a file and --canonical, exit 2', async () => {
    for (const argv of [
      ['validate'],
      ['validate', 'a.json', '--canonical'],
      ['validate', 'a.json', 'b.json'],
    ]) {
      const io = memoryIo({ 'a.json': valid, 'b.json': valid });
      expect(await runCli(argv, io)).toBe(EXIT.usage);
      expect(io.stderr()).toMatch(
        /^用法错误 \(usage error\): .+\n运行 report-core validate --help/u,
      );
      expect(io.stdout()).toBe('');
    }
  });
});
