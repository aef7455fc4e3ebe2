import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';

/** What is wrong with a recorded file, or null when it is what was recorded. */
export type FileFault = 'missing' | 'unreadable' | 'size differs' | 'sha256 differs' | null;

/** A file as last verified: while its identity and times stay, it is not read again. */
interface Verified {
  key: string;
  sha256: string;
}

const identity = (stats: Stats): string =>
  [stats.dev, stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs].join(':');

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  // The stream closes itself on end and on error; the for-await surfaces the error.
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Checks files against their recorded size and sha256. A file is hashed the first time it is
 * seen and again only when its inode, size, mtime or ctime change (ctime cannot be set back by
 * a writer), so a pass over thousands of unchanged files costs one stat each.
 */
export function fileChecker(): {
  check(path: string, size: number, sha256: string): Promise<FileFault>;
  hashed: () => number;
} {
  const verified = new Map<string, Verified>();
  let hashed = 0;
  return {
    hashed: () => hashed,
    async check(path, size, sha256) {
      let stats: Stats;
      try {
        stats = await stat(path);
      } catch (error) {
        verified.delete(path);
        return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
      }
      if (!stats.isFile()) return 'unreadable';
      if (stats.size !== size) return 'size differs';
      const key = identity(stats);
      const known = verified.get(path);
      if (known?.key === key && known.sha256 === sha256) return null;
      let actual: string;
      try {
        actual = await hashFile(path);
        hashed += 1;
      } catch (_error) {
        verified.delete(path);
        return 'unreadable';
      }
      if (actual !== sha256) {
        verified.delete(path);
        return 'sha256 differs';
      }
      verified.set(path, { key, sha256 });
      return null;
    },
  };
}
