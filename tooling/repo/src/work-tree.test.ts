import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedPaths, readWorkTreeState } from './work-tree.js';

let repo = '';
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'work-tree-'));
  git('init', '-q');
  writeFileSync(join(repo, '.gitignore'), 'ignored/\n');
  writeFileSync(join(repo, 'tracked.md'), 'one\n');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-qm', 'init');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('work-tree guard', () => {
  it('sees nothing on a clean tree and nothing for writes under an ignored folder', () => {
    const before = readWorkTreeState(repo);
    expect(before).toEqual({});
    execFileSync('mkdir', ['-p', join(repo, 'ignored')]);
    writeFileSync(join(repo, 'ignored', 'figures.json'), '{}');
    expect(changedPaths(before, readWorkTreeState(repo))).toEqual([]);
  });

  it('names a tracked file a run rewrote and a file it left behind', () => {
    const before = readWorkTreeState(repo);
    writeFileSync(join(repo, 'tracked.md'), 'two\n');
    writeFileSync(join(repo, 'left-behind.txt'), 'x');
    expect(changedPaths(before, readWorkTreeState(repo))).toEqual([
      'left-behind.txt',
      'tracked.md',
    ]);
  });

  it('counts only what changed during the run when the tree was already dirty', () => {
    writeFileSync(join(repo, 'tracked.md'), 'edited by the developer\n');
    const before = readWorkTreeState(repo);
    expect(changedPaths(before, readWorkTreeState(repo))).toEqual([]);
    writeFileSync(join(repo, 'tracked.md'), 'rewritten by a test\n');
    expect(changedPaths(before, readWorkTreeState(repo))).toEqual(['tracked.md']);
  });
});
