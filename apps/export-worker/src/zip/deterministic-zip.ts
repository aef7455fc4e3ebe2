import { unzipSync } from 'fflate';
import { zipDeterministic } from '@leshan/report-core/sheet';

// dosTime and zipDeterministic moved to report-core/sheet (the XLSX writer's home since issue 18).
export { dosTime, zipDeterministic } from '@leshan/report-core/sheet';
export type { ZipEntry } from '@leshan/report-core/sheet';

/**
 * Re-packs a zip made by a library that stamps entries with the current time (docx zips with
 * JSZip and no date option), keeping entry order, after letting `transform` fix
 * timestamps inside the XML parts.
 */
export function rezipDeterministic(
  zip: Uint8Array,
  mtimeIso: string,
  transform: (path: string, bytes: Uint8Array) => Uint8Array = (_path, bytes) => bytes,
): Uint8Array {
  const entries = Object.entries(unzipSync(zip)).map(([path, bytes]) => ({
    path,
    bytes: transform(path, bytes),
  }));
  return zipDeterministic(entries, mtimeIso);
}
