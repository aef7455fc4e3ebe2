import { describe, expect, it } from 'vitest';
import { ADMIN } from './harness.js';
import {
  DESKTOP,
  draftViaApi,
  openMeasure,
  present,
  screenshotsAt,
  sendCommands,
  signIn,
  waitSaved,
  itCausedNoProblems,
  editorsForThisFile,
} from './editors.js';
import { openScreen } from './nav.js';

// Issue 13 point 8: words an editor understands.

const editors = editorsForThisFile();

describe('issue 13 point 8: words an editor understands', () => {
  it('calls a chapter an editor created without a title 待补充标题, not 原文缺失', async () => {
    const [a] = editors().tabs;
    await a.page.getByRole('button', { name: '新增章' }).click();
    const dialog = a.page.getByRole('dialog', { name: '新增章' });
    expect(present(await dialog.textContent(), 'dialog')).not.toContain('原文缺失');
    await dialog.getByRole('button', { name: '添加' }).click();
    await waitSaved(a.page);
    const outline = a.page.getByRole('tree');
    await outline
      .getByText(/待补充标题/)
      .first()
      .waitFor();
    // The new chapter (the ninth): chapters the source lacks a title for stay 原文缺失标题.
    const added = present(
      await outline
        .getByRole('treeitem', { name: /第九章/u })
        .first()
        .textContent(),
      'new chapter',
    );
    expect(added).toContain('待补充标题');
    expect(added).not.toContain('原文缺失');
  });

  it('defaults and shows update dates in Asia/Shanghai', async () => {
    const [, b] = editors().tabs;
    await openMeasure(b.page, '将乐山港升级改造为成都港');
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    const form = b.page.getByRole('form', { name: '添加进展记录' });
    await expect(form.getByLabel('日期').inputValue()).resolves.toBe(shanghai);
  });

  it('warns in the publish checklist of empty chapters, updates without a status and half-width punctuation', async () => {
    const [, b] = editors().tabs;
    const draft = await draftViaApi(b.page, editors().admin.baseUrl);
    const answer = await sendCommands(b.page, editors().admin.baseUrl, {
      baseRevision: draft.revision,
      commands: [
        {
          type: 'measure.update',
          id: 'm40',
          patch: { text: '统筹航空网建设, 建成投运乐山机场。' },
        },
        {
          type: 'progress.add',
          measureId: 'm42',
          update: { id: 'u-e2echeck01', date: '2025-03-01', note: '完成港口规划编制' },
        },
      ],
    });
    expect(answer.status).toBe(200);
    const context = await editors().browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await signIn(page, editors().admin.baseUrl, ADMIN);
      await openScreen(page, '发布');
      const checklist = page.locator('#main');
      await checklist.getByText(/空/).first().waitFor();
      const words = present(await checklist.textContent(), 'checklist');
      expect(words).toMatch(/待补充标题|空的?章|没有.*节/);
      expect(words).toMatch(/半角/);
      expect(words).toMatch(/将乐山港.*(状态|进展)|(状态|进展).*将乐山港/);
      await screenshotsAt(page, 'publish-checklist');
    } finally {
      await context.close();
    }
  });

  itCausedNoProblems(editors);
});
