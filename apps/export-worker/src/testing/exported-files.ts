import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Artifact } from '@leshan/report-store';

/** Every file under the output folder, as `<edition folder>/<name>`, sorted. */
export function listOutput(outDir: string): string[] {
  return readdirSync(outDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(outDir, d.name)).map((name) => `${d.name}/${name}`))
    .sort();
}

/** The artifact's file as it is on disk: does it exist with the recorded size and sha256? */
export function fileMatches(artifact: Artifact): boolean {
  const bytes = readFileSync(artifact.path);
  return (
    bytes.length === artifact.size &&
    createHash('sha256').update(bytes).digest('hex') === artifact.sha256
  );
}
