import { createHash } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Keys sorted, no whitespace, `undefined` properties dropped (as JSON.stringify does), so two
// reports that differ only in key order or in absent-vs-undefined fields hash the same.
function normalise(value: unknown): Json | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => normalise(item) ?? null);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const child = normalise((value as Record<string, unknown>)[key]);
      if (child !== undefined) out[key] = child;
    }
    return out;
  }
  return undefined;
}

/** JSON with object keys in code-point order and no insignificant whitespace. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value) ?? null);
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The content hash of a report: sha256 of its canonical JSON, lower-case hex. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
