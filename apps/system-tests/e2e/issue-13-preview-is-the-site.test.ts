import { fileURLToPath } from 'node:url';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killLeftovers, removeDir, startSystem } from '../src/system.js';
import type { Credentials, RunningSystem } from '../src/system.js';

// Issue 13 point 7: the admin preview renders the draft with the viewer's own page components.
// Right after the first start the draft is edition 1, so the same measure must come out of the
// public page and of the preview as the same markup — only the links differ (the preview's stay
// inside it). The same holds for the targets table and chart, the places and the editorial notes.

const SCREENSHOT_DIR = fileURLToPath(new URL('../e2e-screenshots/', import.meta.url));

let system: RunningSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];

/**
 * The markup of every element matching `selector`, without links' and forms' targets or React's
 * text separators. Attributes are put in name order and a select's choice is written as its
 * value: a page rendered in the browser (the preview) and one rendered on the server (the site)
 * serialize the same elements with attributes in another order, and the server writes the chosen
 * option as `selected`.
 */
async function markupOf(selector: string): Promise<string[]> {
  await page.locator(selector).first().waitFor();
  const html = await page.evaluate<string[]>(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => {
      const copy = e.cloneNode(true);
      const selects = [...e.querySelectorAll('select')];
      [...copy.querySelectorAll('select')].forEach((s, i) => s.setAttribute('data-value', selects[i].value));
      for (const el of [copy, ...copy.querySelectorAll('*')]) {
        const attrs = [...el.attributes].filter((a) => a.name !== 'selected').map((a) => [a.name, a.value]);
        for (const [name] of [...el.attributes].map((a) => [a.name])) el.removeAttribute(name);
        for (const [name, value] of attrs.sort((a, b) => (a[0] < b[0] ? -1 : 1))) el.setAttribute(name, value);
      }
      return copy.outerHTML;
    })`,
  );
  return html.map((h) => h.replace(/ (?:href|action)="[^"]*"/g, '').replace(/<!--.*?-->/g, ''));
}

beforeAll(async () => {
  system = await startSystem();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  problems = watchProblems(page);
  const admin = system.credentials as Credentials;
  await page.goto(`${system.adminUrl}/admin/`);
  await page.getByLabel('电子邮箱').fill(admin.email);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (system !== undefined) {
    const exit = await system.stop();
    expect(exit.code, exit.output).toBe(0);
    removeDir(system.dataDir);
  }
  killLeftovers();
});

describe('issue 13: the preview is the public site', () => {
  it('renders each measure of a chapter as the same markup as the public page, minus the banner and links', async () => {
    await page.goto(`${system.adminUrl}/admin/preview/chapters/1`);
    await page.getByText('预览：尚未发布').waitFor();
    const preview = await markupOf('.draft-site li.measure');
    await screenshot(page, SCREENSHOT_DIR, 'issue-13-preview-chapter-1');

    await page.goto(`${system.viewerUrl}/chapters/1`);
    const site = await markupOf('main li.measure');
    expect(site.length).toBeGreaterThan(3);
    expect(preview).toEqual(site);
    // One of them names a place: a link on both, into the places page of each.
    expect(site.some((h) => h.includes('<a lang="zh-CN">'))).toBe(true);
    await page.goto(`${system.adminUrl}/admin/preview/chapters/1`);
    const placeLink = page.locator('.draft-site li.measure a[lang="zh-CN"]').first();
    expect(await placeLink.getAttribute('href')).toMatch(/^\/admin\/preview\/places#place-/);
  });

  it('renders the chapter outline of the home page the same way', async () => {
    await page.goto(`${system.adminUrl}/admin/preview`);
    const preview = await markupOf('.draft-site .chapter-cards');
    await page.goto(`${system.viewerUrl}/`);
    expect(preview).toEqual(await markupOf('main .chapter-cards'));
    expect(problems).toEqual([]);
  });

  it('renders the targets page — filters, table and charts — the same way', async () => {
    await page.goto(`${system.adminUrl}/admin/preview/targets`);
    const selectors = ['form.filters', 'table.targets', '.charts'];
    const preview: string[][] = [];
    for (const s of selectors) preview.push(await markupOf(`.draft-site ${s}`));
    await screenshot(page, SCREENSHOT_DIR, 'issue-13-preview-targets');
    await page.goto(`${system.viewerUrl}/targets`);
    const site: string[][] = [];
    for (const s of selectors) site.push(await markupOf(`main ${s}`));
    expect(site[1]?.[0]).toContain('>m38<');
    expect(preview).toEqual(site);
    // Its measure links stay inside the preview.
    await page.goto(`${system.adminUrl}/admin/preview/targets`);
    const measure = page.locator('.draft-site table.targets tbody a').first();
    expect(await measure.getAttribute('href')).toMatch(/^\/admin\/preview\/chapters\/\d+#m\d+$/);
  });

  it('renders the places and the editorial notes the same way, their links inside the preview', async () => {
    await page.goto(`${system.adminUrl}/admin/preview/places`);
    const places = await markupOf('.draft-site section.place');
    await page.goto(`${system.viewerUrl}/places`);
    expect(places).toEqual(await markupOf('main section.place'));

    await page.goto(`${system.adminUrl}/admin/preview/source`);
    const notes = await markupOf('.draft-site article.note');
    const nodeLinks = await page.evaluate<string[]>(
      `[...document.querySelectorAll('.draft-site .note-nodes a')].map((a) => a.getAttribute('href'))`,
    );
    await page.goto(`${system.viewerUrl}/source`);
    expect(notes).toEqual(await markupOf('main article.note'));
    expect(nodeLinks.length).toBeGreaterThan(0);
    for (const href of nodeLinks) expect(href).toMatch(/^\/admin\/preview(?:[/#]|$)/);
    expect(problems).toEqual([]);
  });
});
