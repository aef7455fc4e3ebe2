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

/** What canonicalJson leaves out of an object (and writes as null in an array). */
const skipped = (value: unknown): boolean =>
  value === undefined ||
  typeof value === 'function' ||
  typeof value === 'symbol' ||
  typeof value === 'bigint';

/**
 * Nodes this deep and deeper (a chapter, a goal, a place) are written once and their text kept;
 * the report and its top-level lists, new with every save and as large as the report, are
 * written piece by piece into the hash and never kept (issue 13: they were most of what a save
 * allocated, and kept alive long enough to be copied by the garbage collector).
 */
const KEPT_FROM_DEPTH = 2;

/** Writes the canonical JSON of `value` as a sequence of pieces. */
function write(value: unknown, depth: number, out: (piece: string) => void): void {
  if (depth >= KEPT_FROM_DEPTH || value === null || typeof value !== 'object') {
    out(encode(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out('[');
    value.forEach((item, i) => {
      if (i > 0) out(',');
      write(item, depth + 1, out);
    });
    out(']');
    return;
  }
  out('{');
  let first = true;
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (skipped(child)) continue;
    out(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    write(child, depth + 1, out);
  }
  out('}');
}

/** A report's content hash: report-core contentHash (the same digest, report-content.test.ts). */
export function reportHash(report: Report): string {
  const hash = createHash('sha256');
  write(report, 0, (piece) => hash.update(piece, 'utf8'));
  return hash.digest('hex');
}

/**
 * A report's canonical JSON and content hash: report-core's canonicalContent (the same text,
 * report-content.test.ts), each node below the top written once, hashed with Node's sha256 (the
 * same digest, several times faster than the portable one).
 */
export function reportContent(report: Report): { json: string; hash: string } {
  const pieces: string[] = [];
  write(report, 0, (piece) => pieces.push(piece));
  const json = pieces.join('');
  return { json, hash: createHash('sha256').update(json, 'utf8').digest('hex') };
}

/** replay, checked against the hash the revision recorded. */
export function replayChecked(
  report: Report,
  commands: readonly RecordedCommand[],
  expectedHash: string,
): Report | null {
  const result = replay(report, commands);
  return result !== null && reportHash(result) === expectedHash ? result : null;
}
