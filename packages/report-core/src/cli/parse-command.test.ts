import { describe, expect, it } from 'vitest';
import { sourceText } from '../data/index.js';
import { parseReportText } from '../parse/index.js';
import { EXIT } from './io.js';
import { memoryIo } from './memory-io.js';
import { runCli } from './run.js';

// The source's front matter and first measures, then its first heading again: one warning, no error.
const warningsOnly = [
  ...sourceText.split('\n').slice(0, 41),
  '建设区域综合交通枢纽',
  '',
  '建设示例工程，推进示例项目。',
  '',
].join('\n');

describe('report-core parse', () => {
  it('prints the diagnostics table of the shipped source, exit 1 because it has errors', async () => {
    const io = memoryIo({ 'source.txt': sourceText });
    const { diagnostics } = parseReportText(sourceText, { file: 'source.txt' });
    expect(await runCli(['parse', 'source.txt'], io)).toBe(EXIT.invalid);
    expect(io.stdout()).toContain('级别 severity');
    expect(io.stdout()).toContain(`${diagnostics.length} 条诊断 diagnostics`);
    for (const d of diagnostics) expect(io.stdout()).toContain(d.code);
  });

  it('prints the parsed report as JSON with --json and counts diagnostics on stderr', async () => {
    const io = memoryIo({ 'source.txt': sourceText });
    await runCli(['parse', 'source.txt', '--json'], io);
    const { report, diagnostics } = parseReportText(sourceText, { file: 'source.txt' });
    expect(JSON.parse(io.stdout())).toEqual(report);
    expect(io.stderr()).toContain(`(${diagnostics.length} diagnostics,`);
  });

  it('exits 0 when the diagnostics are warnings only', async () => {
    const io = memoryIo({ 'warn.txt': warningsOnly });
    expect(
      await runCli(
        ['parse', 'warn.txt', '--issuer', '乐山市人民政府', '--period', '2022-2026'],
        io,
      ),
    ).toBe(EXIT.ok);
    expect(io.stdout()).toContain('duplicate-heading');
    expect(io.stdout()).toContain('1 条诊断 diagnostics');
  });

  it('issue 17: takes the metadata the text lacks from options, and reports a bad one', async () => {
    const io = memoryIo({ 'warn.txt': warningsOnly });
    await runCli(
      ['parse', 'warn.txt', '--json', '--issuer', '某市人民政府', '--period', '2023'],
      io,
    );
    const report = JSON.parse(io.stdout()) as { meta: { issuer: string; period: unknown } };
    expect(report.meta).toMatchObject({
      issuer: '某市人民政府',
      period: { start: 2023, end: 2023 },
    });
    const bad = memoryIo({ 'warn.txt': warningsOnly });
    expect(await runCli(['parse', 'warn.txt', '--period', 'soon'], bad)).toBe(EXIT.usage);
    expect(bad.stderr()).toContain('period');
  });

  it('reports an unreadable file on stderr, exit 1, and a missing argument as usage, exit 2', async () => {
    const io = memoryIo();
    expect(await runCli(['parse', 'nope.txt'], io)).toBe(EXIT.invalid);
    expect(io.stderr()).toBe('nope.txt: 无法读取文件 nope.txt (cannot read file nope.txt)\n');
    expect(await runCli(['parse'], memoryIo())).toBe(EXIT.usage);
  });
});
