import { z } from 'zod';

/** The query parameters a route reads: the keys of its query schema, or a list. */
export type DeclaredQuery = z.ZodType | readonly string[] | undefined;

// A schema whose keys cannot be read (not a z.object): every parameter counts.
const EVERY = Symbol('every parameter');
type Keys = readonly string[] | typeof EVERY;

function keysOf(query: DeclaredQuery): Keys {
  if (query === undefined) return [];
  if (Array.isArray(query)) return [...(query as readonly string[])].sort();
  if (query instanceof z.ZodObject) return Object.keys(query.shape).sort();
  return EVERY;
}

const KNOWN_URLS = 4096;

/** Express-style `/editions/:edition/files/:fileName` as a pattern, `.json` allowed at the end. */
function patternOf(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}(?:\\.json)?$`);
}

/**
 * What a request's answer depends on, as a cache key: its path and, of its query, only the
 * parameters its route declares (sorted, repeated values kept). `/source?utm=x` and `/source` are
 * one entry; `/search?q=光伏&x=1` and `/search?x=2&q=%E5%85%89%E4%BC%8F` too. A route that
 * declares nothing reads no query.
 */
export class QueryKeys {
  private readonly exact = new Map<string, Keys>();
  private readonly patterns: { pattern: RegExp; keys: Keys }[] = [];
  private readonly known = new Map<string, string>();

  /**
   * @param pageKeys what a path nobody declared reads when it is a page (not under /api/ or
   *   /feeds/): the parameters any page may carry into its links, e.g. the language switch's
   *   kept query and `?edition=N`, so an answer never differs from another with the same key.
   */
  constructor(private readonly pageKeys: readonly string[] = []) {}

  declare(path: string, query: DeclaredQuery): void {
    this.known.clear();
    const keys = keysOf(query);
    if (keys !== EVERY && keys.length === 0) return;
    if (path.includes(':')) this.patterns.push({ pattern: patternOf(path), keys });
    else {
      this.exact.set(path, keys);
      if (path.startsWith('/api/')) this.exact.set(`${path}.json`, keys);
    }
  }

  /** The parameters the route at `path` reads (none for most). */
  private keysFor(path: string): Keys {
    const exact = this.exact.get(path);
    if (exact !== undefined) return exact;
    for (const { pattern, keys } of this.patterns) if (pattern.test(path)) return keys;
    if (path.startsWith('/api/') || path.startsWith('/feeds/')) return [];
    return [...this.pageKeys].sort();
  }

  /** The key of a request URL (path and query as sent); the last few thousand are remembered. */
  keyOf(url: string): string {
    let key = this.known.get(url);
    if (key === undefined) {
      key = this.make(url);
      if (this.known.size >= KNOWN_URLS) this.known.clear();
      this.known.set(url, key);
    }
    return key;
  }

  private make(url: string): string {
    const mark = url.indexOf('?');
    if (mark === -1) return url;
    const path = url.slice(0, mark);
    const keys = this.keysFor(path);
    if (keys !== EVERY && keys.length === 0) return path;
    const params = new URLSearchParams(url.slice(mark + 1));
    const read = (keys === EVERY ? [...new Set(params.keys())].sort() : keys)
      .filter((k) => params.has(k))
      .map((k) => [k, params.getAll(k)]);
    return read.length === 0 ? path : `${path}?${JSON.stringify(read)}`;
  }
}
