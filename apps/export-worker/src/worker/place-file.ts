import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '@leshan/report-core/hash';

/** Temporary files are dot-files ending in .tmp: never an artifact name, hidden from listings. */
export const TEMP_FILE = /^\..+\.tmp$/;

/** This machine's name as it appears in temporary file names (letters, digits and '-'). */
export const HOST_TAG =
  hostname()
    .replace(/[^A-Za-z0-9-]/g, '-')
    .slice(0, 63) || 'host';

/**
 * `.<name>~<host>~<pid>~<random>.tmp`: who wrote a temporary file, so that a worker starting
 * on the same machine can tell the leftovers of a killed process from a live one's files.
 */
export const TEMP_OWNER = /~([A-Za-z0-9-]+)~(\d+)~[0-9a-f]+\.tmp$/;

export function tempFileName(name: string): string {
  return `.${name}~${HOST_TAG}~${process.pid}~${randomBytes(6).toString('hex')}.tmp`;
}

export type Placement =
  /** The file was not there; ours is now, complete. */
  | 'written'
  /** The same bytes were already there (an earlier attempt got this far); left untouched. */
  | 'present'
  /** Different bytes were there and `mayReplace` allowed replacing them. */
  | 'replaced'
  /** Different bytes are there and stay: `mayReplace` said no. */
  | 'kept-existing';

async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// The rename/link itself is only durable once the folder's entry list reaches the disk.
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Puts `bytes` at `dir/name` so that no reader ever sees a partial file: the bytes are written
 * and fsynced under a temporary name in the same folder, then hard-linked to the final name.
 * Unlike rename, link never replaces an existing file, so a served file is never overwritten by
 * accident; only when the existing bytes differ and `mayReplace()` (the caller still holds the
 * job's lease) agrees is it replaced, atomically, by rename.
 */
export async function placeFile(
  dir: string,
  name: string,
  bytes: Uint8Array,
  mayReplace: () => Promise<boolean>,
): Promise<{ path: string; placement: Placement }> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  const temp = join(dir, tempFileName(name));
  try {
    await writeDurably(temp, bytes);
    let placement: Placement = 'written';
    try {
      await link(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Issue 12: an existing file that cannot be read is replaced like one with other bytes.
      const existing = await readFile(path).catch(() => null);
      if (existing !== null && sha256Hex(existing) === sha256Hex(bytes)) placement = 'present';
      else if (await mayReplace()) {
        // Something that is not a file (a folder) in the file's place goes first.
        if (existing === null && !(await stat(path)).isFile()) await rm(path, { recursive: true });
        await rename(temp, path);
        placement = 'replaced';
      } else placement = 'kept-existing';
    }
    await syncDir(dir);
    return { path, placement };
  } finally {
    await rm(temp, { force: true });
  }
}
