import { describe, expect, it } from 'vitest';
import { sortableId } from './context.js';

describe('sortableId (random bytes from a pool, issue 13)', () => {
  it('gives unique ids in creation order, each with its own random part, across pool refills', () => {
    // 2,000 ids take 12,000 random bytes: the 4 KB pool is refilled twice.
    const ids = Array.from({ length: 2000 }, () => sortableId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.slice(13))).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{13}[0-9a-f]{12}$/);
    const sameMs = ids.filter((id) => id.slice(0, 9) === ids[0]?.slice(0, 9));
    expect(sameMs).toEqual([...sameMs].sort());
  });
});
