import type { Report } from '@leshan/report-core/model';
import { applyCommands } from '@leshan/report-core/edit';
import { createHash } from 'node:crypto';
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

// The canonical JSON of each object and array already written: reports are never changed in
// place and an edit shares every node it does not change, so a save writes only its path anew.
const written = new WeakMap<object, string>();

/** report-core canonicalJson (keys sorted, undefined dropped, non-finite numbers null), memoized. */
function encode(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      return undefined;
  }
  const known = written.get(value);
  if (known !== undefined) return known;
  let json: string;
  if (Array.isArray(value)) {
    json = `[${value.map((item) => encode(item) ?? 'null').join(',')}]`;
  } else {
    const parts: string[] = [];
    // Default sort: UTF-16 code-unit order, as canonicalJson.
    for (const key of Object.keys(value).sort()) {
      const child = encode((value as Record<string, unknown>)[key]);
      if (child !== undefined) parts.push(`${JSON.stringify(key)}:${child}`);
    }
    json = `{${parts.join(',')}}`;
  }
  written.set(value, json);
  return json;
}

/**
 * A report's canonical JSON and content hash: report-core's canonicalContent (the same text,
 * report-content.test.ts), written once per node and hashed with Node's sha256 (the same digest,
 * several times faster than the portable one on every save).
 */
export function reportContent(report: Report): { json: string; hash: string } {
  const json = encode(report) ?? 'null';
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
