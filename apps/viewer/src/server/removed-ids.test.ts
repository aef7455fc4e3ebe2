import { canonicalReport, editableCopy } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMemorySource, makeEdition } from './memory-source.js';
import { createServer } from './server.js';

const without = (report: Report, id: string): Report => {
  const next: Report = structuredClone(report);
  for (const c of next.chapters)
    for (const s of c.sections) s.measures = s.measures.filter((m) => m.id !== id);
  for (const n of next.notes) n.nodeIds = n.nodeIds.filter((x) => x !== id);
  return next;
};

// Edition 2 removes m42 outright and merges m40 into a new id with the same text.
function editions() {
  const first: Report = editableCopy(canonicalReport);
  const second = without(without(first, 'm42'), 'm40');
  const m40 = first.chapters[0]?.sections[0]?.measures.find((m) => m.id === 'm40');
  if (m40 === undefined) throw new Error('fixture: no m40');
  second.chapters[0]?.sections[0]?.measures.push({ ...m40, id: 'm-a1b2c3d4e5', places: [] });
  return [
    makeEdition(first, 1, '2026-01-01T00:00:00Z', '首次发布'),
    makeEdition(second, 2, '2026-02-01T00:00:00Z', '删除与合并'),
  ];
}
const app = createServer({
  source: createMemorySource(editions()),
  siteUrl: 'https://report.example.cn',
});

describe('issue 14: a published id that is gone says what happened to it', () => {
  it('the API answers 410 with the edition that removed it and why', async () => {
    const res = await request(app).get('/api/v1/measures/m42').expect(410);
    expect(res.body).toMatchObject({
      code: 'gone',
      removed: {
        id: 'm42',
        removedIn: 2,
        lastSeenIn: 1,
        successorId: null,
        text: '将乐山港升级改造为成都港。',
      },
    });
    expect(res.body.error).toMatch(/第 2 版删除/);
  });

  it('the API redirects (308) a merged id to its successor', async () => {
    const res = await request(app).get('/api/v1/measures/m40').expect(308);
    expect(res.headers.location).toBe('/api/v1/measures/m-a1b2c3d4e5');
    expect(res.body.removed).toMatchObject({ successorId: 'm-a1b2c3d4e5', removedIn: 2 });
  });

  it('the page answers 410 in Chinese, and 308 for a merged id; an id never published stays 404', async () => {
    const gone = await request(app).get('/measures/m42').expect(410);
    expect(gone.text).toContain('第 2 版删除了举措 m42');
    const merged = await request(app).get('/measures/m40').expect(308);
    expect(merged.headers.location).toBe('/measures/m-a1b2c3d4e5');
    await request(app).get('/measures/m99999').expect(404);
    await request(app).get('/api/v1/measures/m99999').expect(404);
  });
});
