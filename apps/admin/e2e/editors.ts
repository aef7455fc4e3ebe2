import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { findNode } from '@leshan/report-core';
import type { Command, Measure, Report } from '@leshan/report-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, screenshot, watchProblems } from '@leshan/testing/chromium';
import { DraftViewSchema } from '../src/api/draft.schemas.js';
import type { DraftView } from '../src/api/draft.schemas.js';
import { SessionViewSchema } from '../src/api/session.schemas.js';
import { SCREENSHOT_DIR } from './browser.js';
import { EDITOR, startAdmin } from './harness.js';
import type { RunningAdmin } from './harness.js';

// Issue 13's acceptance: three editors, each in a browser context of their own.

export interface Person {
  email: string;
  password: string;
  displayName: string;
}

/** Three editor accounts (the first is the harness's own editor). */
export const EDITORS: readonly [Person, Person, Person] = [
  EDITOR,
  {
    email: 'e2e-zhang@leshan.example.cn',
    password: 'e2e-zhang-river-lantern',
    displayName: '张编辑',
  },
  {
    email: 'e2e-wang@leshan.example.cn',
    password: 'e2e-wang-bridge-harbor',
    displayName: '王编辑',
  },
];

/** Issue 13's screenshots: 360 and 1280 px of each state, git-ignored. */
export const ISSUE_13_SHOTS = join(SCREENSHOT_DIR, 'issue-13');

export interface EditorTab {
  person: Person;
  context: BrowserContext;
  page: Page;
}

export interface EditorsSession {
  admin: RunningAdmin;
  browser: Browser;
  /** One signed-in tab per editor, in EDITORS order. */
  tabs: [EditorTab, EditorTab, EditorTab];
  /** Script errors and CSP violations seen in any tab (must stay empty). */
  problems: string[];
  /** Another tab in the same browser context (same person, same cookies and localStorage). */
  secondTab(tab: EditorTab): Promise<Page>;
  /** After a failed test: every editor online, signed in, one fresh tab each, no dialog open. */
  recover(): Promise<void>;
  close(): Promise<void>;
}

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 360, height: 780 } as const;

/** The admin server, Chromium and three editors signed in, each in a context of their own. */
export async function startEditors(
  viewport: { width: number; height: number } = DESKTOP,
): Promise<EditorsSession> {
  const admin = await startAdmin();
  for (const person of EDITORS.slice(1)) {
    const created = await admin.store.createUser({ ...person, role: 'editor' });
    if (!created.ok)
      throw new Error(`e2e: cannot create ${person.email}: ${created.error.message.en}`);
  }
  const browser = await launchChromium();
  const problems: string[] = [];
  const watch = (page: Page) => {
    const seen = watchProblems(page);
    page.on('close', () => problems.push(...seen));
  };
  const open = async (person: Person): Promise<EditorTab> => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    watch(page);
    // Signing in is the first page load of a fresh browser context, the slowest step when CI
    // runs other suites beside this one (the fresh-clone run of 6ebe9fd timed out at 10 s on
    // the sign-in form): it gets playwright's half minute.
    context.setDefaultTimeout(30_000);
    await signIn(page, admin.baseUrl, person);
    // After that, a missing state fails in seconds, not after playwright's half minute.
    context.setDefaultTimeout(10_000);
    return { person, context, page };
  };
  const [a, b, c] = EDITORS;
  const tabs: [EditorTab, EditorTab, EditorTab] = [await open(a), await open(b), await open(c)];
  return {
    admin,
    browser,
    tabs,
    problems,
    async secondTab(tab) {
      const page = await tab.context.newPage();
      watch(page);
      await page.goto(editorUrl(admin.baseUrl));
      await editorReady(page);
      return page;
    },
    async recover() {
      for (const tab of tabs) {
        await tab.context.setOffline(false);
        for (const page of tab.context.pages()) if (page !== tab.page) await page.close();
        if (tab.page.isClosed()) {
          tab.page = await tab.context.newPage();
          watch(tab.page);
        }
        // A failed test's unsent changes would come back as a conflict or banner: drop them.
        await tab.page.goto(editorUrl(admin.baseUrl));
        await tab.page.evaluate(FORGET_UNSENT);
        await tab.page.reload();
        const signedOut = tab.page.getByRole('heading', { name: '登录' });
        const ready = tab.page.locator('.save-status:not([data-state="loading"])');
        await signedOut.or(ready).first().waitFor({ timeout: 20_000 });
        if (await signedOut.isVisible()) await signIn(tab.page, admin.baseUrl, tab.person);
      }
    },
    async close() {
      for (const tab of tabs) for (const page of tab.context.pages()) await page.close();
      for (const tab of tabs) await tab.context.close();
      await browser.close();
      await admin.close();
    },
  };
}

const FORGET_UNSENT = `for (const store of [sessionStorage, localStorage])
  for (const key of Object.keys(store))
    if (/^leshan-admin:(unsent|forms)/.test(key)) store.removeItem(key);`;

/** The editor's address; `?e2e=1` turns on the test hooks (apps/admin/e2e/README.md). */
export const editorUrl = (baseUrl: string): string => `${baseUrl}/admin/?e2e=1`;

export async function signIn(page: Page, baseUrl: string, person: Person): Promise<void> {
  await page.goto(editorUrl(baseUrl));
  await page.getByLabel('电子邮箱').fill(person.email);
  await page.getByLabel('密码', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(person.displayName, { exact: true }).first().waitFor();
  await editorReady(page);
}

/** Waits until the draft is loaded (the header has left 正在载入草稿…). */
export async function editorReady(page: Page): Promise<void> {
  await page.locator('.save-status:not([data-state="loading"])').waitFor({ timeout: 20_000 });
}

/** Reloads the tab and waits for the draft. */
export async function reload(page: Page): Promise<void> {
  await page.reload();
  await editorReady(page);
}

/** Selects a node in the outline by words of its label (the filter narrows the tree first). */
export async function openNode(page: Page, words: string): Promise<void> {
  const filter = page.getByLabel('筛选大纲');
  if (!(await filter.isVisible())) await page.getByRole('button', { name: /大纲/ }).first().click();
  await filter.fill(words);
  await page
    .getByRole('treeitem', { name: new RegExp(escapeRegExp(words)) })
    .first()
    .click();
}

/** Opens a measure and waits for its text field. */
export async function openMeasure(page: Page, words: string): Promise<Locator> {
  await openNode(page, words);
  const text = page.getByLabel('举措内容');
  await text.waitFor();
  return text;
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface HeaderState {
  state: string;
  text: string;
}

/** What the header says about saving: its data-state and its words. */
export async function headerState(page: Page): Promise<HeaderState> {
  const status = page.locator('.save-status').first();
  return {
    state: (await status.getAttribute('data-state')) ?? '',
    text: (await status.textContent()) ?? '',
  };
}

/** Waits until the header is in one of `states` (by data-state). */
export async function waitForHeader(
  page: Page,
  states: readonly string[],
  timeout = 20_000,
): Promise<HeaderState> {
  const selector = states.map((s) => `.save-status[data-state="${s}"]`).join(', ');
  try {
    await page.locator(selector).first().waitFor({ timeout });
  } catch (error) {
    const now = await headerState(page);
    // A conflict or a refusal is in front of the editor: its words say which change and why.
    const shown = page.locator('[role="dialog"], [role="alert"]');
    const words = (await shown.allTextContents()).join(' | ').slice(0, 2000);
    throw new Error(
      `header never reached ${states.join('/')}: it says “${now.text}”${words === '' ? '' : `; on screen: ${words}`}`,
      { cause: error },
    );
  }
  return headerState(page);
}

/** Waits for 已保存, and checks the header's words say so only then. */
export async function waitSaved(page: Page, timeout = 20_000): Promise<void> {
  const header = await waitForHeader(page, ['saved'], timeout);
  if (!header.text.startsWith('已保存')) throw new Error(`saved state reads “${header.text}”`);
}

export async function setOffline(tab: EditorTab, offline: boolean): Promise<void> {
  await tab.context.setOffline(offline);
}

/**
 * Types Chinese the way an IME does: each piece is composed as pinyin first (compositionstart/
 * update with the Latin letters in the field), then committed as characters.
 */
export async function typeWithIme(
  page: Page,
  field: Locator,
  pieces: readonly (readonly [pinyin: string, hanzi: string])[],
  holdMs = 0,
): Promise<void> {
  await field.focus();
  await page.keyboard.press('End');
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const [pinyin, hanzi] of pieces) {
      for (let i = 1; i <= pinyin.length; i += 1) {
        const text = pinyin.slice(0, i);
        await cdp.send('Input.imeSetComposition', {
          text,
          selectionStart: text.length,
          selectionEnd: text.length,
        });
      }
      // The editor may pause mid-word (choosing a candidate): nothing may be saved meanwhile.
      if (holdMs > 0) await page.waitForTimeout(holdMs);
      await cdp.send('Input.insertText', { text: hanzi });
    }
  } finally {
    await cdp.detach();
  }
}

/** The draft as the API gives it to this signed-in tab. */
export async function draftViaApi(page: Page, baseUrl: string): Promise<DraftView> {
  const response = await page.request.get(`${baseUrl}/api/draft`);
  if (!response.ok()) throw new Error(`GET /api/draft answered ${response.status()}`);
  return DraftViewSchema.parse(await response.json());
}

/** A measure of the report, or null when it is not there (deleted). */
export function measureOf(report: Report, id: string): Measure | null {
  const found = findNode(report, id);
  return found?.kind === 'measure' ? found.node : null;
}

/** The conflict dialog (one fieldset per node; README.md). */
export const conflictDialog = (page: Page): Locator =>
  page.getByRole('dialog', { name: '编辑冲突' });

/** In the conflict dialog: picks a choice for every node shown, then 按所选处理. */
export async function resolveEach(dialog: Locator, choice: string): Promise<void> {
  for (const radio of await dialog.getByRole('radio', { name: choice }).all()) await radio.check();
  await dialog.getByRole('button', { name: '按所选处理' }).click();
}

/** A screenshot at 360 px and one at 1280 px, then the tab's own width again. */
export async function screenshotsAt(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? DESKTOP;
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
    await screenshot(page, ISSUE_13_SHOTS, `${name}-${viewport.width}`);
  }
  await page.setViewportSize(before);
}

/** What the test hooks (contract E) report, when the build has them. */
export interface SavedChange {
  clientSeq: number;
  keys: string[];
  at: string;
}
export interface EditorHooks {
  savedChanges: SavedChange[];
  conflictsShown: unknown[];
}

export async function editorHooks(page: Page): Promise<EditorHooks | null> {
  return page.evaluate<EditorHooks | null>(
    `window.__leshanEditor === undefined ? null : {
       savedChanges: window.__leshanEditor.savedChanges(),
       conflictsShown: window.__leshanEditor.conflictsShown(),
     }`,
  );
}

/** Internal ids (c32, s36, m42, m38-t1, note-3, leshan-port, u-…) an editor must never see. */
export const INTERNAL_ID =
  /(?<![\w-])(?:[csm]\d+(?:-t\d+)?|note-\d+|leshan-(?:port|airport)|u-[a-z0-9]{10})(?![\w-])/;

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** POST /api/draft/commands as this signed-in tab (with its session's CSRF token). */
export async function sendCommands(
  page: Page,
  baseUrl: string,
  batch: { baseRevision: number; commands: Command[] },
): Promise<ApiAnswer> {
  const session = await page.request.get(`${baseUrl}/api/session`);
  const { csrfToken } = SessionViewSchema.parse(await session.json());
  const response = await page.request.post(`${baseUrl}/api/draft/commands`, {
    data: batch,
    headers: { 'X-CSRF-Token': csrfToken },
  });
  return { status: response.status(), body: await response.json() };
}

/** Deletes the measure open in the editing pane, confirming the dialog. */
export async function deleteOpenMeasure(page: Page): Promise<void> {
  await page.getByRole('button', { name: '删除此举措' }).click();
  await page
    .getByRole('dialog', { name: '确认删除' })
    .getByRole('button', { name: '删除' })
    .click();
}

/** The value, or a failure naming what is missing. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`e2e: ${what} is missing`);
  return value;
}

/** For afterEach: a failed test leaves no dialog, offline context or signed-out tab behind. */
export const recoverAfterFailure =
  (session: () => EditorsSession) =>
  async ({ task }: { task: { name: string; result?: { state: string } } }): Promise<void> => {
    if (task.result?.state !== 'fail') return;
    // What each tab showed when the test failed, for the person reading the failure.
    const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    for (const [i, tab] of session().tabs.entries())
      if (!tab.page.isClosed())
        await screenshot(tab.page, join(ISSUE_13_SHOTS, 'failures'), `${name}-${i + 1}`);
    await session().recover();
  };

/**
 * The three editors for one test file: started before its tests, recovered after a failed one,
 * closed at the end; the file's last test checks no tab had a script error or CSP violation.
 */
export function editorsForThisFile(): () => EditorsSession {
  let session: EditorsSession | undefined;
  const get = () => present(session, 'the editors’ session');
  beforeAll(async () => {
    session = await startEditors();
  });
  afterEach(recoverAfterFailure(get));
  afterAll(async () => {
    await session?.close();
  });
  return get;
}

/** The last test of a file: no script error and no CSP violation in any tab. */
export function itCausedNoProblems(get: () => EditorsSession): void {
  it('caused no script error and no CSP violation', async () => {
    for (const tab of get().tabs) for (const page of tab.context.pages()) await page.close();
    expect(get().problems).toEqual([]);
  });
}
