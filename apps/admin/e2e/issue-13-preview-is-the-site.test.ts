import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, watchProblems } from '@leshan/testing/chromium';
import { axeViolations, SCREENSHOT_DIR } from './browser.js';
import { EDITOR, startAdmin } from './harness.js';
import type { RunningAdmin } from './harness.js';

// Issue 13 point 7: the preview renders the draft with the public site's own page bodies
// (@leshan/report-views) and stylesheet, and its links stay inside the preview.
const MEASURE = 'm38';
const MEASURE_START = '落实“一环九射两纵两横”高速公路网';
const ADDITION = '预览中可见的补充：乐山港二期开工。';
const INDICATOR = 'm38-t1';
const METRIC = '新建高速公路';
const METRIC_EDITED = '新建高速公路（含扩容）';

let admin: RunningAdmin;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];

async function shoot(name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 600 ? 780 : 900 });
  await page.locator(`#${MEASURE}`).scrollIntoViewIfNeeded();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`) });
}

/** Nothing wider than the window: no sideways scrolling (at 360 px, a phone's). */
async function fitsTheWidth(): Promise<void> {
  await expect(
    page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'),
  ).resolves.toBe(true);
}

/** Every link of the previewed page that would leave the preview (evidence links excepted). */
async function leavingLinks(p: Page): Promise<string[]> {
  const hrefs = await p.evaluate<string[]>(
    `[...document.querySelectorAll('.draft-site a[href]:not([rel~="nofollow"])')].map((a) => a.getAttribute('href'))`,
  );
  return hrefs.filter((href) => !href.startsWith('/admin/preview') && !href.startsWith('#'));
}

beforeAll(async () => {
  admin = await startAdmin();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  problems = watchProblems(page);
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await admin.close();
});

describe('issue 13: the preview is the public site', () => {
  it('shows an edited draft through the site’s own pages, and its links stay in the preview', async () => {
    await page.goto(`${admin.baseUrl}/admin/`);
    await page.getByLabel('电子邮箱').fill(EDITOR.email);
    await page.getByLabel('密码').fill(EDITOR.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText(EDITOR.displayName, { exact: true }).waitFor();

    await page.getByLabel('筛选大纲').fill(MEASURE_START);
    await page.getByRole('treeitem', { name: new RegExp(MEASURE_START) }).click();
    const text = page.getByLabel('举措内容');
    await text.fill(`${await text.inputValue()}${ADDITION}`);
    await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 15_000 });

    await page.getByRole('link', { name: '预览' }).click();
    await page.getByText('预览：尚未发布').waitFor();
    // The site's home page: the report's title as its heading, a card per chapter.
    const draft = await admin.store.getDraft();
    if (draft === null) throw new Error('e2e: no draft');
    await page.getByRole('heading', { name: draft.report.meta.title, level: 1 }).waitFor();
    expect(await page.locator('.draft-site .chapter-cards > li').count()).toBe(
      draft.report.chapters.length,
    );
    expect(await leavingLinks(page)).toEqual([]);
    await page.evaluate('window.__samePage = true');

    const chapter = draft.report.chapters.find((c) =>
      c.sections.some((s) => s.measures.some((m) => m.id === MEASURE)),
    );
    if (chapter === undefined) throw new Error(`e2e: no chapter holds ${MEASURE}`);
    await page
      .locator(`.draft-site .chapter-cards a[href="/admin/preview/chapters/${chapter.number}"]`)
      .click();
    await page.waitForURL(`**/admin/preview/chapters/${chapter.number}`);
    const measure = page.locator(`.draft-site li#${MEASURE}`);
    await expect(measure.locator('.measure-text').textContent()).resolves.toContain(ADDITION);
    expect(await leavingLinks(page)).toEqual([]);

    // The measure's own link keeps to the preview and marks the measure, as the site does.
    await measure.locator('.share a').click();
    await page.waitForURL(`**/admin/preview/chapters/${chapter.number}#${MEASURE}`);
    await expect(page.locator(`li#${MEASURE}:target`).count()).resolves.toBe(1);
    await expect(page.evaluate('window.__samePage')).resolves.toBe(true);

    expect(await axeViolations(page)).toEqual([]);
    await shoot('13-preview-chapter', 1280);
    await shoot('13-preview-chapter', 360);
    await fitsTheWidth();

    await page.goBack();
    await page.goBack();
    await page.waitForURL('**/admin/preview');
    await page.getByRole('heading', { name: draft.report.meta.title, level: 1 }).waitFor();
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, '13-preview-home-360.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, '13-preview-home-1280.png') });
    await expect(page.evaluate('window.__samePage')).resolves.toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows a target edited in the draft on the preview’s targets page, and its places and notes pages', async () => {
    await page.goto(`${admin.baseUrl}/admin/`);
    await page.getByLabel('筛选大纲').fill(MEASURE_START);
    await page.getByRole('treeitem', { name: new RegExp(MEASURE_START) }).click();
    await page
      .locator('.indicator-row', { hasText: METRIC })
      .getByRole('button', { name: /^编辑/ })
      .click();
    await page.getByLabel('指标名称').fill(METRIC_EDITED);
    await page.getByLabel('指标名称').blur();
    await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => {
        const draft = await admin.store.getDraft();
        return draft?.report.chapters
          .flatMap((c) => c.sections.flatMap((s) => s.measures))
          .flatMap((m) => m.indicators)
          .find((i) => i.id === INDICATOR)?.metric;
      })
      .toBe(METRIC_EDITED);

    await page.getByRole('link', { name: '预览' }).click();
    await page.getByText('预览：尚未发布').waitFor();
    await page
      .getByRole('navigation', { name: '预览的页面' })
      .getByRole('link', { name: '量化指标' })
      .click();
    await page.waitForURL('**/admin/preview/targets');
    await page.getByRole('heading', { name: '量化指标', level: 1 }).waitFor();
    const row = page.locator('.draft-site table.targets tbody tr', { hasText: METRIC_EDITED });
    await expect(row.count()).resolves.toBe(1);
    expect(await leavingLinks(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width < 600 ? 780 : 900 });
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOT_DIR, `13-preview-targets-${width}.png`) });
      await fitsTheWidth();
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // The filters work in the preview as on the site, and keep to the preview's address.
    await page.locator('.draft-site select[name="unit"]').selectOption('公里');
    await page.waitForURL('**/admin/preview/targets?unit=*');
    await expect(row.count()).resolves.toBe(1);
    expect(
      await page.locator('.draft-site table.targets tbody td[data-label="目标"]').allTextContents(),
    ).not.toHaveLength(0);

    // Its measure link opens the measure's chapter inside the preview.
    await row.locator('a').click();
    await page.waitForURL(`**/admin/preview/chapters/*#${MEASURE}`);
    await expect(page.locator(`li#${MEASURE}:target`).count()).resolves.toBe(1);

    // A place the measure names is a link to the preview's places page.
    const place = page.locator(`.draft-site li#${MEASURE} a[href^="/admin/preview/places#"]`);
    if ((await place.count()) > 0) {
      await place.first().click();
      await page.waitForURL('**/admin/preview/places#place-*');
    } else {
      await page.goto(`${admin.baseUrl}/admin/preview/places`);
    }
    await page.getByRole('heading', { name: '按地点查看', level: 1 }).waitFor();
    expect(await leavingLinks(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, '13-preview-places-1280.png') });

    await page
      .getByRole('navigation', { name: '预览的页面' })
      .getByRole('link', { name: '关于原文' })
      .click();
    await page.waitForURL('**/admin/preview/source');
    await page.getByRole('heading', { name: '关于原文', level: 1 }).waitFor();
    expect(await leavingLinks(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, '13-preview-source-360.png') });
    await fitsTheWidth();
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(problems).toEqual([]);
  });
});
