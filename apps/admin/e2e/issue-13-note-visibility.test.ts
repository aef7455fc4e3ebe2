import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN } from './harness.js';
import {
  draftViaApi,
  editorsForThisFile,
  itCausedNoProblems,
  openMeasure,
  present,
  screenshotsAt,
  signIn,
  waitSaved,
} from './editors.js';
import { openScreen } from './nav.js';

// Issue 13 point 8: an editorial note is internal (never published) or public, and the form says which.

const editors = editorsForThisFile();
const MEASURE = '将乐山港升级改造为成都港';
const INTERNAL = '内部核实：港口吞吐量数字待与交通局确认。';
const PUBLIC = '公开说明：成都港的名称按原文保留。';

async function raiseQuestion(page: Page, reasoning: string, visibility?: string): Promise<void> {
  const form = page.getByRole('form', { name: '提出编辑问题' });
  if (visibility !== undefined)
    await form.getByLabel('公开范围').selectOption({ label: visibility });
  await form.getByLabel('问题或理由').fill(reasoning);
  await form.getByRole('button', { name: '添加编辑说明' }).click();
  await page.locator('article.note').filter({ hasText: reasoning }).waitFor();
  await waitSaved(page);
}

const noteWith = (page: Page, reasoning: string) =>
  page.locator('article.note').filter({ has: page.getByText(reasoning, { exact: true }) });

describe('issue 13 point 8: internal and public editorial notes', () => {
  it('says whether a new editorial note is internal or public, internal by default', async () => {
    const [, b] = editors().tabs;
    await openMeasure(b.page, MEASURE);
    const form = b.page.getByRole('form', { name: '提出编辑问题' });
    const words = present(await form.textContent(), 'note form');
    expect(words).toMatch(/内部/);
    expect(words).toMatch(/公开/);
    await expect(form.getByLabel('公开范围').locator('option:checked').textContent()).resolves.toBe(
      '内部（不公开）',
    );
    await raiseQuestion(b.page, INTERNAL);
    const draft = await draftViaApi(b.page, editors().admin.baseUrl);
    expect(draft.report.notes.find((n) => n.reasoning === INTERNAL)?.visibility).toBe('internal');
    await expect(noteWith(b.page, INTERNAL).textContent()).resolves.toContain('内部（不公开）');
  });

  it('lets an editor publish a note and change an existing note’s visibility', async () => {
    const [, , c] = editors().tabs;
    await openMeasure(c.page, MEASURE);
    await raiseQuestion(c.page, PUBLIC, '公开');
    // Another editor sees B's internal note, makes it public, then internal again.
    const internal = noteWith(c.page, INTERNAL);
    await internal.waitFor();
    const field = internal.getByLabel('公开范围');
    await field.selectOption({ label: '公开' });
    await waitSaved(c.page);
    let notes = (await draftViaApi(c.page, editors().admin.baseUrl)).report.notes;
    expect(notes.find((n) => n.reasoning === INTERNAL)?.visibility).toBe('public');
    await field.selectOption({ label: '内部（不公开）' });
    await waitSaved(c.page);
    notes = (await draftViaApi(c.page, editors().admin.baseUrl)).report.notes;
    expect(notes.find((n) => n.reasoning === INTERNAL)?.visibility).toBe('internal');
    expect(notes.find((n) => n.reasoning === PUBLIC)?.visibility).toBe('public');
    await screenshotsAt(c.page, 'note-visibility');
  });

  it('leaves internal notes out of the preview and the published edition, public ones in', async () => {
    const [a] = editors().tabs;
    await a.page.goto(`${editors().admin.baseUrl}/admin/preview/source`);
    const site = a.page.locator('.draft-site');
    await site.getByText(PUBLIC).waitFor();
    expect(await site.textContent()).not.toContain(INTERNAL);
    await expect(a.page.locator('.preview-banner').textContent()).resolves.toMatch(
      /内部（不公开）的编辑说明 1 条不会发布/,
    );
    await screenshotsAt(a.page, 'preview-internal-notes');

    const context = await editors().browser.newContext({ locale: 'zh-CN' });
    try {
      const publisher = await context.newPage();
      await signIn(publisher, editors().admin.baseUrl, ADMIN);
      await openScreen(publisher, '发布');
      await publisher.getByRole('button', { name: '发布新版本' }).click();
      await publisher
        .getByRole('dialog', { name: '确认发布' })
        .getByRole('button', { name: '发布' })
        .click();
      await publisher.getByRole('heading', { name: /第 2 版已发布/ }).waitFor();
      const answer = await publisher.request.get(`${editors().admin.baseUrl}/api/editions`);
      const { editions } = (await answer.json()) as { editions: { id: string; number: number }[] };
      const latest = present(
        editions.find((e) => e.number === 2),
        'edition 2',
      );
      const detail = await publisher.request.get(
        `${editors().admin.baseUrl}/api/editions/${latest.id}`,
      );
      const text = await detail.text();
      expect(text).toContain(PUBLIC);
      expect(text).not.toContain(INTERNAL);
    } finally {
      await context.close();
    }
    // The draft keeps the internal note for its editors.
    const draft = await draftViaApi(a.page, editors().admin.baseUrl);
    expect(draft.report.notes.some((n) => n.reasoning === INTERNAL)).toBe(true);
  });

  itCausedNoProblems(editors);
});
