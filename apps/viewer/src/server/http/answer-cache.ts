import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { textSizeOf } from '../../ui/text-size.js';
import type { QueryKeys } from './query-keys.js';
import type { Body, Coding, Variant } from './body.js';
import { matchesIfNoneMatch, pickCoding, variantHeaders, variantOf } from './body.js';

interface Entry {
  /** The response's headers as the app set them (security, CORS, Cache-Control, Vary, type). */
  headers: OutgoingHttpHeaders;
  body: Body;
  /** Complete header sets per coding, for 200 and for 304, made on first use. */
  ready: Map<Coding, { ok: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders }>;
  bytes: number;
}

interface Slot {
  cache: AnswerCache;
  key: string;
}

// The request a response answers, while the app works on it: where its answer may be kept.
const slots = new WeakMap<ServerResponse, Slot>();

/** Called by the responders for a cacheable 200: keeps the answer for the next identical request. */
export function fillAnswerSlot(res: ServerResponse, body: Body): void {
  const slot = slots.get(res);
  if (slot === undefined) return;
  slots.delete(res);
  slot.cache.keep(slot.key, res.getHeaders(), body);
}

/**
 * Whole answers (headers and bytes, in each encoding) of GET and HEAD requests, kept per change
 * mark of the source and request key (path and the query parameters its route reads). While
 * the mark holds, a repeated request is written straight from here, without routing, store or
 * rendering: this is what keeps the viewer near a static server whatever the number of
 * editions. A new mark empties the cache. Bounded by entries and bytes, least recently used out.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private mark: string | undefined;
  private bytes = 0;

  constructor(
    private readonly source: { changeMark(): string | undefined },
    readonly queries: QueryKeys,
    private readonly limits = { entries: 2000, bytes: 128 * 1024 * 1024 },
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Answers the request from the cache (true), or notes where its answer may be kept (false). */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const mark = this.source.changeMark();
    // The source has not read anything yet: the app asks it, and this answer is not kept.
    if (mark === undefined) return false;
    if (mark !== this.mark) {
      this.entries.clear();
      this.bytes = 0;
      this.mark = mark;
    }
    // Pages differ by the reader's text size (its cookie, issue 19): one answer per size.
    const key = `${textSizeOf(req.headers.cookie)} ${this.queries.keyOf(req.url ?? '/')}`;
    const entry = this.entries.get(key);
    const variant = entry && variantOf(entry.body, pickCoding(req.headers['accept-encoding']));
    if (entry === undefined || variant === undefined || variant instanceof Promise) {
      slots.set(res, { cache: this, key: `${mark}\n${key}` });
      return false;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    const heads = this.headsOf(entry, variant);
    const header = req.headers['if-none-match'];
    if (header !== undefined && matchesIfNoneMatch(header, variant.etag)) {
      res.writeHead(304, heads.notModified).end();
    } else {
      res.writeHead(200, heads.ok);
      if (req.method === 'HEAD') res.end();
      else res.end(variant.bytes);
    }
    return true;
  }

  keep(slotKey: string, headers: OutgoingHttpHeaders, body: Body): void {
    const split = slotKey.indexOf('\n');
    if (slotKey.slice(0, split) !== this.mark) return;
    const key = slotKey.slice(split + 1);
    const old = this.entries.get(key);
    if (old !== undefined) this.bytes -= old.bytes;
    const entry: Entry = { headers, body, ready: new Map(), bytes: body.bytes.length };
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    while (this.entries.size > this.limits.entries || this.bytes > this.limits.bytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.bytes -= this.entries.get(oldest.value)?.bytes ?? 0;
      this.entries.delete(oldest.value);
    }
  }

  private headsOf(
    entry: Entry,
    variant: Variant,
  ): { ok: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders } {
    let heads = entry.ready.get(variant.coding);
    if (heads === undefined) {
      const { 'content-type': _type, ...rest } = entry.headers;
      heads = {
        ok: { ...entry.headers, ...variantHeaders(variant) },
        notModified: { ...rest, etag: variant.etag },
      };
      const added = variant.coding === 'identity' ? 0 : variant.bytes.length;
      entry.bytes += added;
      this.bytes += added;
      entry.ready.set(variant.coding, heads);
    }
    return heads;
  }
}
