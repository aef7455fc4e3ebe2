import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../indicators/index.js';
import { EXIT } from './io.js';
import { memoryIo } from './memory-io.js';
import { runCli } from './run.js';

const SENTENCE = '力争新建高速公路210公里、铁路170公里。';

describe('report-core indicators', () => {
  it('prints one line per target: raw text, metric, comparator and quantity, wording', async () => {
    const io = memoryIo();
    expect(await runCli(['indicators', SENTENCE], io)).toBe(EXIT.ok);
    const lines = io.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^210公里 +新建高速公路 +新增 210公里 \(increment, equal to\) +力争 \(aspirational \(力争\)\)$/u,
    );
    expect(lines[1]).toMatch(/^170公里 +铁路 +/u);
  });

  it('prints extractIndicators as JSON with --json', async () => {
    const io = memoryIo();
    expect(await runCli(['indicators', SENTENCE, '--json'], io)).toBe(EXIT.ok);
    expect(JSON.parse(io.stdout())).toEqual(extractIndicators(SENTENCE));
  });

  it('says so when a sentence has no targets, exit 0', async () => {
    const io = memoryIo();
    expect(await runCli(['indicators', '推进教育现代化。'], io)).toBe(EXIT.ok);
    expect(io.stdout()).toBe('未找到量化指标 (no quantitative targets found)\n');
  });

  it('wants exactly one non-empty sentence, exit 2', async () => {
    for (const argv of [['indicators'], ['indicators', '  '], ['indicators', 'a', 'b']]) {
      const io = memoryIo();
      expect(await runCli(argv, io)).toBe(EXIT.usage);
      expect(io.stderr()).toContain('report-core indicators --help');
    }
  });
});
