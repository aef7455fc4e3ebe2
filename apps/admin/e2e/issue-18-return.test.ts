import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { applyCommands } from '@leshan/report-core';
import { launchChromium, screenshot } from '@leshan/testing/chromium';
import { axeViolations, SCREENSHOT_DIR, sideways, signedInPage } from './browser.js';
import { ADMIN, EDITOR, startAdmin } from './harness.js';
import type { RunningAdmin } from './harness.js';

// Issue 18 point 3 in Chromium, the other way of a review: an editor returns (退回) a reporter's
// submission with a comment in the 待审核 queue; the reporter sees the comment on their screen and
// submits again, which waits in the queue once more. Screenshots at 360 px of the queue, the
// reporter's screen and the users screen's 报送单位 checkboxes, each checked for sideways scroll.

const REPORTER = {
  email: 'e2e-reporter@leshan.example.cn',
  password: 'e2e-reporter-battery-staple',
  displayName: '交通运输局填报员',
} as const;
const JT = { id: 'dept-jtysj', name: '交通运输局' };
const EDU = { id: 'dept-jyj', name: '教育局' };
const COMMENT = '请写明已建成的路段和里程，并附交通运输局的通知。';

let admin: RunningAdmin;
let browser: Browser;
const problems: string[][] = [];

beforeAll(async () => {
  admin = await startAdmin();
  browser = await launchChromium();
  const created = await admin.store.createUser({ ...REPORTER, role: 'reporter' });
  if (!created.ok) throw new Error(created.error.message.en);
  // m38 answers to 交通运输局 (the canonical report has no departments: added as edits).
  const draft = await admin.store.getDraft();
  if (draft === null) throw new Error('no draft');
  const commands = [
    { type: 'department.add', department: JT },
    { type: 'department.add', department: EDU },
    {
      type: 'responsibility.set',
      measureId: 'm38',
      responsibility: { lead: JT.id, co: [], deadline: null, milestones: [] },
    },
  ] as const;
  const saved = await admin.store.appendDraftRevision({
    baseRevision: draft.revision,
    commands: [...commands],
    author: created.user.id,
    apply: (r) => applyCommands(r, [...commands]),
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  await admin.store.setUserDepartments(created.user.id, [JT.id]);
});
afterAll(async () => {
  await browser.close();
  await admin.close();
});

const open = (width: number, who: { email: string; password: string }) =>
  signedInPage(browser, admin.baseUrl, who, width, problems);

/**
 * Buttons, links and form controls on screen smaller than 24 × 24 px (WCAG 2.5.8), by name; a
 * checkbox or radio counts with its label, which takes the tap too.
 */
const smallTargets = (page: Page) =>
  page.evaluate<
    string[]
  >(`[...document.querySelectorAll('button, a[href], input, select, textarea, summary')]
    .filter((e) => e.getClientRects().length > 0 && !e.closest('.visually-hidden'))
    .filter((e) => {
      const r = (e.closest('label') ?? e).getBoundingClientRect();
      return r.width < 24 || r.height < 24;
    })
    .map((e) => (e.getAttribute('aria-label') || e.textContent || e.getAttribute('type') || e.tagName).trim())`);

async function report(page: Page, note: string): Promise<void> {
  const card = page.locator('.reporter-measure').filter({ hasText: '高速公路' }).first();
  await card.getByLabel('进展', { exact: true }).check();
  await card.getByLabel('截至日期').fill('2025-06-30');
  await card.getByLabel('进展说明').fill(note);
  await card.getByRole('button', { name: '提交审核' }).click();
  await card.getByText('已提交，等待编辑审核。').waitFor();
}

describe('退回 with a comment in Chromium', () => {
  it('the editor returns a submission with a comment; the reporter sees it and submits again', async () => {
    const reporter = await open(360, REPORTER);
    await report(reporter, '乐山至西昌高速已建成一段。');
    await reporter.locator('.submission-pending').first().waitFor();

    const editor = await open(360, EDITOR);
    await editor.goto(`${admin.baseUrl}/admin/review`);
    const item = editor.locator('.submission').filter({ hasText: '乐山至西昌高速已建成一段' });
    await item.waitFor();
    const returnButton = item.getByRole('button', { name: '退回' });
    expect(await returnButton.isDisabled()).toBe(true); // a return needs its comment
    await item.getByLabel('退回意见').fill(COMMENT);
    expect(await sideways(editor)).toBeLessThanOrEqual(0);
    expect(await smallTargets(editor)).toEqual([]);
    expect(await axeViolations(editor)).toEqual([]);
    await screenshot(editor, SCREENSHOT_DIR, 'issue-18-review-queue-360');
    await returnButton.click();
    await editor.getByText('没有等待审核的报送。').waitFor();
    const [returned] = await admin.store.listSubmissions({ status: 'returned' });
    expect(returned?.comment).toBe(COMMENT);

    // The reporter's screen: the submission returned, with the editor's comment and name.
    await reporter.reload();
    const mine = reporter.locator('.submission-returned').first();
    await mine.waitFor();
    await expect(mine.textContent()).resolves.toContain(
      `退回意见（${EDITOR.displayName}）：${COMMENT}`,
    );
    expect(await sideways(reporter)).toBeLessThanOrEqual(0);
    await screenshot(reporter, SCREENSHOT_DIR, 'issue-18-reporter-returned-360');
    expect(await smallTargets(reporter)).toEqual([]);
    expect(await axeViolations(reporter)).toEqual([]);

    // Submitted again, it waits in the queue once more; the returned one stays in the record.
    await report(reporter, '乐山至西昌高速已建成 32 公里，见交通运输局通知。');
    await reporter.locator('.submission-pending').first().waitFor();
    await expect(reporter.locator('.submission-returned').count()).resolves.toBe(1);
    await editor.reload();
    await editor.locator('.submission').filter({ hasText: '已建成 32 公里' }).waitFor();
    await expect(editor.locator('.submission').count()).resolves.toBe(1);

    const audit = await admin.store.listAudit({ limit: 20 });
    expect(audit.ok && audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['submission.submit', 'submission.return']),
    );
    expect(problems.flat()).toEqual([]);
  }, 120_000);

  it('shows the users screen’s 报送单位 checkboxes at 360 px without sideways scroll, tap-sized', async () => {
    const page = await open(360, ADMIN);
    await page.goto(`${admin.baseUrl}/admin/users`);
    await page.getByRole('cell', { name: REPORTER.email }).waitFor();
    await screenshot(page, SCREENSHOT_DIR, 'issue-18-users-360');
    await page
      .getByRole('button', { name: new RegExp(`修改\\s*${REPORTER.displayName} 的报送单位`) })
      .click();
    const boxes = page.getByRole('group', { name: `${REPORTER.displayName} 的报送单位` });
    await boxes.getByRole('checkbox', { name: EDU.name }).waitFor();
    expect(await boxes.getByRole('checkbox', { name: JT.name }).isChecked()).toBe(true);
    const label = await boxes.locator('label.checkbox').first().boundingBox();
    expect(label?.height ?? 0).toBeGreaterThanOrEqual(24);
    await boxes.scrollIntoViewIfNeeded();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SCREENSHOT_DIR, 'issue-18-users-departments-360');
    expect(problems.flat()).toEqual([]);
  }, 60_000);
});
