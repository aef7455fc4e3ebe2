import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_FILE } from './place-file.js';

/**
 * Deletes temporary files a killed worker left behind (`<outDir>/<edition>/.name.….tmp`).
 * A live worker keeps a temporary file only for the milliseconds between writing and linking
 * it, so any older than `olderThanMs` belongs to a dead one. Returns the paths removed.
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
      if (info === null || now - info.mtimeMs < olderThanMs) continue;
      await rm(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}
