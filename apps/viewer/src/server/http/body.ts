import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

/** A strong ETag from the content: the same bytes always give the same tag. */
export function etagFor(body: Uint8Array | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x"; * matches anything. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

export type Coding = 'br' | 'gzip' | 'identity';

/** One encoding of a body, with its own ETag (RFC 9110 §8.8.3: each representation its tag). */
export interface Variant {
  coding: Coding;
  bytes: Buffer;
  etag: string;
}

export interface Body {
  bytes: Buffer;
  etag: string;
  type: string;
  /** The body as it is, as a variant. */
  readonly identity: Variant;
  /** Its compressed forms, each made once, the first time a client accepts it. */
  readonly variants: Map<Coding, Variant | Promise<Variant>>;
}

export function makeBody(content: string | Uint8Array, type: string, etag?: string): Body {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const tag = etag ?? etagFor(bytes);
  const identity: Variant = { coding: 'identity', bytes, etag: tag };
  return { bytes, etag: tag, type, identity, variants: new Map() };
}

// Bodies of API answers by ETag, so an edition's JSON is turned into bytes and compressed once.
const interned = new Map<string, Body>();
export function internedBody(json: string, type: string, etag: string): Body {
  let body = interned.get(etag);
  if (body?.type !== type) {
    body = makeBody(json, type, etag);
    interned.set(etag, body);
    if (interned.size > 64) interned.delete(interned.keys().next().value ?? etag);
  }
  return body;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|javascript|manifest\+json))/;
const MIN_COMPRESSED = 1024;
const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

/**
 * The coding to send: brotli, else gzip, when the client accepts it (q > 0), else as is.
 * `identity;q=0` is not honoured: every answer is also available uncompressed.
 */
export function pickCoding(header: string | undefined): Coding {
  if (header === undefined || header === '') return 'identity';
  let coding = codings.get(header);
  if (coding === undefined) {
    coding = parseCoding(header);
    if (codings.size >= 256) codings.clear();
    codings.set(header, coding);
  }
  return coding;
}

// Browsers send a handful of distinct Accept-Encoding values: each is parsed once.
const codings = new Map<string, Coding>();

function parseCoding(header: string): Coding {
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    accepted.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const ok = (name: string): boolean => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip') || (accepted.get('x-gzip') ?? 0) > 0) return 'gzip';
  return 'identity';
}

/** The body in `coding`, compressed off the main thread the first time, then kept. */
export function variantOf(body: Body, wanted: Coding): Variant | Promise<Variant> {
  const { identity } = body;
  if (wanted === 'identity' || body.bytes.length < MIN_COMPRESSED || !COMPRESSIBLE.test(body.type))
    return identity;
  const known = body.variants.get(wanted);
  if (known !== undefined) return known;
  const made = (
    wanted === 'br'
      ? compressBrotli(body.bytes, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 9,
            [zlib.BROTLI_PARAM_SIZE_HINT]: body.bytes.length,
          },
        })
      : compressGzip(body.bytes, { level: 9 })
  ).then(
    (bytes): Variant => {
      const variant = { coding: wanted, bytes, etag: `${body.etag.slice(0, -1)}-${wanted}"` };
      body.variants.set(wanted, variant);
      return variant;
    },
    (): Variant => {
      body.variants.set(wanted, identity);
      return identity;
    },
  );
  body.variants.set(wanted, made);
  return made;
}

/** Headers of one variant's answer, besides those the response already carries. */
export function variantHeaders(variant: Variant): Record<string, string> {
  return {
    ETag: variant.etag,
    'Content-Length': String(variant.bytes.length),
    ...(variant.coding === 'identity' ? {} : { 'Content-Encoding': variant.coding }),
  };
}
