/**
 * Regression test for issue 20 ("Turbo replays passes for broken code"): typecheck, lint and test
 * had `dependsOn: []` and tsconfig.base.json was in no task's hash, so after giving a report-core
 * function a required parameter `turbo run typecheck --filter=admin` was a cache hit while tsc failed.
 *
 * It works on a copy of the repository (the files git tracks or would track, as they are in the
 * work tree) with its own turbo cache, so it never touches this checkout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const repoRoot = resolve(import.meta.dirname, '../../..');
let copy = '';

function copyRepository(to: string): void {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  for (const file of listed.split('\0')) {
    if (file === '') continue;
    const target = join(to, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      cpSync(join(repoRoot, file), target);
    } catch (error) {
      // A tracked file deleted in the work tree is simply not part of the copy.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

function run(command: string, args: string[]): { status: number; output: string } {
  const result = spawnSync(command, args, {
    cwd: copy,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function turbo(...args: string[]) {
  return run('pnpm', ['exec', 'turbo', 'run', ...args, '--cache-dir=.turbo-test-cache']);
}

const DryRunSchema = z.object({
  tasks: z.array(z.object({ taskId: z.string(), hash: z.string() })),
});

/** The hash turbo gives a task, without running anything. */
function taskHash(task: string, filter: string): string {
  const { status, output } = turbo(task, `--filter=${filter}`, '--dry=json');
  expect(status, output).toBe(0);
  const start = output.indexOf('{');
  const dry = DryRunSchema.parse(JSON.parse(output.slice(start)));
  const found = dry.tasks.find((t) => t.taskId === `${filter}#${task}`);
  if (found === undefined) throw new Error(`no ${filter}#${task} in the dry run`);
  return found.hash;
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(copy, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
}

describe('turbo cache follows the code', () => {
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'leshan-cache-test-'));
    copyRepository(copy);
    for (const args of [
      ['init', '-q'],
      ['add', '-A'],
      [
        '-c',
        'user.name=cache test',
        '-c',
        'user.email=cache@test.invalid',
        'commit',
        '-qm',
        'copy',
      ],
    ])
      execFileSync('git', args, { cwd: copy, stdio: 'ignore' });
    const install = run('pnpm', ['install', '--offline', '--frozen-lockfile']);
    expect(install.status, install.output).toBe(0);
  });

  afterAll(() => {
    if (copy !== '') rmSync(copy, { recursive: true, force: true });
  });

  it("re-runs and fails admin's typecheck after report-core's exported types change", () => {
    const first = turbo('typecheck', '--filter=admin');
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/admin:typecheck: cache miss/);

    const replay = turbo('typecheck', '--filter=admin');
    expect(replay.status, replay.output).toBe(0);
    expect(replay.output).toMatch(/admin:typecheck: cache hit/);

    // A required parameter that no caller passes: every call in the admin is now a type error.
    edit('packages/report-core/src/model/validate.ts', (text) =>
      text.replace(
        'export function validateReport(\n  value: unknown,',
        'export function validateReport(\n  value: unknown,\n  _strictness: number,',
      ),
    );
    const broken = turbo('typecheck', '--filter=admin');
    expect(broken.output).toMatch(/admin:typecheck: cache miss/);
    expect(broken.output).toMatch(/error TS2554/);
    expect(broken.status).not.toBe(0);
  });

  it('gives a new hash to every check when tsconfig.base.json changes', () => {
    const before = ['typecheck', 'lint', 'test'].map((task) => taskHash(task, 'viewer'));
    edit('tsconfig.base.json', (text) =>
      text.replace(
        '"noImplicitOverride": true',
        '"noImplicitOverride": true, "noUnusedLabels": true',
      ),
    );
    const after = ['typecheck', 'lint', 'test'].map((task) => taskHash(task, 'viewer'));
    after.forEach((hash, i) => expect(hash).not.toBe(before[i]));
  });

  it("gives a new hash to the export worker's tests when report-store changes", () => {
    const before = taskHash('test', 'export-worker');
    edit('packages/report-store/src/index.ts', (text) => `${text}\n// changed by the cache test\n`);
    expect(taskHash('test', 'export-worker')).not.toBe(before);
  });
});
