import type { BrowserContext, Page } from 'playwright-core';
import type { InertReport } from './figures.js';

/** The little of the DOM the checks use (the package compiles without the DOM library). */
interface MiniElement {
  outerHTML: string;
  textContent: string | null;
  getAttribute: (name: string) => string | null;
}
interface MiniDocument {
  querySelectorAll: (selector: string) => Iterable<MiniElement>;
  body: { innerText: string };
}
/** Elements and handlers no page of the system has by itself; the payloads would add them. */
const INJECTED = '[onerror], [onload], [onmouseover], iframe, img[src="x"], b[onmouseover]';

export function watch(page: Page): { dialogs: string[]; pageErrors: string[] } {
  const seen = { dialogs: [] as string[], pageErrors: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.pageErrors.push(error.message));
  return seen;
}

/** Checks the page as it is now (after `open` loaded it) for executed or injected payloads. */
export async function inspect(
  page: Page,
  where: string,
  seen: { dialogs: string[]; pageErrors: string[] },
  texts: readonly string[],
): Promise<InertReport> {
  const found = await page.evaluate(
    ({ selector, expected }) => {
      const document = (globalThis as unknown as { document: MiniDocument }).document;
      const injected = [...document.querySelectorAll(selector)].map((e) =>
        e.outerHTML.slice(0, 120),
      );
      for (const script of document.querySelectorAll('script')) {
        const type = script.getAttribute('type') ?? '';
        const runs = type === '' || type === 'module' || type.includes('javascript');
        if (runs && (script.textContent ?? '').includes('alert('))
          injected.push(`script: ${(script.textContent ?? '').slice(0, 80)}`);
      }
      const text = document.body.innerText.replace(/\s+/g, ' ');
      return { injected, missing: expected.filter((t) => !text.includes(t)) };
    },
    { selector: INJECTED, expected: [...texts] },
  );
  return {
    where,
    dialogs: [...seen.dialogs],
    pageErrors: [...seen.pageErrors],
    injected: found.injected,
    missingText: found.missing,
  };
}

/** Opens `url` in a fresh page of the context, waits until every text shows (or a timeout), inspects. */
export async function inspectUrl(
  context: BrowserContext,
  url: string,
  texts: readonly string[],
): Promise<InertReport> {
  const page = await context.newPage();
  const seen = watch(page);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(
        (expected) =>
          expected.every((t) =>
            (globalThis as unknown as { document: MiniDocument }).document.body.innerText
              .replace(/\s+/g, ' ')
              .includes(t),
          ),
        [...texts],
        { timeout: 20_000 },
      )
      .catch(() => undefined);
    return await inspect(page, url, seen, texts);
  } finally {
    await page.close();
  }
}

/** The same for an HTML document given as text (an exported file). */
export async function inspectHtml(
  context: BrowserContext,
  where: string,
  html: string,
  texts: readonly string[],
): Promise<InertReport> {
  const page = await context.newPage();
  const seen = watch(page);
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await inspect(page, where, seen, texts);
  } finally {
    await page.close();
  }
}
