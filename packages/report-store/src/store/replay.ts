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

/** report-core canonicalJson of a scalar; undefined for what an object leaves out. */
function encodeScalar(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'string':
      return JSON.stringify(value);
    case 'object':
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  return undefined;
}

const OPEN_ARRAY = Buffer.from('[');
const CLOSE_ARRAY = Buffer.from(']');
const OPEN_OBJECT = Buffer.from('{');
const CLOSE_OBJECT = Buffer.from('}');
const COMMA = Buffer.from(',');
const NULL = Buffer.from('null');

// `"key":` of each key met (a report has a few dozen kinds of key).
const keyBytes = new Map<string, Buffer>();
const KEYS_KEPT = 1024;
function keyOf(key: string): Buffer {
  let bytes = keyBytes.get(key);
  if (bytes === undefined) {
    if (keyBytes.size >= KEYS_KEPT) keyBytes.clear();
    bytes = Buffer.from(`${JSON.stringify(key)}:`, 'utf8');
    keyBytes.set(key, bytes);
  }
  return bytes;
}

// The canonical JSON (UTF-8) of each object and array already written: reports are never
// changed in place and an edit shares every node it does not change, so a save writes only its
// path anew, from the bytes of the nodes it shares (no text is built or converted again).
const written = new WeakMap<object, Buffer>();

/** report-core canonicalJson (keys sorted, undefined dropped, non-finite numbers null), as UTF-8, memoized. */
function encode(value: unknown): Buffer | undefined {
  if (value === null || typeof value !== 'object') {
    const text = encodeScalar(value);
    return text === undefined ? undefined : Buffer.from(text, 'utf8');
  }
  const known = written.get(value);
  if (known !== undefined) return known;
  const parts: Buffer[] = [];
  if (Array.isArray(value)) {
    parts.push(OPEN_ARRAY);
    value.forEach((item: unknown, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(encode(item) ?? NULL);
    });
    parts.push(CLOSE_ARRAY);
  } else {
    parts.push(OPEN_OBJECT);
    let first = true;
    // Default sort: UTF-16 code-unit order, as canonicalJson.
    for (const key of Object.keys(value).sort()) {
      const child = encode((value as Record<string, unknown>)[key]);
      if (child === undefined) continue;
      if (!first) parts.push(COMMA);
      first = false;
      parts.push(keyOf(key), child);
    }
    parts.push(CLOSE_OBJECT);
  }
  const bytes = Buffer.concat(parts);
  written.set(value, bytes);
  return bytes;
}

/** What canonicalJson leaves out of an object (and writes as null in an array). */
const skipped = (value: unknown): boolean =>
  value === undefined ||
  typeof value === 'function' ||
  typeof value === 'symbol' ||
  typeof value === 'bigint';

/**
 * Nodes this deep and deeper (a chapter, a goal, a place) are written once and their bytes kept;
 * the report and its list of chapters, new with every save and as large as the report, are
 * written piece by piece into the hash and never kept (issue 13: they were most of what a save
 * allocated, and kept alive long enough to be copied by the garbage collector).
 */
const KEPT_FROM_DEPTH = 2;
/**
 * The one top-level list written item by item. The others (goals, places, notes) are new only
 * when an edit changes them, so each is kept whole: one piece to hash, not one per item.
 */
const SPLIT_LIST = 'chapters';

/**
 * A piece of a report's canonical JSON: punctuation, a key or a scalar as its text, or a node
 * written whole (one of KEPT_FROM_DEPTH), by identity.
 */
type Piece = string | object;

/** Writes the canonical JSON of `value` as a sequence of pieces. */
function write(value: unknown, depth: number, out: (piece: Piece) => void, key?: string): void {
  if (
    depth >= KEPT_FROM_DEPTH ||
    value === null ||
    typeof value !== 'object' ||
    (depth === 1 && key !== SPLIT_LIST)
  ) {
    out(value !== null && typeof value === 'object' ? value : (encodeScalar(value) ?? 'null'));
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
    write(child, depth + 1, out, key);
  }
  out('}');
}

/** The UTF-8 bytes of a piece (punctuation and keys are converted each time: they are short). */
const bytesOf = (piece: Piece): Buffer =>
  typeof piece === 'string' ? Buffer.from(piece, 'utf8') : (encode(piece) ?? NULL);

/**
 * A report's content hash: report-core contentHash (the same digest, report-content.test.ts),
 * from the bytes kept for every node the report shares with the one before (issue 13).
 */
export function reportHash(report: Report): string {
  const hash = createHash('sha256');
  write(report, 0, (piece) => {
    if (typeof piece === 'string') hash.update(piece, 'utf8');
    else hash.update(encode(piece) ?? NULL);
  });
  return hash.digest('hex');
}

/**
 * A report's canonical JSON and content hash: report-core's canonicalContent (the same text,
 * report-content.test.ts), each node below the top written once, hashed with Node's sha256 (the
 * same digest, several times faster than the portable one).
 */
export function reportContent(report: Report): { json: string; hash: string } {
  const pieces: Buffer[] = [];
  write(report, 0, (piece) => pieces.push(bytesOf(piece)));
  const bytes = Buffer.concat(pieces);
  return { json: bytes.toString('utf8'), hash: createHash('sha256').update(bytes).digest('hex') };
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
