import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { listMeasures } from '@leshan/report-core';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import { SCREENSHOT_DIR } from './browser.js';
import { ADMIN, startAdmin } from './harness.js';
import type { RunningAdmin } from './harness.js';

// Issue 13 point 9: every admin screen works at 360 px — nothing scrolls sideways, the outline is
// a drawer, tap targets are at least 40 px — and still looks right at 1280 px.
const SCREENS = [
  { path: '', name: 'edit', heading: '编辑草稿' },
  { path: 'preview', name: 'preview', heading: null },
  { path: 'history', name: 'history', heading: '修订历史' },
  { path: 'oversight', name: 'oversight', heading: '督办看板' },
  { path: 'departments', name: 'departments', heading: '单位管理' },
  { path: 'import', name: 'import', heading: null },
  { path: 'publish', name: 'publish', heading: '发布' },
  { path: 'users', name: 'users', heading: '用户管理' },
  { path: 'audit', name: 'audit', heading: '审计日志' },
  { path: 'account', name: 'account', heading: null },
] as const;

let admin: RunningAdmin;
let browser: Browser;
let phone: Page;
let desk: Page;
const problems: string[] = [];

async function signIn(page: Page): Promise<void> {
  await page.goto(`${admin.baseUrl}/admin/`);
  await page.getByLabel('电子邮箱').fill(ADMIN.email);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

/** How far the page reaches past the viewport's right edge (0: nothing to scroll sideways). */
async function sideScroll(page: Page): Promise<number> {
  // A string, so this Node-side file needs no DOM types.
  return page.evaluate<number>(
    '(document.scrollingElement ?? document.documentElement).scrollWidth - window.innerWidth',
  );
}

/** Visible buttons, links and form controls less than 40 px tall or wide, as "text (w×h)". */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('main button, main select, main input:not([type=checkbox]):not([type=radio]), main [role=treeitem], header a, header button, main a.button')) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (box.height < 40 || box.width < 40)
        out.push((el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 20) + ' (' + Math.round(box.width) + '×' + Math.round(box.height) + ')');
    }
    return out;
  })()`);
}

/** A few saved edits of one measure through the API, so the history has something to show. */
async function saveEdits(page: Page, count: number): Promise<void> {
  const draft = await admin.store.getDraft();
  const measure = draft === null ? undefined : listMeasures(draft.report)[0];
  if (draft === null || measure === undefined) throw new Error('e2e: no draft measure');
  const texts = Array.from(
    { length: count },
    (_, i) => `${measure.measure.text}（第${i + 1}次修改）`,
  );
  await page.evaluate(`(async () => {
    const session = await (await fetch('/api/session')).json();
    let base = ${draft.revision};
    for (const text of ${JSON.stringify(texts)}) {
      const answer = await fetch('/api/draft/commands', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ baseRevision: base, commands: [{ type: 'measure.update', id: ${JSON.stringify(measure.id)}, patch: { text } }] }),
      });
      if (!answer.ok) throw new Error('save refused: ' + answer.status + ' ' + (await answer.text()));
      base = (await answer.json()).revision;
    }
  })()`);
}

beforeAll(async () => {
  admin = await startAdmin();
  browser = await launchChromium();
  phone = await (
    await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' })
  ).newPage();
  desk = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  ).newPage();
  for (const page of [phone, desk]) {
    const seen = watchProblems(page);
    page.on('close', () => problems.push(...seen));
    await signIn(page);
  }
  await saveEdits(desk, 3);
});

afterAll(async () => {
  await browser.close();
  await admin.close();
  expect(problems).toEqual([]);
});

describe('issue 13 point 9: admin screens at 360 px and 1280 px', () => {
  for (const screen of SCREENS) {
    it(`${screen.name}: no horizontal scroll at 360 px, tap targets of 40 px`, async () => {
      for (const [page, width] of [
        [phone, 360],
        [desk, 1280],
      ] as const) {
        await page.goto(`${admin.baseUrl}/admin/${screen.path}`);
        await page.getByRole('navigation', { name: '主导航' }).waitFor();
        if (screen.heading !== null)
          await page.getByRole('heading', { name: screen.heading }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await screenshot(page, SCREENSHOT_DIR, `narrow-${screen.name}-${width}`);
        expect(await sideScroll(page), `${screen.name} at ${width} px`).toBeLessThanOrEqual(0);
        if (screen.name === 'history') {
          await page
            .getByRole('button', { name: /^查看改动/ })
            .first()
            .click();
          await page.getByRole('heading', { name: /的改动$/ }).waitFor();
          await page.waitForLoadState('networkidle');
          await screenshot(page, SCREENSHOT_DIR, `narrow-history-view-${width}`);
          expect(await sideScroll(page), `history view at ${width} px`).toBeLessThanOrEqual(0);
        }
      }
      expect(await smallTargets(phone), screen.name).toEqual([]);
    });
  }

  it('publishing on a phone: the export jobs are cards with the formats’ Chinese names', async () => {
    await phone.goto(`${admin.baseUrl}/admin/publish`);
    await phone.getByRole('button', { name: '发布新版本' }).click();
    await phone
      .getByRole('dialog', { name: '确认发布' })
      .getByRole('button', { name: '发布' })
      .click();
    const exports = phone.getByRole('region', { name: /已发布：导出文件/ });
    await exports.getByText('举措表（CSV）').waitFor();
    await screenshot(phone, SCREENSHOT_DIR, 'narrow-publish-exports-360');
    expect(await sideScroll(phone)).toBeLessThanOrEqual(0);
  });

  it('the outline is a drawer at 360 px: closed over nothing, opened by its button, closed by choosing', async () => {
    await phone.goto(`${admin.baseUrl}/admin/`);
    const tree = phone.getByRole('tree', { name: '报告大纲' });
    const toggle = phone.getByRole('button', { name: '报告大纲' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await tree.isVisible()).toBe(false);
    // The editing pane starts at the left edge: the outline does not cover it.
    const pane = await phone.getByRole('region', { name: '编辑区' }).boundingBox();
    expect(pane?.x ?? -1).toBeLessThan(40);

    await toggle.click();
    await tree.waitFor({ state: 'visible' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    // The viewport only: a full-page shot would stretch the fixed drawer's backdrop.
    await phone.screenshot({ path: join(SCREENSHOT_DIR, 'narrow-edit-drawer-open-360.png') });
    expect(await sideScroll(phone)).toBeLessThanOrEqual(0);

    // Choosing a measure shows it and closes the drawer.
    await tree.getByRole('treeitem').nth(3).click();
    await tree.waitFor({ state: 'hidden' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // Escape closes it too, and focus goes back to the button.
    await toggle.click();
    await tree.waitFor({ state: 'visible' });
    await phone.keyboard.press('Escape');
    await tree.waitFor({ state: 'hidden' });
    expect(await phone.evaluate<string | null>('document.activeElement?.id ?? null')).toBe(
      'outline-toggle',
    );
  });

  it('at 1280 px the outline stays beside the editing pane, with no drawer button', async () => {
    await desk.goto(`${admin.baseUrl}/admin/`);
    await desk.getByRole('tree', { name: '报告大纲' }).waitFor({ state: 'visible' });
    expect(await desk.getByRole('button', { name: '报告大纲' }).isVisible()).toBe(false);
  });
});
