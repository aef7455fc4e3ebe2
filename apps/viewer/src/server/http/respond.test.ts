import { describe, expect, it } from 'vitest';
import { BodyCache } from './body-cache.js';
import { etagFor, makeBody, matchesIfNoneMatch } from './respond.js';

describe('ETags and the body cache', () => {
  it('makes a strong tag from the bytes: same bytes, same tag', () => {
    expect(etagFor('乐山')).toBe(etagFor(Buffer.from('乐山')));
    expect(etagFor('乐山')).not.toBe(etagFor('乐山 '));
    expect(etagFor('x')).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    const tag = etagFor('x');
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
    expect(matchesIfNoneMatch(`"a", ${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch(`W/${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch('"a"', tag)).toBe(false);
  });

  it('renders once per key and forgets the least recently used entry past its limit', async () => {
    const cache = new BodyCache(2);
    let renders = 0;
    const render = (text: string) => () => {
      renders += 1;
      return Promise.resolve(makeBody(text, 'text/plain'));
    };
    await cache.get('a', render('a'));
    await cache.get('a', render('a'));
    await cache.get('b', render('b'));
    await cache.get('a', render('a'));
    await cache.get('c', render('c'));
    expect(renders).toBe(3);
    expect(cache.size).toBe(2);
    await cache.get('b', render('b'));
    expect(renders).toBe(4);
  });
});
