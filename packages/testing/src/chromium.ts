import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { testingEnv } from './env.js';

/** Debian's Chromium (CHROMIUM_PATH, /usr/bin/chromium by default). */
export const CHROMIUM_PATH = testingEnv.CHROMIUM_PATH;

/** Headless and quiet: no sandbox (containers run as root), no GPU, no calls home. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, never a downloaded browser; `extraArgs` go after the usual ones. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `${CHROMIUM_PATH} is missing: install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
  });
}

/** Longest a screenshot waits for the page's transitions to end. */
const SETTLE_MS = 2_000;

/**
 * Waits until the page's running CSS transitions and animations have ended (those that end: a
 * spinner's do not), at most SETTLE_MS. A screenshot taken right after a resize caught the
 * outline drawer half slid away at 360 px, covering the page with half its text cut off.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    `Promise.race([
      Promise.all(document.getAnimations()
        .filter((a) => a.effect !== null && a.effect.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, ${SETTLE_MS})),
    ])`,
  );
}

/**
 * A full-page screenshot into `dir`/<name>.png (a git-ignored folder, for people to look at), once
 * the page's transitions have ended.
 */
export async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await settled(page);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * Collects a page's script errors and console errors (CSP violations among them); the list must
 * stay empty. Failed loads are left out: expected 401 and 409 answers show up as those.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  return problems;
}
