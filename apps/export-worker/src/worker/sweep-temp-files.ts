import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HOST_TAG, TEMP_FILE, TEMP_OWNER } from './place-file.js';

/** Whether a process with this id runs on this machine (EPERM: it does, as another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temporary file written on this machine by a process that no longer runs. */
function ownerIsDead(name: string): boolean {
  const owner = TEMP_OWNER.exec(name);
  if (owner === null || owner[1] !== HOST_TAG) return false;
  const pid = Number(owner[2]);
  return pid !== process.pid && !processAlive(pid);
}

/**
 * Deletes temporary files a killed worker left behind (`<outDir>/<edition>/.name~….tmp`):
 * those written on this machine by a process that is gone, and (from any machine sharing the
 * folder) any older than `olderThanMs`, since a live worker keeps a temporary file only for the
 * moments between writing and linking it. Returns the paths removed.
 */
export async function sweepTempFiles(
  outDir: string,
  olderThanMs: number,
  now: number = Date.now(),
): Promise<string[]> {
  const removed: string[] = [];
  const editions = await readdir(outDir, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  for (const edition of editions) {
    if (!edition.isDirectory()) continue;
    const dir = join(outDir, edition.name);
    for (const name of await readdir(dir)) {
      if (!TEMP_FILE.test(name)) continue;
      const file = join(dir, name);
      const info = await stat(file).catch(() => null);
      if (info === null) continue;
      if (now - info.mtimeMs < olderThanMs && !ownerIsDead(name)) continue;
      await rm(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}
