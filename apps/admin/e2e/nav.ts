import type { Page } from 'playwright-core';

/**
 * Opens a screen from 主导航 by its link's words: the link at once when it shows, else first the
 * menu holding it (a group's menu, or on a phone the one 更多 menu).
 */
export async function openScreen(page: Page, label: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: '主导航' });
  const link = nav.getByRole('link', { name: label, exact: true, includeHidden: true });
  if (!(await link.isVisible())) {
    const inMenu = page.getByRole('link', { name: label, exact: true, includeHidden: true });
    const menu = await nav.locator('[data-nav-menu]').filter({ has: inMenu }).getAttribute('id');
    await nav.locator(`button[aria-controls="${menu ?? ''}"]`).click();
  }
  await link.click();
}

/** 主导航's links in order, those in closed menus too. */
export const navLinks = (page: Page): Promise<string[]> =>
  page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { includeHidden: true })
    .allTextContents();
