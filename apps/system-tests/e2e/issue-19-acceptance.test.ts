import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import {
  listMeasures,
  ReportSchema,
  targetAttainment,
  TRACKING_STATUS_LABELS,
  VERDICT_LABELS,
} from '@leshan/report-core';
import type { Report, TrackingStatus, Verdict } from '@leshan/report-core';
import { NOT_REPORTED } from '@leshan/report-core/labels';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AdminSession, createUser, publish } from '../src/admin-api.js';
import { killLeftovers, removeDir, startSystem, tempDataDir } from '../src/system.js';
import type { Credentials, RunningSystem } from '../src/system.js';
import { waitForAllExports } from '../src/viewer-api.js';

// Issue 19's acceptance, on the system as the first command starts it: after the flow of issue
// 18 (a bureau's reporter sends 90 公里 for m38-t1 and a progress update, an editor approves both,
// a publisher publishes), the public measure page /measures/m38 shows "90 / 210 公里", its chart,
// its timeline and its department; its Atom feed has the entry; the home scoreboard's counts
// equal a count over the worker's JSON export; axe finds nothing on the measure, home and targets
// pages at 375 and 1280 px. (我要纠错 without JavaScript is e2e/issue-19-feedback.test.ts.)

const SCREENSHOT_DIR = fileURLToPath(new URL('../e2e-screenshots/', import.meta.url));
const PASSWORD = 'acceptance password 2026';
const EDITOR = { email: 'editor19@example.org', displayName: '李编辑', role: 'editor' } as const;
const PUBLISHER = { email: 'pub19@example.org', displayName: '王发布', role: 'publisher' } as const;
const REPORTER = { email: 'jt19@example.org', displayName: '交通运输局填报员', role: 'reporter' };
const JT = { id: 'dept-jtysj', name: '交通运输局' };
const SOURCE = {
  title: '乐山市交通运输局通知',
  url: 'https://jtys.leshan.gov.cn/notice/2025-01-10.html',
};
const PROGRESS_NOTE = '乐自高速建成通车，乐西高速完成路基工程。';

let system: RunningSystem;
let exportDir: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

async function newPage(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  const seen = watchProblems(page);
  page.on('close', () => problems.push(...seen));
  return page;
}

const signIn = (email: string) =>
  AdminSession.mustSignIn(system.adminUrl, { email, password: PASSWORD });

const SubmissionSchema = z.object({ submission: z.object({ id: z.string() }) });

beforeAll(async () => {
  exportDir = tempDataDir();
  system = await startSystem({ env: { POLL_MS: '200', EXPORT_DIR: exportDir } });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  if (system !== undefined) {
    const exit = await system.stop();
    expect(exit.code, exit.output).toBe(0);
    removeDir(system.dataDir);
    removeDir(exportDir);
  }
  killLeftovers();
});

/** The figures of a stacked bar's legend: its words → its count. */
async function legend(list: Locator): Promise<Record<string, number>> {
  const items = await list.locator('li').evaluateAll((lis) =>
    lis.map((li) => ({
      words: (li.childNodes[1]?.textContent ?? '').trim(),
      count: Number(li.querySelector('strong')?.textContent ?? 'NaN'),
    })),
  );
  const figures: Record<string, number> = {};
  for (const item of items) figures[item.words] = item.count;
  return figures;
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const ArtifactsSchema = z.object({
  artifacts: z.array(z.looseObject({ format: z.string(), href: z.string() })),
});

describe('issue 19 acceptance: the public tracker after a bureau reports', () => {
  let report: Report;
  let edition = 0;

  it('a reporter’s value and update, approved by an editor and published, are in the JSON export', async () => {
    const admin = await AdminSession.mustSignIn(system.adminUrl, system.credentials as Credentials);
    for (const user of [EDITOR, PUBLISHER])
      await createUser(admin, { ...user, password: PASSWORD });
    const created = z
      .object({ user: z.object({ id: z.string() }) })
      .parse(await admin.send('POST', '/api/users', { ...REPORTER, password: PASSWORD }));
    const editor = await signIn(EDITOR.email);
    const draft = await editor.get('/api/draft', z.looseObject({ revision: z.number() }));
    await editor.send('POST', '/api/draft/commands', {
      baseRevision: draft.revision,
      commands: [
        { type: 'department.add', department: JT },
        {
          type: 'responsibility.set',
          measureId: 'm38',
          responsibility: { lead: JT.id, co: [], deadline: '2026-12-31', milestones: [] },
        },
      ],
    });
    await admin.send('PUT', `/api/users/${created.user.id}/departments`, { departments: [JT.id] });

    const reporter = await signIn(REPORTER.email);
    const sent = [
      await reporter.send('POST', '/api/reporter/submissions', {
        kind: 'observation',
        measureId: 'm38',
        indicatorId: 'm38-t1',
        observation: { date: '2024-12-31', value: 90, basis: 'cumulative', source: SOURCE },
      }),
      await reporter.send('POST', '/api/reporter/submissions', {
        kind: 'progress',
        measureId: 'm38',
        update: { date: '2025-01-10', status: 'in-progress', note: PROGRESS_NOTE },
      }),
    ].map((body) => SubmissionSchema.parse(body).submission.id);
    for (const id of sent) await editor.send('POST', `/api/submissions/${id}/approve`);

    edition = await publish(await signIn(PUBLISHER.email));
    await waitForAllExports(system.viewerUrl, edition);
    const list = ArtifactsSchema.parse(
      await (await fetch(`${system.viewerUrl}/api/v1/editions/${edition}/artifacts`)).json(),
    );
    const json = list.artifacts.find((a) => a.format === 'json');
    expect(json).toBeDefined();
    const res = await fetch(new URL(json?.href ?? '', system.viewerUrl));
    expect(res.status).toBe(200);
    report = ReportSchema.parse(await res.json());
    const m38 = listMeasures(report).find((m) => m.id === 'm38');
    expect(m38?.indicators.find((i) => i.id === 'm38-t1')?.observations?.[0]?.value).toBe(90);
  }, 180_000);

  it('/measures/m38 shows 90 / 210 公里, its chart and table, its timeline and its department', async () => {
    for (const width of [375, 1280]) {
      const page = await newPage(width);
      await page.goto(`${system.viewerUrl}/measures/m38`);
      const target = page.locator('.target-block', { hasText: '高速公路' }).first();
      await expect(target.textContent()).resolves.toContain('90 / 210 公里（43%）');
      await expect(target.textContent()).resolves.toContain('滞后');
      await expect(target.locator('svg[role="img"]').count()).resolves.toBe(1);
      await expect(target.locator('table').textContent()).resolves.toContain('90');
      await expect(page.locator('.timeline').textContent()).resolves.toContain(PROGRESS_NOTE);
      await expect(page.locator('.responsibility').textContent()).resolves.toContain(JT.name);
      const feed = page.locator(
        'link[rel="alternate"][type="application/atom+xml"][href="/feeds/measures/m38/progress.atom"]',
      );
      await expect(feed.count()).resolves.toBe(1);
      await screenshot(page, SCREENSHOT_DIR, `issue-19-measure-m38-${width}`);
      await page.close();
    }
    const atom = await (await fetch(`${system.viewerUrl}/feeds/measures/m38/progress.atom`)).text();
    expect(atom).toContain('<feed');
    expect(atom).toContain(PROGRESS_NOTE);
    expect(atom).toMatch(/90\s*公里/);
  });

  it('the home scoreboard’s counts equal a count over the JSON export', async () => {
    const byStatus = new Map<string, number>();
    const byVerdict = new Map<string, number>();
    for (const measure of report.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures))) {
      // Counted here from the export alone: a measure's status is its latest dated update's, and
      // a measure with none is 未报告.
      const latest = [...measure.tracking.updates]
        .filter((u) => u.status !== undefined && u.status !== null)
        .sort((a, b) => a.date.localeCompare(b.date))
        .at(-1);
      const status = latest?.status ?? measure.tracking.status ?? 'not-reported';
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      for (const indicator of measure.indicators) {
        const { verdict } = targetAttainment(indicator, report.meta.period);
        byVerdict.set(verdict, (byVerdict.get(verdict) ?? 0) + 1);
      }
    }
    const page = await newPage(1280);
    await page.goto(`${system.viewerUrl}/`);
    const tally = page.locator('.scoreboard .tally').first();
    const legends = tally.locator('.bar-legend');
    const measures = await legend(legends.nth(0));
    const targets = await legend(legends.nth(1));
    const words = (status: string): string =>
      status === 'not-reported'
        ? NOT_REPORTED.zh
        : TRACKING_STATUS_LABELS[status as TrackingStatus].zh;
    const verdictWords = (verdict: string): string => VERDICT_LABELS[verdict as Verdict].zh;
    for (const [status, n] of byStatus) expect(measures[words(status)], status).toBe(n);
    for (const [verdict, n] of byVerdict) expect(targets[verdictWords(verdict)], verdict).toBe(n);
    expect(Object.values(measures).reduce((a, b) => a + b, 0)).toBe(listMeasures(report).length);
    expect(byStatus.get('in-progress') ?? 0).toBeGreaterThanOrEqual(1);
    expect(byVerdict.get('behind') ?? 0).toBeGreaterThanOrEqual(1);
    await screenshot(page, SCREENSHOT_DIR, 'issue-19-home-scoreboard-1280');
    await page.close();
  });

  for (const path of ['/measures/m38', '/', '/targets'])
    it(`axe finds no violations on ${path} at 375 and 1280 px`, async () => {
      for (const width of [375, 1280]) {
        const page = await newPage(width);
        await page.goto(`${system.viewerUrl}${path}`);
        expect(await axe(page), `${path} at ${width}`).toEqual([]);
        await page.close();
      }
    }, 120_000);

  it('caused no script error and no CSP violation in any page', () => {
    expect(problems).toEqual([]);
  });
});
