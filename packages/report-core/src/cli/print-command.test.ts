import { describe, expect, it } from 'vitest';
import { canonicalReport, sourceText } from '../data/index.js';
import { EXIT } from './io.js';
import { memoryIo } from './memory-io.js';
import { runCli } from './run.js';

describe('report-core print', () => {
  it('prints the canonical report as JSON that parses back to it', async () => {
    const io = memoryIo();
    expect(await runCli(['print'], io)).toBe(EXIT.ok);
    expect(JSON.parse(io.stdout())).toEqual(canonicalReport);
  });

  it('prints the embedded source copy byte for byte with --source', async () => {
    const io = memoryIo();
    expect(await runCli(['print', '--source'], io)).toBe(EXIT.ok);
    expect(io.stdout()).toBe(sourceText);
  });

  it('refuses a file argument, exit 2', async () => {
    const io = memoryIo();
    expect(await runCli(['print', 'report.json'], io)).toBe(EXIT.usage);
    expect(io.stderr()).toContain('print takes no file argument');
  });
});
