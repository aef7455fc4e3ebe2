import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

/**
 * Zip entries store local wall-clock time (DOS format) and fflate reads the Date's local fields,
 * so build a Date whose local fields are the instant's UTC fields: the bytes then do not depend
 * on the machine's time zone.
 */
export function dosTime(iso: string): Date {
  const at = new Date(iso);
  return new Date(
    Math.max(1980, at.getUTCFullYear()),
    at.getUTCMonth(),
    at.getUTCDate(),
    at.getUTCHours(),
    at.getUTCMinutes(),
    at.getUTCSeconds(),
  );
}

/** A file inside a zip: its path and bytes. */
export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

/** A zip of the entries in the given order, every entry stamped with the same time. */
export function zipDeterministic(entries: readonly ZipEntry[], mtimeIso: string): Uint8Array {
  const mtime = dosTime(mtimeIso);
  const files: Zippable = {};
  for (const entry of entries) files[entry.path] = [entry.bytes, { mtime, level: 6 }];
  return zipSync(files);
}
