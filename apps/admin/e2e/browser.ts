import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { watchProblems } from '@leshan/testing/chromium';

/** Git-ignored: screenshots of each step, for people to look at. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../e2e-screenshots/', import.meta.url));

/** axe-core's WCAG 2.1 AA rules on the page as it is now; returns "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  );
}

/** How far the page reaches past the viewport's right edge (0: nothing to scroll sideways). */
export const sideways = (page: Page): Promise<number> =>
  page.evaluate<number>(
    '(document.scrollingElement ?? document.documentElement).scrollWidth - window.innerWidth',
  );

/**
 * A new page of the given width signed in to the admin at `baseUrl` as `who`; its script errors
 * are collected in `problems`.
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  who: { email: string; password: string },
  width: number,
  problems: string[][],
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  problems.push(watchProblems(page));
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('电子邮箱').fill(who.email);
  await page.getByLabel('密码', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  return page;
}
