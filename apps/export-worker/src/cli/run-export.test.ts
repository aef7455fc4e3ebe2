import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '@leshan/report-core/hash';
import { syntheticEdition } from '../testing/synthetic-edition.js';
import type { Output } from './progress.js';
import { runExport } from './run-export.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function capture(isTTY = false): Output & { text: () => string } {
  let text = '';
  return { isTTY, write: (t) => void (text += t), text: () => text };
}

async function run(argv: string[], isTTY = false) {
  const cwd = mkdtempSync(join(tmpdir(), 'export-cli-'));
  dirs.push(cwd);
  const stdout = capture(isTTY);
  const stderr = capture();
  const code = await runExport({ argv, cwd, stdout, stderr, edition: syntheticEdition });
  return { code, cwd, stdout: stdout.text(), stderr: stderr.text() };
}

describe('runExport', () => {
  it('writes the chosen formats, printing each file with its size and sha256, leaving no temp files', async () => {
    const { code, cwd, stdout } = await run(['--format', 'pdf,csv', '--out', 'exports']);
    expect(code).toBe(0);
    const files = readdirSync(join(cwd, 'exports')).sort();
    expect(files).toEqual([
      'synthetic-ed-7.indicators.csv',
      'synthetic-ed-7.measures.csv',
      'synthetic-ed-7.pdf',
    ]);
    for (const name of files) {
      const bytes = readFileSync(join(cwd, 'exports', name));
      expect(stdout).toContain(`${name}`);
      expect(stdout).toContain(`sha256 ${sha256Hex(bytes)}`);
    }
  });

  it('exits 2 with a Chinese and English message on usage errors', async () => {
    for (const argv of [
      ['--format', 'pdf'],
      ['--format', 'gif', '--out', 'x'],
      ['--bogus'],
      ['--out', 'x', 'extra'],
    ]) {
      const { code, stderr, stdout } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toMatch(/错误 Error: .*[\u4e00-\u9fff].*\(.*[a-z].*\)/);
      expect(stdout).toBe('');
    }
  });

  it('draws a redrawn progress bar on a TTY and plain lines otherwise', async () => {
    const tty = await run(['-f', 'json,md', '-o', '.'], true);
    expect(tty.stdout).toContain('\r\x1b[2K[------------------------] 0/2 json');
    const plain = await run(['-f', 'json,md', '-o', '.']);
    expect(plain.stdout).not.toContain('\x1b');
    expect(plain.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('prints the usage with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect([code, stdout.startsWith('用法 Usage:')]).toEqual([0, true]);
  });
});
