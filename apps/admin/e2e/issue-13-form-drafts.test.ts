import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  draftViaApi,
  editorsForThisFile,
  itCausedNoProblems,
  openMeasure,
  reload,
  screenshotsAt,
  waitSaved,
} from './editors.js';

// Issue 13 point 1: unsubmitted text survives moving around the app — the add dialog too.

const editors = editorsForThisFile();
const NEW_TEXT = '推动乐山港与成都港联动发展，开通集装箱班轮航线。';

async function openAddMeasure(page: Page) {
  await page.getByRole('button', { name: '在此之后新增举措' }).click();
  const dialog = page.getByRole('dialog', { name: '新增举措' });
  await dialog.waitFor();
  return dialog;
}

describe('issue 13 point 1: the add dialog keeps its typed text', () => {
  it('keeps the text through closing, another measure and a reload, until it is added', async () => {
    const [a] = editors().tabs;
    await openMeasure(a.page, '将乐山港升级改造为成都港');
    let dialog = await openAddMeasure(a.page);
    await dialog.getByLabel('举措内容').fill(NEW_TEXT);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await openMeasure(a.page, '落实“一环九射两纵两横”高速公路网');
    dialog = await openAddMeasure(a.page);
    await expect(dialog.getByLabel('举措内容').inputValue()).resolves.toBe(NEW_TEXT);
    await screenshotsAt(a.page, 'add-dialog-kept');
    await dialog.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await reload(a.page);
    await openMeasure(a.page, '落实“一环九射两纵两横”高速公路网');
    dialog = await openAddMeasure(a.page);
    await expect(dialog.getByLabel('举措内容').inputValue()).resolves.toBe(NEW_TEXT);
    await dialog.getByRole('button', { name: '添加' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitSaved(a.page);
    const draft = await draftViaApi(a.page, editors().admin.baseUrl);
    expect(JSON.stringify(draft.report)).toContain(NEW_TEXT);

    dialog = await openAddMeasure(a.page);
    await expect(dialog.getByLabel('举措内容').inputValue()).resolves.toBe('');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('forgets the text when the editor discards it', async () => {
    const [, b] = editors().tabs;
    await openMeasure(b.page, '将乐山港升级改造为成都港');
    let dialog = await openAddMeasure(b.page);
    await dialog.getByLabel('举措内容').fill('不要的草稿文字。');
    await dialog.getByRole('button', { name: '放弃已输入的内容' }).click();
    await expect(dialog.getByLabel('举措内容').inputValue()).resolves.toBe('');
    await dialog.getByRole('button', { name: '取消' }).click();
    dialog = await openAddMeasure(b.page);
    await expect(dialog.getByLabel('举措内容').inputValue()).resolves.toBe('');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  itCausedNoProblems(editors);
});
