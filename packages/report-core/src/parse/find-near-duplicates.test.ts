import { describe, expect, it } from 'vitest';
import { bodyItems } from './body-items.fixture.js';
import { findNearDuplicates } from './find-near-duplicates.js';

describe('findNearDuplicates', () => {
  it('finds a garbled copy of a sentence and names the later one as the copy', () => {
    const body = bodyItems([
      '节',
      '积极开展近零碳社区、景区、校园试点建设。',
      '推进五大工程。',
      '加强开展近零碳社区、景区、校园试点建设。',
    ]);
    const [d] = findNearDuplicates(body);
    expect(d).toMatchObject({ code: 'near-duplicate', lines: [5, 9], nodeIds: ['m5', 'm9'] });
    expect(d?.message.zh).toContain('第9行');
    expect(d?.message.zh).toContain('相似度90%');
  });

  it('does not report identical texts, short texts or sentences that merely share words', () => {
    const body = bodyItems([
      '节',
      '坚持依法行政，建设法治政府。',
      '强化正风肃纪，建设廉洁政府。',
      '坚持依法行政，建设法治政府。',
      '建设。',
      '建成。',
    ]);
    expect(findNearDuplicates(body)).toEqual([]);
  });

  it('stops indexing a bigram that too many texts share, keeping the work per text bounded', () => {
    const many = Array.from({ length: 200 }, (_, i) => `建设第${i}号示范项目与配套工程。`);
    const body = bodyItems(['节', ...many]);
    const capped = findNearDuplicates(body, { maxPostings: 4, maxCandidates: 2 });
    const full = findNearDuplicates(body, { maxPostings: 1000, maxCandidates: 1000 });
    expect(capped.length).toBeGreaterThan(0);
    expect(capped.length).toBeLessThanOrEqual(full.length);
  });
});
