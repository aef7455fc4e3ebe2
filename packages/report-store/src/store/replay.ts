import type { Report } from '@leshan/report-core/model';
import { applyCommands } from '@leshan/report-core/edit';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@leshan/report-core/hash';
import type { RecordedCommand } from '../schemas/draft-schemas.js';

/** A revision stores a full report only every SNAPSHOT_EVERY revisions (and for seed, restore, import). */
export const SNAPSHOT_EVERY = 50;

/** Whether revision `number` of `kind` is written with its full report. */
export function isSnapshot(number: number, kind: string): boolean {
  return kind !== 'edit' || number % SNAPSHOT_EVERY === 0;
}

/**
 * The report after `commands` (recorded report-core commands of edit revisions, in order) on
 * `report`; null when they no longer apply the way they did.
 */
export function replay(report: Report, commands: readonly RecordedCommand[]): Report | null {
  if (commands.length === 0) return report;
  const applied = applyCommands(report, commands);
  return applied.ok ? applied.value.report : null;
}

/**
 * A report's canonical JSON and content hash: report-core's canonicalContent, with Node's sha256
 * (the same digest, several times faster than the portable one on every save).
 */
export function reportContent(report: Report): { json: string; hash: string } {
  const json = canonicalJson(report);
  return { json, hash: createHash('sha256').update(json, 'utf8').digest('hex') };
}

/** replay, checked against the hash the revision recorded. */
export function replayChecked(
  report: Report,
  commands: readonly RecordedCommand[],
  expectedHash: string,
): Report | null {
  const result = replay(report, commands);
  return result !== null && reportContent(result).hash === expectedHash ? result : null;
}
