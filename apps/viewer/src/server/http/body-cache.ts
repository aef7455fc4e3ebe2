import type { Body } from './respond.js';

/**
 * Rendered responses keyed by what they depend on (an edition hash plus the request). Editions
 * are immutable, so an entry never goes stale; a new edition simply brings new keys. Oldest
 * entries go first once `limit` is reached (Map keeps insertion order).
 */
export class BodyCache<V = Body> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit = 500) {}

  async get(key: string, render: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const body = await render();
    this.entries.set(key, body);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    return body;
  }

  get size(): number {
    return this.entries.size;
  }
}
