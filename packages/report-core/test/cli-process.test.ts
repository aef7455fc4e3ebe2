import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalReport, reportStats } from '../src/index.js';
import { STACK_LINE, runProcess } from './helpers/run-process.js';

// The CLI from source, as a user's shell runs it: real argv, real files, real exit codes.
// The built bin is run the same way by test/packaging.test.ts, from the installed tarball.
const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = (...args: string[]) =>
  runProcess(tsx, [join(root, 'src/cli.ts'), ...args], { cwd: root });

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'report-core-cli-'));
  writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 1, "id": "Not An Id"}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test starts a tsx process: generous timeouts, as the machine is shared.
describe('report-core from source (tsx src/cli.ts)', { timeout: 90_000 }, () => {
  it('validates the canonical report, exit 0', async () => {
    const result = await cli('validate', '--canonical');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(canonicalReport.meta.title);
  });

  it('lists every issue of an invalid file on its own line, exit 1, no stack trace', async () => {
    const result = await cli('validate', join(dir, 'broken.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^id: 编号只能由小写字母.* \(id must be lower-case/mu);
    expect(result.stderr).toMatch(/^meta: .+ \(.+\)$/mu);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_LINE);
  });

  it('reports a missing file in one line, exit 1, no stack trace', async () => {
    const result = await cli('validate', join(dir, 'missing.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^${join(dir, 'missing.json').replace(/[.]/gu, '\\.')}: 文件不存在 \\(no such file\\)\n`,
        'u',
      ),
    );
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('exits 2 on a usage error', async () => {
    const result = await cli('stats', '--file');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('用法错误 (usage error)');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('prints stats as JSON that match reportStats', async () => {
    const result = await cli('stats', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(reportStats(canonicalReport));
  });

  it('issue 16: prints the package version on --version', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await cli('--version')).toMatchObject({
      code: 0,
      stdout: `${pkg.version}\n`,
      stderr: '',
    });
  });

  it('issue 16: stops quietly when the reader closes the pipe (print | head -c 1), no EPIPE stack', async () => {
    const result = await runProcess(
      'sh',
      ['-c', `"${tsx}" "${join(root, 'src/cli.ts')}" print | head -c 1; echo " done"`],
      { cwd: root },
    );
    expect(result.stdout).toBe('{ done\n');
    expect(result.stderr).toBe('');
  });

  it('issue 16: reads standard input for -', async () => {
    writeFileSync(join(dir, 'report.json'), JSON.stringify(canonicalReport));
    const result = await runProcess(
      'sh',
      ['-c', `"${tsx}" "${join(root, 'src/cli.ts')}" validate - < "${join(dir, 'report.json')}"`],
      { cwd: root },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('有效 (valid): 标准输入 (stdin)');
  });
});
