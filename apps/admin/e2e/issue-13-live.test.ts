import { describe, expect, it } from 'vitest';
import {
  openMeasure,
  reload,
  screenshotsAt,
  waitSaved,
  itCausedNoProblems,
  editorsForThisFile,
} from './editors.js';

// Issue 13 point 3: others' saves never appeared until a reload; nobody knew who else was editing.

const editors = editorsForThisFile();

describe('issue 13 point 3: live', () => {
  it('shows another editor’s saved change without a reload', async () => {
    const [a, b, c] = editors().tabs;
    const words = '实施规上工业企业';
    const shown = await openMeasure(a.page, words);
    const alsoShown = await openMeasure(c.page, words);
    const text = await shown.inputValue();
    const theirs = await openMeasure(b.page, words);
    await theirs.fill(`${text}〔乙刚保存〕`);
    await waitSaved(b.page);
    await expect.poll(() => shown.inputValue(), { timeout: 20_000 }).toBe(`${text}〔乙刚保存〕`);
    await expect
      .poll(() => alsoShown.inputValue(), { timeout: 20_000 })
      .toBe(`${text}〔乙刚保存〕`);
  });

  it('still brings others’ changes when the event stream is blocked (polling the head revision)', async () => {
    const [a, b] = editors().tabs;
    await a.context.route('**/api/draft/events**', (route) => route.abort());
    try {
      await reload(a.page);
      const words = '力争入库重大工业项目500个';
      const shown = await openMeasure(a.page, words);
      const text = await shown.inputValue();
      const theirs = await openMeasure(b.page, words);
      await theirs.fill(`${text}〔轮询可见〕`);
      await waitSaved(b.page);
      await expect.poll(() => shown.inputValue(), { timeout: 45_000 }).toBe(`${text}〔轮询可见〕`);
    } finally {
      await a.context.unroute('**/api/draft/events**');
      await reload(a.page);
    }
  });

  it('shows who else has the same measure open, and stops when they leave it', async () => {
    const [a, b, c] = editors().tabs;
    const words = '将乐山港升级改造为成都港';
    await openMeasure(a.page, words);
    await openMeasure(b.page, words);
    await openMeasure(c.page, words);
    const pane = a.page.getByRole('region', { name: '编辑区' }).locator('.presence');
    await pane.getByText('张编辑').first().waitFor({ timeout: 20_000 });
    await pane.getByText('王编辑').first().waitFor({ timeout: 20_000 });
    expect(await pane.textContent()).toMatch(/也打开了此项/);
    // An editor is not told that they themselves are here.
    expect(await pane.getByText('李编辑').count()).toBe(0);
    await screenshotsAt(a.page, 'presence');

    await openMeasure(b.page, '落实“一环九射两纵两横”高速公路网');
    await pane.getByText('张编辑').waitFor({ state: 'detached', timeout: 20_000 });
    await pane.getByText('王编辑').first().waitFor();
  });

  itCausedNoProblems(editors);
});
