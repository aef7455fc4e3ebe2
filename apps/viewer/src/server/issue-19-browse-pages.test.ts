import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createServer } from './server.js';
import { followedSource } from './testing/sample-editions.js';

// Issue 19 points 2 and 3: the home scoreboard counts every measure (未报告 included); /measures
// filters without JavaScript; departments and places have pages with their own scoreboard.

const app = createServer({ source: followedSource(), siteUrl: 'http://x' });

const shown = (html: string): number => {
  const m = /共 (\d+) 项举措，显示 (\d+) 项/u.exec(html);
  if (m === null) throw new Error('no result count on the page');
  return Number(m[2]);
};

/** The figures of the first legend after `head`: words → count. */
const legend = (page: string, head: string): Map<string, number> => {
  const html = page.replace(/<!-- -->/gu, ''); // React's text separators
  const at = html.indexOf(head);
  const list = /<ul class="bar-legend">(.*?)<\/ul>/su.exec(html.slice(at))?.[1] ?? '';
  return new Map(
    [...list.matchAll(/<\/span>([^<]+) <strong>(\d+)<\/strong>/gu)].map((m) => [
      (m[1] ?? '').trim(),
      Number(m[2]),
    ]),
  );
};

describe('issue 19: the measures list, without JavaScript', () => {
  it('lists all 76 measures, each linked to its page', async () => {
    const res = await request(app).get('/measures').expect(200);
    expect(shown(res.text)).toBe(76);
    expect(res.text).toContain('href="/measures/m38"');
    expect(res.text).toContain('<form class="filters" action="/measures" method="get">');
  });

  it('filters by status, chapter, district and department from a plain GET', async () => {
    const count = async (q: string): Promise<number> =>
      shown((await request(app).get(`/measures?${q}`).expect(200)).text);
    expect(await count('status=completed')).toBe(1); // m94
    expect(await count('status=in-progress')).toBe(1); // m38
    expect(await count('status=not-reported')).toBe(74);
    expect(await count('status=completed&chapter=1')).toBe(0);
    expect(await count('chapter=1')).toBe(17);
    expect(await count('department=dept-jt')).toBe(1);
    expect(await count('department=dept-fg&status=in-progress')).toBe(1);
    expect(await count('district=leshan-airport')).toBeGreaterThan(0);
    expect(await count('status=&chapter=&district=&department=')).toBe(76);
    const en = await request(app).get('/en/measures?status=completed').expect(200);
    expect(en.text).toContain('1 of 76 measures');
  });

  it('refuses a bad filter with 400 and says in Chinese what to choose', async () => {
    const bad = async (q: string, words: RegExp): Promise<void> => {
      const res = await request(app).get(`/measures?${q}`).expect(400);
      expect(res.text).toContain('筛选条件有误');
      expect(res.text).toMatch(words);
    };
    await bad('status=done', /状态只能是/u);
    await bad('chapter=abc', /章须是数字/u);
    await bad('chapter=12', /报告没有第 12 章/u);
    await bad('department=dept-none', /没有编号为“dept-none”的部门/u);
    await bad('district=Nowhere!', /地区编号只能由/u);
  });
});

describe('issue 19: department and place pages', () => {
  it('gives a department its own scoreboard and its targets’ attainment', async () => {
    const res = await request(app).get('/departments/dept-jt').expect(200);
    expect(res.text).toContain('市交通运输局');
    expect(legend(res.text, '全部 1 项举措').get('推进中')).toBe(1);
    expect(res.text).toContain('完成 43%，滞后');
    await request(app).get('/departments/dept-none').expect(404);
  });

  it('gives a place its own page with the measures that name it', async () => {
    const res = await request(app).get('/places/leshan-airport').expect(200);
    expect(res.text).toContain('乐山机场');
    expect(res.text).toContain('未报告');
    await request(app).get('/places/nowhere').expect(404);
  });
});

describe('issue 19: the home scoreboard', () => {
  it('counts equal a computation over the JSON export, every measure once, 未报告 included', async () => {
    const latest = await request(app).get('/api/v1/editions/latest.json').expect(200);
    const body = latest.body as {
      report: {
        chapters: {
          sections: {
            measures: {
              tracking: { status: string | null; updates: { date: string; status?: string }[] };
            }[];
          }[];
        }[];
      };
    };
    const words: Record<string, string> = {
      completed: '已完成',
      'in-progress': '推进中',
      'not-started': '未开始',
      delayed: '滞后',
      unverified: '待核实',
      none: '未报告',
    };
    const expected = new Map(Object.values(words).map((w) => [w, 0]));
    for (const c of body.report.chapters)
      for (const s of c.sections)
        for (const m of s.measures) {
          const withStatus = m.tracking.updates.filter((u) => u.status !== undefined);
          const latestUpdate = withStatus.reduce<(typeof withStatus)[number] | undefined>(
            (a, u) => (a === undefined || u.date >= a.date ? u : a),
            undefined,
          );
          const status = latestUpdate?.status ?? m.tracking.status ?? 'none';
          const w = words[status] ?? status;
          expected.set(w, (expected.get(w) ?? 0) + 1);
        }
    const home = await request(app).get('/').expect(200);
    expect(home.text).toContain('全部 76 项举措');
    expect(home.text).not.toMatch(/平均进度|已报告进展 \d+\/\d+/u);
    expect(legend(home.text, '全部 76 项举措')).toEqual(expected);
    expect(home.text).toContain('href="/measures/m94"'); // the latest update links its measure
  });

  it('answers the scoreboard on the API, checked against its schema', async () => {
    const res = await request(app).get('/api/v1/scoreboard.json').expect(200);
    const board = (res.body as { scoreboard: { total: { measures: number } } }).scoreboard;
    expect(board.total.measures).toBe(76);
  });
});
