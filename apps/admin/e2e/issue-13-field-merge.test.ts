import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  conflictDialog,
  draftViaApi,
  INTERNAL_ID,
  measureOf,
  openMeasure,
  present,
  resolveEach,
  screenshotsAt,
  setOffline,
  waitForHeader,
  waitSaved,
  itCausedNoProblems,
  editorsForThisFile,
} from './editors.js';
import type { EditorTab } from './editors.js';

// Issue 13 point 2: conflicts only where two people changed the same thing.

const editors = editorsForThisFile();
const measure = async (page: Page, id: string) =>
  present(measureOf((await draftViaApi(page, editors().admin.baseUrl)).report, id), id);

/** Adds a dated progress update with this note through the form. */
async function addUpdate(page: Page, note: string): Promise<void> {
  await page.getByLabel('进展说明').fill(note);
  await page.getByRole('button', { name: '添加记录' }).click();
  await page.getByText(note).first().waitFor();
}

/**
 * Each editor changes the same measure while offline (so all start from one revision), then
 * they come back one after the other; none may see a conflict.
 */
async function concurrently(
  words: string,
  edits: readonly (readonly [EditorTab, (page: Page) => Promise<void>])[],
): Promise<void> {
  for (const [tab] of edits) {
    await openMeasure(tab.page, words);
    await setOffline(tab, true);
  }
  for (const [tab, edit] of edits) {
    await edit(tab.page);
    await waitForHeader(tab.page, ['offline']);
  }
  for (const [tab] of edits) {
    await setOffline(tab, false);
    await waitForHeader(tab.page, ['saved', 'conflict']);
    expect(await conflictDialog(tab.page).count(), `${tab.person.displayName} saw a conflict`).toBe(
      0,
    );
  }
}

describe('issue 13 point 2: conflicts only where two people changed the same thing', () => {
  it('merges a text change, a progress update and a places change made on one measure from one revision', async () => {
    const [a, b, c] = editors().tabs;
    const before = await measure(a.page, 'm92');
    await concurrently('聚焦产业链主攻方向', [
      [a, async (page) => page.getByLabel('举措内容').fill(`${before.text}〔甲改文字〕`)],
      [b, async (page) => addUpdate(page, '〔乙记进展〕光电信息产业链新签约项目')],
      [c, async (page) => page.getByRole('checkbox', { name: '市中区' }).check()],
    ]);
    const after = await measure(a.page, 'm92');
    expect(after.text).toBe(`${before.text}〔甲改文字〕`);
    expect(after.tracking.updates.map((u) => u.note)).toContain(
      '〔乙记进展〕光电信息产业链新签约项目',
    );
    expect(after.places).toContain('shizhong');
  });

  it('merges two progress updates and edits of two different indicators of one measure', async () => {
    const [a, b, c] = editors().tabs;
    const rename = (metric: string, to: string) => async (page: Page) => {
      await page.getByRole('button', { name: new RegExp(`编辑.*${metric}`) }).click();
      await page.getByLabel('指标名称').fill(to);
    };
    await concurrently('力争培育2个以上500亿元经济强县', [
      [a, rename('500亿元经济强县', '五百亿元经济强县')],
      [b, rename('300亿元经济大县', '三百亿元经济大县')],
      [c, async (page) => addUpdate(page, '〔丙记进展〕峨眉山市进入全国百强县')],
    ]);
    await concurrently('力争培育2个以上500亿元经济强县', [
      [a, async (page) => addUpdate(page, '〔甲记进展〕井研县地区生产总值增长')],
      [c, async (page) => addUpdate(page, '〔丙再记〕犍为县新增规上企业')],
    ]);
    const after = await measure(a.page, 'm72');
    expect(after.indicators.map((i) => i.metric)).toEqual([
      '五百亿元经济强县',
      '三百亿元经济大县',
      '全国百强县',
    ]);
    expect(after.tracking.updates.map((u) => u.note).sort()).toEqual(
      [
        '〔丙记进展〕峨眉山市进入全国百强县',
        '〔甲记进展〕井研县地区生产总值增长',
        '〔丙再记〕犍为县新增规上企业',
      ].sort(),
    );
  });

  it('conflicts on the same field, naming the node as editors do, both versions in their columns with a character diff', async () => {
    const [a, b] = editors().tabs;
    const mine = await openMeasure(a.page, '高标准建设现代制造业基地');
    const text = await mine.inputValue();
    await setOffline(a, true);
    await mine.fill(text.replace('高标准建设', '高质量建设'));
    await waitForHeader(a.page, ['offline']);
    const theirs = await openMeasure(b.page, '高标准建设现代制造业基地');
    await theirs.fill(`${text}〔乙补充〕`);
    await waitSaved(b.page);

    await setOffline(a, false);
    const dialog = conflictDialog(a.page);
    await dialog.waitFor({ timeout: 20_000 });
    const words = present(await dialog.textContent(), 'dialog text');
    expect(words).toContain('第二章 · 强化制造业支撑 · “高标准建设现代制造业');
    expect(words).toContain('张编辑');
    expect(words).not.toMatch(INTERNAL_ID);
    await expect(dialog.getByRole('region', { name: '我的版本' }).textContent()).resolves.toContain(
      '高质量建设',
    );
    await expect(
      dialog.getByRole('region', { name: '对方的版本' }).textContent(),
    ).resolves.toContain('〔乙补充〕');
    // The character diff marks what differs, not the whole text.
    const marked = await dialog.locator('ins, del').allTextContents();
    expect(marked.join('')).toMatch(/质|标/);
    const whole = present(
      await dialog.getByRole('region', { name: '对方的版本' }).textContent(),
      'theirs',
    );
    expect(marked.join('').length).toBeLessThan(whole.length / 2);
    await screenshotsAt(a.page, 'conflict-same-field');

    await resolveEach(dialog, '保留我的版本');
    await waitSaved(a.page);
    expect((await measure(a.page, 'm108')).text).toBe(text.replace('高标准建设', '高质量建设'));
  });

  itCausedNoProblems(editors);
});
