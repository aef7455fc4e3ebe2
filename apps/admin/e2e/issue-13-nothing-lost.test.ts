import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { invertCommands } from '@leshan/report-core';
import {
  conflictDialog,
  deleteOpenMeasure,
  draftViaApi,
  headerState,
  INTERNAL_ID,
  measureOf,
  openMeasure,
  resolveEach,
  reload,
  present,
  screenshotsAt,
  sendCommands,
  setOffline,
  signIn,
  waitForHeader,
  waitSaved,
  itCausedNoProblems,
  editorsForThisFile,
} from './editors.js';

// Issue 13 point 1: every change is in the draft or in front of its editor in a conflict.

const editors = editorsForThisFile();
const base = () => editors().admin.baseUrl;
const textOf = async (page: Page, id: string) =>
  measureOf((await draftViaApi(page, base())).report, id)?.text ?? null;

describe('issue 13 point 1: nothing typed is lost', () => {
  it('answers an edit to a deleted measure with a 409 naming it, not a 422 with its id', async () => {
    const [a, b] = editors().tabs;
    const before = await draftViaApi(a.page, base());
    const removed = await sendCommands(b.page, base(), {
      baseRevision: before.revision,
      commands: [{ type: 'measure.remove', id: 'm40' }],
    });
    expect(removed.status).toBe(200);
    const answer = await sendCommands(a.page, base(), {
      baseRevision: before.revision,
      commands: [{ type: 'measure.update', id: 'm40', patch: { text: '统筹航空网建设。' } }],
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      code: 'conflict',
      conflictingCommands: [0],
      nodes: [
        {
          id: 'm40',
          deleted: true,
          current: null,
          changedBy: ['张编辑'],
          label: expect.stringMatching(/^第一章 · 建设区域综合交通枢纽 · “统筹/) as unknown,
        },
      ],
    });
    expect(JSON.stringify((answer.body as { error: string }).error)).not.toMatch(INTERNAL_ID);
    // Put it back for the tests below.
    const after = await draftViaApi(a.page, base());
    const restored = await sendCommands(b.page, base(), {
      baseRevision: after.revision,
      commands: invertCommands(before.report, [{ type: 'measure.remove', id: 'm40' }]),
    });
    expect(restored.status).toBe(200);
  });

  it('keeps my text when another editor deleted the measure, and restores the measure with it', async () => {
    const [a, b] = editors().tabs;
    const mine = await openMeasure(a.page, '将乐山港升级改造为成都港');
    await setOffline(a, true);
    await mine.fill('将乐山港升级改造为成都港，建设港口物流园区。');
    const offline = await waitForHeader(a.page, ['offline']);
    expect(offline.text).not.toMatch(/已保存/);

    await reload(b.page);
    await openMeasure(b.page, '将乐山港升级改造为成都港');
    await deleteOpenMeasure(b.page);
    await waitSaved(b.page);
    expect(await textOf(b.page, 'm42')).toBeNull();

    await setOffline(a, false);
    const dialog = conflictDialog(a.page);
    await dialog.waitFor({ timeout: 20_000 });
    const words = (await dialog.textContent()) ?? '';
    expect(words).toContain('第一章 · 建设区域综合交通枢纽 · “将乐山港');
    expect(words).toContain('建设港口物流园区');
    expect(words).toMatch(/删除/);
    expect(words).toContain('张编辑');
    expect(words).not.toMatch(INTERNAL_ID);
    expect((await headerState(a.page)).text).not.toMatch(/已保存/);
    await screenshotsAt(a.page, 'conflict-deleted-measure');

    await resolveEach(dialog, '恢复此项（保留我的文字）');
    await waitSaved(a.page);
    expect(await textOf(a.page, 'm42')).toBe('将乐山港升级改造为成都港，建设港口物流园区。');
  });

  it('discards only the conflicting change when I choose the other editor’s version', async () => {
    const [a, b] = editors().tabs;
    await setOffline(a, true);
    const first = await openMeasure(a.page, '落实“一环九射两纵两横”高速公路网');
    const firstText = await first.inputValue();
    await first.fill(`${firstText}〔甲的补充〕`);
    const second = await openMeasure(a.page, '力争培育2个以上500亿元经济强县');
    const secondText = await second.inputValue();
    await second.fill(`${secondText}〔甲的另一处修改〕`);
    await waitForHeader(a.page, ['offline']);

    await reload(b.page);
    const theirs = await openMeasure(b.page, '落实“一环九射两纵两横”高速公路网');
    await theirs.fill(`${firstText}〔乙的补充〕`);
    await waitSaved(b.page);

    await setOffline(a, false);
    const dialog = conflictDialog(a.page);
    await dialog.waitFor({ timeout: 20_000 });
    await expect(dialog.getByRole('region', { name: '我的版本' }).textContent()).resolves.toContain(
      '〔甲的补充〕',
    );
    await expect(
      dialog.getByRole('region', { name: '对方的版本' }).textContent(),
    ).resolves.toContain('〔乙的补充〕');
    expect((await dialog.textContent()) ?? '').not.toContain('〔甲的另一处修改〕');
    await dialog.getByRole('button', { name: /^全部采用对方的版本/ }).click();
    await waitSaved(a.page);

    expect(await textOf(a.page, 'm38')).toBe(`${firstText}〔乙的补充〕`);
    expect(await textOf(a.page, 'm72')).toBe(`${secondText}〔甲的另一处修改〕`);
  });

  it('keeps each tab’s unsent changes apart, and offers back those of a tab closed offline', async () => {
    const c = editors().tabs[2];
    const tab1 = c.page;
    const tab2 = await editors().secondTab(c);
    await setOffline(c, true);
    const one = await openMeasure(tab1, '聚焦产业链主攻方向');
    const oneText = await one.inputValue();
    await one.fill(`${oneText}〔一号标签页〕`);
    const two = await openMeasure(tab2, '高标准建设现代制造业基地');
    const twoText = await two.inputValue();
    await two.fill(`${twoText}〔二号标签页〕`);
    for (const tab of [tab1, tab2]) {
      const header = await waitForHeader(tab, ['offline']);
      expect(header.text).toMatch(/未发送|本机/);
    }
    await screenshotsAt(tab1, 'header-unsent');
    await setOffline(c, false);
    await waitSaved(tab1);
    await waitSaved(tab2);
    await screenshotsAt(tab1, 'header-saved');
    expect(await textOf(tab1, 'm92')).toBe(`${oneText}〔一号标签页〕`);
    expect(await textOf(tab1, 'm108')).toBe(`${twoText}〔二号标签页〕`);

    // Tab 2 is closed while offline with an edit that never left it.
    await setOffline(c, true);
    const closing = await openMeasure(tab2, '实施规上工业企业');
    const closingText = await closing.inputValue();
    await closing.fill(`${closingText}〔关闭前的修改〕`);
    await waitForHeader(tab2, ['offline']);
    await tab2.close();
    await setOffline(c, false);
    // Tab 1 saving its own edit meanwhile must not overwrite or drop tab 2's.
    const still = await openMeasure(tab1, '聚焦产业链主攻方向');
    await still.fill(`${oneText}〔一号标签页〕〔再改〕`);
    await waitSaved(tab1);

    const next = await editors().secondTab(c);
    await next.getByText(/另一个已关闭的标签页有 1 项修改没有保存/).waitFor({ timeout: 45_000 });
    const offer = next.getByRole('button', { name: '恢复并保存这些修改' });
    await screenshotsAt(next, 'unsent-from-closed-tab');
    await offer.click();
    await waitSaved(next);
    expect(await textOf(next, 'm110')).toBe(`${closingText}〔关闭前的修改〕`);
    expect(await textOf(next, 'm92')).toBe(`${oneText}〔一号标签页〕〔再改〕`);
    await next.close();
  });

  it('sends unsent changes before signing out, and asks when they cannot be sent', async () => {
    const [a] = editors().tabs;
    await reload(a.page);
    const field = await openMeasure(a.page, '力争入库重大工业项目500个');
    const text = await field.inputValue();
    await field.fill(`${text}〔退出前〕`);
    // Straight away, before any autosave pause is over.
    await a.page.getByRole('button', { name: '退出登录' }).click();
    const asked = a.page.getByRole('dialog', { name: '还有修改没有保存' });
    const signedOut = a.page.getByText('您已退出登录。');
    await asked.or(signedOut).first().waitFor({ timeout: 20_000 });
    // Online, nothing stops them being sent: no question, they go out before the session ends.
    expect(await asked.isVisible()).toBe(false);
    const draft = present(await editors().admin.store.getDraft(), 'the draft');
    expect(measureOf(draft.report, 'm112')?.text).toBe(`${text}〔退出前〕`);

    await signIn(a.page, base(), a.person);
    const again = await openMeasure(a.page, '力争入库重大工业项目500个');
    await setOffline(a, true);
    await again.fill(`${text}〔退出前〕〔离线〕`);
    await waitForHeader(a.page, ['offline']);
    await a.page.getByRole('button', { name: '退出登录' }).click();
    const warning = a.page.getByRole('dialog', { name: '还有修改没有保存' });
    await warning.waitFor({ timeout: 10_000 });
    await screenshotsAt(a.page, 'sign-out-unsent');
    await warning.getByRole('button', { name: '取消' }).click();
    expect(await a.page.getByLabel('举措内容').inputValue()).toBe(`${text}〔退出前〕〔离线〕`);
    await setOffline(a, false);
    await waitSaved(a.page);
    expect(await textOf(a.page, 'm112')).toBe(`${text}〔退出前〕〔离线〕`);
  });

  it('keeps a refused value in its field with its error, and never says 已保存 meanwhile', async () => {
    const [, b] = editors().tabs;
    await reload(b.page);
    const field = await openMeasure(b.page, '力争入库重大工业项目500个');
    const text = await field.inputValue();
    const tooLong = '测'.repeat(10_000);
    await field.fill(tooLong);
    await b.page.getByText(/4000/).first().waitFor();
    const header = await headerState(b.page);
    expect(header.state).not.toBe('saved');
    expect(header.text).not.toMatch(/已保存/);
    await screenshotsAt(b.page, 'refused-value');

    // Moving to another measure and back keeps the refused value and its error.
    await openMeasure(b.page, '将乐山港升级改造为成都港');
    expect((await headerState(b.page)).text).not.toMatch(/已保存/);
    const back = await openMeasure(b.page, '力争入库重大工业项目500个');
    expect(await back.inputValue()).toBe(tooLong);
    await b.page.getByText(/4000/).first().waitFor();
    expect(await textOf(b.page, 'm112')).toBe(text);

    await back.fill(`${text}〔改正后〕`);
    await waitSaved(b.page);
    expect(await textOf(b.page, 'm112')).toBe(`${text}〔改正后〕`);
  });

  it('keeps unsubmitted progress notes and note questions while the editor moves around', async () => {
    const [, b] = editors().tabs;
    await openMeasure(b.page, '聚焦产业链主攻方向');
    await b.page.getByLabel('进展说明').fill('光电信息产业集群已签约三个项目');
    await b.page.getByLabel('问题或理由').fill('“千亿产业集群”是否含在建项目？');
    await openMeasure(b.page, '将乐山港升级改造为成都港');
    await b.page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '修订历史' })
      .click();
    await b.page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '编辑' })
      .click();
    await openMeasure(b.page, '聚焦产业链主攻方向');
    expect(await b.page.getByLabel('进展说明').inputValue()).toBe('光电信息产业集群已签约三个项目');
    expect(await b.page.getByLabel('问题或理由').inputValue()).toBe(
      '“千亿产业集群”是否含在建项目？',
    );
  });

  itCausedNoProblems(editors);
});
