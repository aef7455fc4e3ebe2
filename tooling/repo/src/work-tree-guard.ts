/**
 * `save` before the test run and `check` after it: the run must leave every tracked file and the
 * set of untracked files as it found them (a test run never changes a tracked file). Works with a
 * dirty tree too: only what changed during the run counts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { changedPaths, readWorkTreeState, WorkTreeStateSchema } from './work-tree.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const stateFile = join(repoRoot, 'node_modules', '.cache', 'leshan-work-tree.json');
const mode = process.argv[2];

if (mode === 'save') {
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(readWorkTreeState(repoRoot)));
} else if (mode === 'check') {
  const before = WorkTreeStateSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8')));
  const changed = changedPaths(before, readWorkTreeState(repoRoot));
  if (changed.length > 0) {
    process.stderr.write(
      `\nThe test run changed the work tree (tests must not write tracked files or leave untracked ones; ` +
        `write to a git-ignored folder instead):\n${changed.map((p) => `  ${p}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write('work tree: unchanged by the test run\n');
} else {
  process.stderr.write('usage: work-tree-guard save|check\n');
  process.exit(2);
}
