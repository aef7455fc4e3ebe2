import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canonicalReport, editableCopy } from '@leshan/report-core';
import { RevisionListSchema } from '../src/api/revisions.schemas.js';
import {
  draftViaApi,
  INTERNAL_ID,
  measureOf,
  openMeasure,
  present,
  reload,
  screenshotsAt,
  waitSaved,
  itCausedNoProblems,
  editorsForThisFile,
} from './editors.js';

// Issue 13 point 5: 35 revisions in a short session, listed as "N 项修改"; only consecutive
// revisions could be compared and only the whole draft restored.

const editors = editorsForThisFile();
const ORIGINAL = present(measureOf(editableCopy(canonicalReport), 'm38'), 'm38').text;
const textOf = async (page: Page, id: string) =>
  measureOf((await draftViaApi(page, editors().admin.baseUrl)).report, id)?.text;

async function history(page: Page) {
  const response = await page.request.get(`${editors().admin.baseUrl}/api/revisions?limit=200`);
  return RevisionListSchema.parse(await response.json()).revisions;
}

async function openHistory(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '修订历史' })
    .click();
  await page.getByRole('heading', { name: '修订历史', level: 1 }).waitFor();
}

const entries = (page: Page) => page.locator('.history-entries > li');

/** Ticks revision 0 and the newest entry, compares them; returns the compare pane. */
async function compareWithFirst(page: Page) {
  await openHistory(page);
  const newest = present((await history(page))[0], 'newest entry');
  await page.getByRole('checkbox', { name: '选来比较：第 0 版' }).check();
  await page.getByRole('checkbox', { name: new RegExp(`选来比较：.*${newest.number} 版`) }).check();
  await page.getByRole('button', { name: `比较第 0 版与第 ${newest.number} 版` }).click();
  const pane = page.locator('.history-screen .pane');
  await pane.getByRole('heading', { name: `第 0 版与第 ${newest.number} 版的比较` }).waitFor();
  return pane;
}

describe('issue 13 point 5: history people can read', () => {
  it('makes one revision of one editor’s consecutive edits to one measure, summarised in words', async () => {
    const [a, b, c] = editors().tabs;
    const field = await openMeasure(a.page, '落实“一环九射两纵两横”高速公路网');
    for (const more of ['加快', '加快建设', '加快建设乐山港。']) {
      await field.fill(`${ORIGINAL}${more}`);
      await waitSaved(a.page);
    }
    // Fresh copies of the draft, so this test does not depend on live updates (point 3).
    await reload(b.page);
    await reload(c.page);
    const theirs = await openMeasure(b.page, '落实“一环九射两纵两横”高速公路网');
    await theirs.fill(`${ORIGINAL}加快建设乐山港。力争通车。`);
    await waitSaved(b.page);
    const port = await openMeasure(c.page, '将乐山港升级改造为成都港');
    await port.fill('将乐山港升级改造为成都港，建成集装箱码头。');
    await waitSaved(c.page);

    const listed = await history(a.page);
    const byA = listed.filter((r) => r.authorName === '李编辑');
    expect(byA).toHaveLength(1);
    expect(byA[0]?.summary).toEqual([
      expect.stringMatching(
        /^李编辑 修改了 第一章 · 建设区域综合交通枢纽 · “落实“一环九射.*” 的文字$/,
      ),
    ]);
    expect(listed.map((r) => r.authorName)).toEqual(['王编辑', '张编辑', '李编辑', '系统']);

    await openHistory(a.page);
    await expect(entries(a.page).count()).resolves.toBe(4);
    const words = present(await entries(a.page).allTextContents(), 'entries').join('\n');
    expect(words).toContain('李编辑 修改了 第一章 · 建设区域综合交通枢纽 · “落实');
    expect(words).not.toMatch(/\d+ 项修改/);
    expect(words).not.toMatch(INTERNAL_ID);
    await screenshotsAt(a.page, 'history');
  });

  it('filters the history by person, by node and by day', async () => {
    const [a] = editors().tabs;
    await openHistory(a.page);
    const filters = a.page.getByRole('form', { name: '筛选修订' });
    const apply = () => filters.getByRole('button', { name: '筛选', exact: true }).click();
    await filters.getByLabel('修改人').selectOption({ label: '张编辑' });
    await apply();
    await expect
      .poll(() => entries(a.page).allTextContents())
      .toEqual([expect.stringContaining('张编辑')]);

    await filters.getByRole('button', { name: '清除筛选' }).click();
    const nodes = filters.getByLabel('修改的内容');
    const port = await nodes
      .locator('option', { hasText: '将乐山港升级改造' })
      .getAttribute('value');
    await nodes.selectOption(present(port, 'the option of m42'));
    await apply();
    await expect
      .poll(() => entries(a.page).allTextContents())
      .toEqual([expect.stringContaining('王编辑')]);

    await filters.getByRole('button', { name: '清除筛选' }).click();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    await filters.getByLabel('起始日期（北京时间）').fill(today);
    await apply();
    await expect.poll(() => entries(a.page).count()).toBe(4);
    const yesterday = new Date(Date.parse(`${today}T12:00:00+08:00`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    await filters.getByLabel('起始日期（北京时间）').fill('');
    await filters.getByLabel('结束日期（北京时间）').fill(yesterday);
    await apply();
    await a.page.getByText('没有符合条件的修订。').waitFor();
    await filters.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => entries(a.page).count()).toBe(4);
  });

  it('compares any two revisions, naming nodes as editors do', async () => {
    const [a] = editors().tabs;
    const pane = await compareWithFirst(a.page);
    await pane.getByText('第一章 · 建设区域综合交通枢纽 · “落实').first().waitFor();
    await pane.getByText('第一章 · 建设区域综合交通枢纽 · “将乐山港').first().waitFor();
    expect(
      present(await pane.locator('.diff, .summary').first().textContent(), 'diff'),
    ).not.toMatch(INTERNAL_ID);
  });

  it('restores one measure from a revision, warning of the later changes by others it reverts', async () => {
    const [a] = editors().tabs;
    await reload(a.page);
    const pane = await compareWithFirst(a.page);
    await pane
      .getByRole('button', { name: /^恢复为第 0 版：第一章 · 建设区域综合交通枢纽 · “落实/ })
      .click();
    const dialog = a.page.getByRole('dialog', { name: '只恢复一处' });
    const warning = dialog.getByRole('alert');
    await warning.waitFor();
    const words = present(await warning.textContent(), 'warning');
    expect(words).toContain('张编辑');
    expect(words).toContain('修改了 第一章 · 建设区域综合交通枢纽 · “落实');
    expect(words).not.toContain('王编辑');
    await screenshotsAt(a.page, 'restore-node-warning');
    await dialog.getByRole('button', { name: '仍然恢复' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await textOf(a.page, 'm38')).toBe(ORIGINAL);
    // The other measure changed since keeps its change.
    expect(await textOf(a.page, 'm42')).toBe('将乐山港升级改造为成都港，建成集装箱码头。');
  });

  it('keeps undo across a reload', async () => {
    const [, b] = editors().tabs;
    await reload(b.page);
    const field = await openMeasure(b.page, '聚焦产业链主攻方向');
    const text = await field.inputValue();
    await field.fill(`${text}〔将撤销〕`);
    await waitSaved(b.page);
    await reload(b.page);
    const undo = b.page.getByRole('button', { name: /^撤销：/ });
    await expect(undo.isEnabled()).resolves.toBe(true);
    await undo.click();
    await waitSaved(b.page);
    expect(await textOf(b.page, 'm92')).toBe(text);
  });

  itCausedNoProblems(editors);
});
