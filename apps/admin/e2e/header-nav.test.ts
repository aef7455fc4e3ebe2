import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from '@leshan/testing/chromium';
import { axeViolations, SCREENSHOT_DIR, sideways, signedInPage } from './browser.js';
import { ADMIN, startAdmin } from './harness.js';
import type { RunningAdmin } from './harness.js';
import { navLinks, openScreen } from './nav.js';

// The header at 1280 and 360 px with an admin's 13 screens (站点设置 in the 管理 menu): one row at 1280 px, with 编辑 · 预览 · 修订历史 and a disclosure menu per
// group; at 360 px the groups are one 更多 menu. Keyboard: Enter opens, Escape closes and gives
// focus back. No sideways scroll, axe clean, open and closed.

let admin: RunningAdmin;
let browser: Browser;
const problems: string[][] = [];

beforeAll(async () => {
  admin = await startAdmin();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await admin.close();
});

const open = (width: number) => signedInPage(browser, admin.baseUrl, ADMIN, width, problems);

/** The header's rows: its brand, navigation, save state and user parts by their middles. */
const headerRows = (page: Page) =>
  page.evaluate<number>(`new Set([...document.querySelector('header.top').children]
    .filter((e) => e.getClientRects().length > 0)
    .map((e) => { const r = e.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 32); })).size`);

const ALL = [
  '编辑',
  '预览',
  '修订历史',
  '督办看板',
  '单位管理',
  '批量更新',
  '待审核',
  '公众反馈',
  '导入原文',
  '发布',
  '用户管理',
  '审计日志',
  '站点设置',
];

describe('the admin header in Chromium', () => {
  it('is one row at 1280 px: three links and a menu per group, keyboard-operable', async () => {
    const page = await open(1280);
    expect(await navLinks(page)).toEqual(ALL);
    await screenshot(page, SCREENSHOT_DIR, 'header-1280');
    expect(await headerRows(page)).toBe(1);
    const nav = page.getByRole('navigation', { name: '主导航' });
    const shown = await nav.locator('a:visible, button:visible').allTextContents();
    expect(shown.map((t) => t.replace('▾', ''))).toEqual([
      '编辑',
      '预览',
      '修订历史',
      '跟踪督办',
      '导入与发布',
      '管理',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard: focus the menu button, Enter opens, Tab reaches its links, Escape closes.
    const follow = nav.getByRole('button', { name: '跟踪督办' });
    await follow.focus();
    await page.keyboard.press('Enter');
    expect(await follow.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('督办看板');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOT_DIR, 'header-1280-menu-open');
    await page.keyboard.press('Escape');
    expect(await follow.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate('document.activeElement?.textContent')).toContain('跟踪督办');

    // A screen in a menu: chosen, the menu closes, its button marks where the page is.
    await openScreen(page, '待审核');
    await page.getByRole('heading', { name: '待审核', level: 1 }).waitFor();
    expect(await follow.getAttribute('aria-expanded')).toBe('false');
    expect(await follow.getAttribute('class')).toContain('current');
    await openScreen(page, '审计日志');
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    expect(problems.flat()).toEqual([]);
  });

  it('at 360 px shows 编辑 · 预览 · 修订历史 and one 更多 menu, without sideways scroll', async () => {
    const page = await open(360);
    expect(await navLinks(page)).toEqual(ALL);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOT_DIR, 'header-360');
    const more = page.getByRole('button', { name: '更多' });
    await more.click();
    const box = await page.locator('.nav-panel:visible').boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(360);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOT_DIR, 'header-360-menu-open');
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await openScreen(page, '用户管理');
    await page.getByRole('heading', { name: '用户管理', level: 1 }).waitFor();
    expect(await more.getAttribute('class')).toContain('current');
    expect(problems.flat()).toEqual([]);
  });
});
