import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What git reports as changed or untracked, with a digest of each such file's content. */
export const WorkTreeStateSchema = z.record(z.string(), z.string());
export type WorkTreeState = z.infer<typeof WorkTreeStateSchema>;

function digest(path: string): string {
  if (!existsSync(path)) return 'deleted';
  if (lstatSync(path).isDirectory()) return 'directory';
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The work tree's state against HEAD: every changed or untracked (not ignored) path and its content digest. */
export function readWorkTreeState(repoRoot: string): WorkTreeState {
  const status = execFileSync(
    'git',
    ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const state: WorkTreeState = {};
  for (const entry of status.split('\0')) {
    if (entry.length < 4) continue;
    const path = entry.slice(3);
    state[path] = `${entry.slice(0, 2)} ${digest(join(repoRoot, path))}`;
  }
  return state;
}

/** The paths whose state differs between two readings, sorted. */
export function changedPaths(before: WorkTreeState, after: WorkTreeState): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((p) => before[p] !== after[p]).sort();
}
