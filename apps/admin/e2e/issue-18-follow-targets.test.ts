import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from '@leshan/testing/chromium';
import { SCREENSHOT_DIR } from './browser.js';
import {
  conflictDialog,
  DESKTOP,
  PHONE,
  draftViaApi,
  editorsForThisFile,
  itCausedNoProblems,
  measureOf,
  openMeasure,
  present,
  reload,
  resolveEach,
  setOffline,
  waitSaved,
} from './editors.js';
import { openScreen } from './nav.js';

// Issue 18 points 1, 2 and 5 in the editor: the department list, a measure's responsibility,
// a target's observations with its attainment, and the oversight dashboard.

const editors = editorsForThisFile();
const SHOTS = join(SCREENSHOT_DIR, 'issue-18');
const M38 = '一环九射两纵两横';
const BUREAU = '交通运输局';

/** The whole page at 360 and 1280 px, and the new part alone (a phone's page is too long to read). */
async function shots(page: Page, name: string, part?: Locator): Promise<void> {
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
    await screenshot(page, SHOTS, `${name}-${viewport.width}`);
    // Nothing wider than the screen: the page never scrolls sideways.
    await expect(
      page.evaluate('document.documentElement.scrollWidth'),
    ).resolves.toBeLessThanOrEqual(viewport.width);
    if (part !== undefined)
      await part.screenshot({ path: join(SHOTS, `${name}-part-${viewport.width}.png`) });
  }
}

async function go(page: Page, label: string): Promise<void> {
  await openScreen(page, label);
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

const draft = async (page: Page) => (await draftViaApi(page, editors().admin.baseUrl)).report;
const m38 = async (page: Page) => present(measureOf(await draft(page), 'm38'), 'm38');
const highway = (page: Page) =>
  page.locator('.indicator-list > li').filter({ hasText: '新建高速公路' });

describe('issue 18: following the targets in the editor', () => {
  it('adds a department to the managed list, refusing an empty name in Chinese', async () => {
    const { page } = editors().tabs[0];
    await go(page, '单位管理');
    const form = page.getByRole('form', { name: '添加单位' });
    await form.getByRole('button', { name: '添加单位' }).click();
    await expect(form.locator('.field-error').textContent()).resolves.toContain('单位名称不能为空');
    await form.getByLabel('新单位名称').fill(BUREAU);
    await form.getByRole('button', { name: '添加单位' }).click();
    await page.getByRole('list', { name: '单位名单' }).getByRole('textbox').first().waitFor();
    await waitSaved(page);
    expect((await draft(page)).departments?.map((d) => d.name)).toEqual([BUREAU]);
    await expect(form.getByLabel('新单位名称').inputValue()).resolves.toBe('');
    await shots(page, 'departments');
  });

  it('assigns the department to m38 with a deadline and a yearly milestone', async () => {
    const { page } = editors().tabs[0];
    await page.setViewportSize(DESKTOP);
    await go(page, '编辑');
    await openMeasure(page, M38);
    const panel = page.getByRole('region', { name: '责任与时限' });
    await panel.getByLabel('牵头单位').selectOption({ label: BUREAU });
    await panel.getByLabel('完成时限').fill('2026-12-31');
    const milestone = panel.getByRole('form', { name: '添加年度节点' });
    await milestone.getByLabel('年份').fill('20x5');
    await milestone.getByRole('button', { name: '添加节点' }).click();
    await expect(milestone.locator('.field-error').first().textContent()).resolves.toMatch(/年份/);
    await milestone.getByLabel('年份').fill('2025');
    await milestone.getByLabel('节点内容').fill('乐西高速公路建成通车');
    await milestone.getByRole('button', { name: '添加节点' }).click();
    await panel.getByLabel('已完成').check();
    await waitSaved(page);
    const after = await m38(page);
    const bureau = present((await draft(page)).departments?.[0], 'department');
    expect(after.responsibility).toMatchObject({
      lead: bureau.id,
      co: [],
      deadline: '2026-12-31',
      milestones: [{ year: 2025, text: '乐西高速公路建成通车', done: true }],
    });
    await shots(page, 'responsibility', panel);
  });

  it('records an observation on m38-t1 and shows 43 % · 滞后 beside the target', async () => {
    const { page } = editors().tabs[0];
    await page.setViewportSize(DESKTOP);
    await openMeasure(page, M38);
    await expect(highway(page).locator('.attainment').textContent()).resolves.toContain('未报告');
    await highway(page)
      .getByRole('button', { name: /编辑\s*指标“新建高速公路”/ })
      .click();
    const form = highway(page).getByRole('form', { name: '添加实际值' });
    await form.getByLabel('截至日期').fill('2024-12-31');
    await form.getByLabel(/实际值/).fill('九十');
    await form.getByLabel('来源名称').fill('2024年乐山市国民经济和社会发展统计公报');
    await form.getByRole('button', { name: '添加实际值' }).click();
    await expect(form.locator('.field-error').first().textContent()).resolves.toContain(
      '实际值必须是数字',
    );
    // The typed form survives a reload (this tab's form drafts).
    await reload(page);
    await openMeasure(page, M38);
    await highway(page)
      .getByRole('button', { name: /编辑\s*指标“新建高速公路”/ })
      .click();
    const again = highway(page).getByRole('form', { name: '添加实际值' });
    await expect(again.getByLabel('来源名称').inputValue()).resolves.toBe(
      '2024年乐山市国民经济和社会发展统计公报',
    );
    await again.getByLabel(/实际值/).fill('90');
    await again.getByLabel('来源链接（可选）').fill('https://www.leshan.gov.cn/tjgb2024.html');
    await again.getByRole('button', { name: '添加实际值' }).click();
    const attainment = highway(page).locator('.attainment');
    await expect.poll(() => attainment.textContent()).toMatch(/43%.*滞后/);
    await waitSaved(page);
    const target = present(
      (await m38(page)).indicators.find((i) => i.id === 'm38-t1'),
      'm38-t1',
    );
    expect(target.observations).toMatchObject([
      {
        date: '2024-12-31',
        value: 90,
        source: {
          title: '2024年乐山市国民经济和社会发展统计公报',
          url: 'https://www.leshan.gov.cn/tjgb2024.html',
        },
      },
    ]);
    const listed = highway(page).locator('.observation-line');
    await expect(listed.textContent()).resolves.toMatch(/2024-12-31.*90公里.*累计/);
    await shots(page, 'observations', highway(page));
  });

  it('shows m38 on the oversight dashboard under its department and links to its editor view', async () => {
    const { page } = editors().tabs[0];
    await page.setViewportSize(DESKTOP);
    await go(page, '督办看板');
    const group = page.locator('.oversight-group').filter({
      has: page.getByRole('heading', { name: BUREAU }),
    });
    const link = group.getByRole('link', { name: /新建高速公路/ });
    await expect(link.textContent()).resolves.toMatch(/43%/);
    await shots(page, 'oversight');
    await page.setViewportSize(DESKTOP);
    await link.click();
    await expect(page.getByLabel('举措内容').inputValue()).resolves.toContain(M38);
  });

  it('refuses to remove a department a measure names, saying which', async () => {
    const { page } = editors().tabs[0];
    await go(page, '单位管理');
    await page.getByRole('button', { name: new RegExp(`删除\\s*单位“${BUREAU}”`) }).click();
    await page
      .getByRole('dialog', { name: '删除单位' })
      .getByRole('button', { name: '删除' })
      .click();
    // report-core's refusal, naming the department and the measures that name it.
    const refusal = page.locator('.error-banner').filter({ hasText: BUREAU });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(
      /举措“落实“一环九射两纵两横”…”的牵头或责任单位，不能删除/,
    );
    await waitSaved(page);
    expect((await draft(page)).departments?.map((d) => d.name)).toEqual([BUREAU]);
    await shots(page, 'department-refused');
  });

  it('saves a deadline set offline, and asks which to keep when another editor set it meanwhile', async () => {
    const [, b, c] = editors().tabs;
    for (const tab of [b, c]) await openMeasure(tab.page, M38);
    const deadline = (tab: typeof b) =>
      tab.page.getByRole('region', { name: '责任与时限' }).getByLabel('完成时限');
    await setOffline(c, true);
    await deadline(c).fill('2025-12-31');
    await deadline(b).fill('2026-06-30');
    await waitSaved(b.page);
    await setOffline(c, false);
    const dialog = conflictDialog(c.page);
    await dialog.waitFor({ timeout: 20_000 });
    await expect(dialog.locator('legend').first().textContent()).resolves.toContain('一环九射');
    await expect(
      dialog.getByRole('region', { name: '我的版本' }).first().textContent(),
    ).resolves.toContain(`牵头 ${BUREAU}；责任 无；完成时限 2025-12-31`);
    await expect(
      dialog.getByRole('region', { name: '对方的版本' }).first().textContent(),
    ).resolves.toContain('完成时限 2026-06-30');
    await shots(c.page, 'conflict', dialog);
    await resolveEach(dialog, '保留我的版本');
    await waitSaved(c.page);
    expect((await m38(c.page)).responsibility?.deadline).toBe('2025-12-31');
    // The rest of the responsibility is untouched by either edit.
    expect((await m38(c.page)).responsibility?.milestones).toHaveLength(1);
  });

  itCausedNoProblems(editors);
});
