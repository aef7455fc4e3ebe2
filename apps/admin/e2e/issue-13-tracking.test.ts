import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  draftViaApi,
  measureOf,
  openMeasure,
  present,
  screenshotsAt,
  waitSaved,
  itCausedNoProblems,
  editorsForThisFile,
} from './editors.js';

// Issue 13 point 6: backfilling an older update rolled progress back; "尚未报告进展 · 完成 40%".

const editors = editorsForThisFile();
const measure = async (page: Page, id: string) =>
  present(measureOf((await draftViaApi(page, editors().admin.baseUrl)).report, id), id);

interface UpdateForm {
  date: string;
  note: string;
  status?: string;
  progress?: string;
  evidenceUrl?: string;
}

/** Fills the 添加进展记录 form and submits it. */
async function submitUpdate(page: Page, form: UpdateForm): Promise<void> {
  const scope = page.getByRole('form', { name: '添加进展记录' });
  await scope.getByLabel('日期').fill(form.date);
  if (form.status !== undefined) await scope.getByLabel('状态（可选）').selectOption(form.status);
  await scope.getByLabel('进度 %（可选）').fill(form.progress ?? '');
  await scope.getByLabel('进展说明').fill(form.note);
  await scope.getByLabel('佐证链接（可选）').fill(form.evidenceUrl ?? '');
  await scope.getByRole('button', { name: '添加记录' }).click();
}

/** The form refuses: a Chinese message is shown, nothing from a schema library's raw text. */
async function refused(page: Page, words: RegExp): Promise<void> {
  const scope = page.getByRole('form', { name: '添加进展记录' });
  const error = scope.locator('.field-error').filter({ hasText: words }).first();
  await error.waitFor();
  // Chinese words, not a schema library's English (an example address and the words http, https, IP and localhost may appear).
  const shown = present(await error.textContent(), 'error').replace(
    /[\x21-\x7e]*(?:https?|www|localhost|IP)[\x21-\x7e]*/gu,
    '',
  );
  expect(shown).not.toMatch(/[A-Za-z]{4,}/);
}

describe('issue 13 point 6: tracking rules, the same everywhere', () => {
  it('keeps the latest update’s progress when an older one is backfilled, updates in date order', async () => {
    const [a, b] = editors().tabs;
    await openMeasure(a.page, '实施规上工业企业');
    await submitUpdate(a.page, {
      date: '2025-06-01',
      status: 'in-progress',
      progress: '60',
      note: '新增规上工业企业120家',
    });
    await waitSaved(a.page);
    await openMeasure(b.page, '实施规上工业企业');
    await submitUpdate(b.page, {
      date: '2024-03-01',
      status: 'in-progress',
      progress: '20',
      note: '补录：一季度新增规上工业企业40家',
    });
    await waitSaved(b.page);
    const after = await measure(b.page, 'm110');
    expect(after.tracking).toMatchObject({ status: 'in-progress', progress: 60 });
    expect(after.tracking.updates.map((u) => u.date)).toEqual(['2024-03-01', '2025-06-01']);
    await expect(b.page.getByLabel('进度（%）').inputValue()).resolves.toBe('60');
  });

  it('gives a progress value a status, and makes 100 % completed', async () => {
    const [, , c] = editors().tabs;
    await openMeasure(c.page, '力争入库重大工业项目500个');
    await submitUpdate(c.page, { date: '2025-02-01', progress: '40', note: '入库项目210个' });
    await waitSaved(c.page);
    const first = await measure(c.page, 'm112');
    expect(first.tracking.status).not.toBeNull();
    expect(first.tracking.progress).toBe(40);
    await submitUpdate(c.page, {
      date: '2025-09-01',
      status: 'in-progress',
      progress: '100',
      note: '入库项目达到500个',
    });
    await waitSaved(c.page);
    expect((await measure(c.page, 'm112')).tracking).toMatchObject({
      status: 'completed',
      progress: 100,
    });
    await screenshotsAt(c.page, 'tracking-completed');
  });

  it('refuses a status the progress contradicts, with report-core’s Chinese message, keeping the form', async () => {
    const [, , c] = editors().tabs;
    await openMeasure(c.page, '力争入库重大工业项目500个');
    const scope = c.page.getByRole('form', { name: '添加进展记录' });
    await scope.getByLabel('日期').fill('2025-10-01');
    await scope.getByLabel('进度 %（可选）').fill('100');
    await expect(scope.getByLabel('状态（可选）').inputValue()).resolves.toBe('completed');
    await scope.getByLabel('状态（可选）').selectOption('in-progress');
    await scope.getByLabel('进展说明').fill('复核入库项目');
    await scope.getByRole('button', { name: '添加记录' }).click();
    await refused(c.page, /进度 100% 表示已完成/);
    await expect(scope.getByLabel('进展说明').inputValue()).resolves.toBe('复核入库项目');
    expect((await measure(c.page, 'm112')).tracking.updates.map((u) => u.date)).not.toContain(
      '2025-10-01',
    );
  });

  it('gives a progress set in the measure’s 落实情况 a status, 100 % completed', async () => {
    const [a] = editors().tabs;
    await openMeasure(a.page, '高标准建设现代制造业基地');
    const progress = a.page.getByLabel('进度（%）');
    await progress.fill('40');
    await waitSaved(a.page);
    expect((await measure(a.page, 'm108')).tracking).toMatchObject({
      status: 'in-progress',
      progress: 40,
    });
    await expect(a.page.getByLabel('状态', { exact: true }).inputValue()).resolves.toBe(
      'in-progress',
    );
    await progress.fill('100');
    await waitSaved(a.page);
    expect((await measure(a.page, 'm108')).tracking).toMatchObject({
      status: 'completed',
      progress: 100,
    });
  });

  it('refuses update dates in the future or outside the report’s period, in Chinese', async () => {
    const [a] = editors().tabs;
    await openMeasure(a.page, '聚焦产业链主攻方向');
    const before = await measure(a.page, 'm92');
    await submitUpdate(a.page, { date: '2021-05-01', note: '期前的记录' });
    await refused(a.page, /日期/);
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await submitUpdate(a.page, { date: future, note: '未来的记录' });
    await refused(a.page, /日期/);
    expect((await measure(a.page, 'm92')).tracking.updates).toEqual(before.tracking.updates);
  });

  it('refuses an evidence link that names no real host', async () => {
    const [a] = editors().tabs;
    await openMeasure(a.page, '聚焦产业链主攻方向');
    for (const url of ['https://localhost/report', 'http://intranet/doc', 'https://1.2/x']) {
      await submitUpdate(a.page, { date: '2025-01-10', note: '有佐证的记录', evidenceUrl: url });
      await refused(a.page, /链接|网址|地址/);
    }
    expect((await measure(a.page, 'm92')).tracking.updates).toEqual([]);
  });

  it('checks indicator edits with Chinese messages: the unit is in the wording, counts are not negative', async () => {
    const [b] = [editors().tabs[1]];
    await openMeasure(b.page, '力争培育2个以上500亿元经济强县');
    await b.page.getByRole('button', { name: /编辑.*500亿元经济强县/ }).click();
    const form = b.page.locator('.indicator-form');
    await form.getByLabel('单位', { exact: true }).fill('公里');
    const unitError = form.locator('.field-error').first();
    await unitError.waitFor();
    expect(present(await unitError.textContent(), 'unit error')).toMatch(/单位/);
    await form.getByLabel('单位', { exact: true }).fill('个');
    await form.getByLabel('数值（基本单位）').fill('-2');
    const countError = form.locator('.field-error').first();
    await countError.waitFor();
    const words = present(await countError.textContent(), 'count error');
    expect(words).toMatch(/负|不能小于/);
    expect(words).not.toMatch(/[A-Za-z]{4,}/);
    await screenshotsAt(b.page, 'indicator-refused');
    await form.getByLabel('数值（基本单位）').fill('2');
    await waitSaved(b.page);
    const indicator = (await measure(b.page, 'm72')).indicators[0];
    expect(indicator).toMatchObject({ unit: '个', value: 2 });
  });

  itCausedNoProblems(editors);
});
