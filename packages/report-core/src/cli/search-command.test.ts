import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy } from '../data/index.js';
import { createSearchIndex, search } from '../search/index.js';
import { EXIT } from './io.js';
import { memoryIo } from './memory-io.js';
import { runCli } from './run.js';

describe('report-core search', () => {
  it('prints ranked hits of the canonical report with matches in 【】', async () => {
    const io = memoryIo();
    expect(await runCli(['search', '旅游', '--limit', '3'], io)).toBe(EXIT.ok);
    const lines = io.stdout().trimEnd().split('\n');
    const hits = search(createSearchIndex(canonicalReport), '旅游', { limit: 3 });
    expect(lines).toHaveLength(hits.length);
    lines.forEach((line, i) => {
      expect(line).toContain(hits[i]?.nodeId);
      expect(line).toContain('【旅游】');
    });
  });

  it('searches a report file given with --file and prints JSON with --json', async () => {
    const report = editableCopy(canonicalReport);
    report.ideology.text = `${report.ideology.text}建设月球基地。`;
    const io = memoryIo({ 'r.json': JSON.stringify(report) });
    expect(await runCli(['search', '月球基地', '--file', 'r.json', '--json'], io)).toBe(EXIT.ok);
    const hits = JSON.parse(io.stdout()) as { nodeId: string }[];
    expect(hits.map((h) => h.nodeId)).toEqual(['ideology']);
  });

  it('says so when nothing matches, exit 0', async () => {
    const io = memoryIo();
    // No word of 量子纠缠 is in the report (月球基地 would find 基地: a phrase is split into words).
    expect(await runCli(['search', '量子纠缠'], io)).toBe(EXIT.ok);
    expect(io.stdout()).toBe('没有命中 (no hits)\n');
  });

  it('refuses a bad --limit or an empty query, exit 2', async () => {
    for (const argv of [
      ['search', '旅游', '--limit', 'x'],
      ['search', '旅游', '--limit', '0'],
      ['search', ''],
    ]) {
      const io = memoryIo();
      expect(await runCli(argv, io)).toBe(EXIT.usage);
      expect(io.stderr()).toContain('report-core search --help');
    }
  });

  it('refuses an invalid report file, exit 1', async () => {
    const io = memoryIo({ 'bad.json': 'not json' });
    expect(await runCli(['search', '旅游', '--file', 'bad.json'], io)).toBe(EXIT.invalid);
    expect(io.stderr()).toMatch(/^bad\.json: 不是有效的 JSON/u);
  });
});
