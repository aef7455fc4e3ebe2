import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  draftViaApi,
  editorHooks,
  editorReady,
  editorsForThisFile,
  itCausedNoProblems,
  measureOf,
  openMeasure,
  present,
  waitSaved,
} from './editors.js';

// Issue 13 point 1: a duplicated browser tab copies sessionStorage, so both copies shared one tab
// id and one unsent queue. window.open of the same address copies sessionStorage in Chromium
// just as 复制标签页 does.

const editors = editorsForThisFile();
const tabIdOf = (page: Page): Promise<string> =>
  page.evaluate<string>('window.__leshanEditor.tabId');
const unsentOf = (page: Page): Promise<number> =>
  page.evaluate<number>('window.__leshanEditor.unsent()');
const savedKeys = async (page: Page): Promise<string[]> =>
  present(await editorHooks(page), 'hooks').savedChanges.flatMap((s) => s.keys);

describe('issue 13 point 1: a duplicated tab', () => {
  it('gets its own tab id and sends each unsent change once, from the tab that made it', async () => {
    const [a] = editors().tabs;
    const original = a.page;
    const mine = '将乐山港升级改造为成都港，建设国际集装箱码头。';
    // This tab's saves fail for now: its change is unsent while the tab is duplicated.
    await original.route('**/api/draft/commands', (route) => route.abort());
    await (await openMeasure(original, '将乐山港升级改造为成都港')).fill(mine);
    await expect.poll(() => unsentOf(original)).toBeGreaterThan(0);

    const [copy] = await Promise.all([
      a.context.waitForEvent('page'),
      original.evaluate('void window.open(location.href)'),
    ]);
    await editorReady(copy);
    const [first, second] = [await tabIdOf(original), await tabIdOf(copy)];
    expect(second).not.toBe(first);
    await expect(
      copy.evaluate<string | null>("sessionStorage.getItem('leshan-admin:tab-id')"),
    ).resolves.toBe(second);
    // The copy does not hold (and so never sends) the original's unsent change.
    expect(await unsentOf(copy)).toBe(0);

    const field = await openMeasure(copy, '落实“一环九射两纵两横”高速公路网');
    const theirs = `${await field.inputValue()}加快乐西高速建设。`;
    await field.fill(theirs);
    await waitSaved(copy);
    await original.unroute('**/api/draft/commands');
    await waitSaved(original, 30_000);

    const report = (await draftViaApi(copy, editors().admin.baseUrl)).report;
    expect(measureOf(report, 'm42')?.text).toBe(mine);
    expect(measureOf(report, 'm38')?.text).toBe(theirs);
    expect(await savedKeys(original)).toContain('m42/text');
    expect(await savedKeys(copy)).not.toContain('m42/text');
    expect(await savedKeys(copy)).toContain('m38/text');
    await copy.close();
  });

  it('keeps its own tab id across a reload', async () => {
    const [, b] = editors().tabs;
    const before = await tabIdOf(b.page);
    await b.page.reload();
    await editorReady(b.page);
    expect(await tabIdOf(b.page)).toBe(before);
  });

  itCausedNoProblems(editors);
});
