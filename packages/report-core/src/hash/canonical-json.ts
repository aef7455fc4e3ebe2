import { sha256Bytes, sha256Utf8 } from './sha256.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Keys sorted, no whitespace, `undefined` properties dropped (as JSON.stringify does), so two
// reports that differ only in key order or in absent-vs-undefined fields hash the same.
// This is the algorithm report-store has written edition hashes with since its first release:
// change it and every stored edition stops verifying (hash.test.ts pins its output).
function normalize(value: unknown): Json | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => normalize(item) ?? null);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    // Default sort: UTF-16 code-unit order, as the stored hashes were made.
    for (const key of Object.keys(value).sort()) {
      const child = normalize((value as Record<string, unknown>)[key]);
      if (child !== undefined) out[key] = child;
    }
    return out;
  }
  return undefined;
}

/** JSON with object keys in sorted order and no insignificant whitespace: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value) ?? null);
}

/** sha256 of bytes, or of a string's UTF-8 bytes, as 64 lower-case hex digits. */
export function sha256Hex(data: string | Uint8Array): string {
  return typeof data === 'string' ? sha256Utf8(data) : sha256Bytes(data);
}

/** A value's canonical JSON and its content hash, for callers that store both. */
export function canonicalContent(value: unknown): { json: string; hash: string } {
  const json = canonicalJson(value);
  return { json, hash: sha256Utf8(json) };
}

/**
 * The content hash of a report (an edition's `hash`, a revision's `reportHash`): sha256 of its
 * canonical JSON, lower-case hex. The same in Node and the browser.
 */
export function contentHash(value: unknown): string {
  return canonicalContent(value).hash;
}
