import type { Locator } from 'playwright-core';
import {
  conflictDialog,
  deleteOpenMeasure,
  editorReady,
  escapeRegExp,
  headerState,
  setOffline,
} from './editors.js';
import type { EditorTab } from './editors.js';
import { pick } from './random-ledger.js';
import type { Change, Resolution } from './random-ledger.js';

// One editor of the randomized test: random edits, deletions, offline spells and reloads.

export interface PoolMeasure {
  id: string;
  /** The first characters of its text: how the outline filter finds it. */
  words: string;
  indicators: { id: string; metric: string }[];
}

export interface Shared {
  random: () => number;
  pool: readonly PoolMeasure[];
  changes: Change[];
  resolutions: Resolution[];
  problems: string[];
  /** Orders saves and resolutions as the editors saw them. */
  clock: { now: number };
}

const CHOICES: readonly (readonly [RegExp, Resolution['choice']])[] = [
  [/保留我的/, 'kept'],
  [/恢复/, 'kept'],
  [/采用对方/, 'discarded'],
  [/放弃/, 'discarded'],
];

export class RandomEditor {
  private offlineLeft = 0;
  private openId: string | null = null;
  private count = 0;

  constructor(
    private readonly tab: EditorTab,
    /** One character that marks this editor's tokens (李, 张, 王). */
    private readonly mark: string,
    private readonly shared: Shared,
    private readonly ownPlaces: readonly { id: string; name: string }[],
    private readonly ownDeletion: string,
  ) {}

  private get page() {
    return this.tab.page;
  }

  private get name() {
    return this.tab.person.displayName;
  }

  /** Runs random steps until the deadline; a failed step is a problem, then the tab recovers. */
  async run(deadline: number): Promise<void> {
    while (Date.now() < deadline && this.shared.problems.length < 10) {
      try {
        await this.step();
      } catch (error) {
        this.shared.problems.push(`${this.name}: ${(error as Error).message.split('\n')[0]}`);
        await this.recover();
      }
    }
  }

  /** Back online, every change either saved or resolved in a conflict. */
  async finish(): Promise<void> {
    if (this.offlineLeft > 0) {
      this.offlineLeft = 0;
      await setOffline(this.tab, false);
    }
    await this.settle();
  }

  private async recover(): Promise<void> {
    this.offlineLeft = 0;
    this.openId = null;
    await setOffline(this.tab, false);
    await this.page.reload();
    await editorReady(this.page);
  }

  private async step(): Promise<void> {
    if (await conflictDialog(this.page).isVisible()) await this.settle();
    const random = this.shared.random;
    const roll = random();
    if (this.offlineLeft === 0 && roll < 0.08) {
      this.offlineLeft = 1 + Math.floor(random() * 3);
      await setOffline(this.tab, true);
      return;
    }
    if (this.offlineLeft === 0 && roll < 0.14) {
      // Straight after an edit sometimes: what was not sent yet must survive the reload.
      if (random() < 0.5) await this.edit();
      this.openId = null;
      await this.page.reload();
      await editorReady(this.page);
      await this.settle();
      return;
    }
    await this.edit();
    if (this.offlineLeft > 0) {
      this.offlineLeft -= 1;
      if (this.offlineLeft > 0) return;
      await setOffline(this.tab, false);
    }
    await this.settle();
  }

  private async edit(): Promise<void> {
    const random = this.shared.random;
    const roll = random();
    const measure = pick(random, this.shared.pool);
    const change =
      roll < 0.35
        ? await this.editText(measure)
        : roll < 0.55
          ? await this.addUpdate(measure)
          : roll < 0.72
            ? await this.editIndicator(measure)
            : roll < 0.93
              ? await this.togglePlace(measure)
              : await this.deleteOwn();
    if (change !== null) this.shared.changes.push(change);
  }

  private token(): string {
    this.count += 1;
    return `〔${this.mark}${this.count}〕`;
  }

  private change(measure: PoolMeasure, kind: Change['kind'], token: string): Change {
    return {
      token,
      editor: this.name,
      kind,
      measureId: measure.id,
      measureWords: measure.words,
      status: 'pending',
      savedAt: null,
      kept: false,
    };
  }

  /** Opens the measure unless it is open; null when it is gone (deleted by someone). */
  private async open(measure: PoolMeasure): Promise<Locator | null> {
    const text = this.page.getByLabel('举措内容');
    if (this.openId === measure.id && (await text.isVisible())) return text;
    this.openId = null;
    await this.page.getByLabel('筛选大纲').fill(measure.words);
    const item = this.page
      .getByRole('treeitem', { name: new RegExp(escapeRegExp(measure.words)) })
      .first();
    try {
      await item.waitFor({ timeout: 3_000 });
    } catch (_gone) {
      return null;
    }
    // Another editor's deletion can arrive live between finding the item and clicking it.
    if (!(await clickUnlessGone(item))) return null;
    try {
      await text.waitFor({ timeout: 3_000 });
    } catch (_gone) {
      return null;
    }
    this.openId = measure.id;
    return text;
  }

  private async editText(measure: PoolMeasure): Promise<Change | null> {
    const field = await this.open(measure);
    if (field === null) return null;
    const token = this.token();
    await field.fill(`${await field.inputValue()}${token}`);
    return this.change(measure, 'text', token);
  }

  private async addUpdate(measure: PoolMeasure): Promise<Change | null> {
    if ((await this.open(measure)) === null) return null;
    const token = this.token();
    await this.page.getByLabel('进展说明').fill(`${token}完成阶段性工作`);
    if (!(await clickUnlessGone(this.page.getByRole('button', { name: '添加记录' })))) return null;
    return this.change(measure, 'update', token);
  }

  private async editIndicator(measure: PoolMeasure): Promise<Change | null> {
    const indicator =
      measure.indicators.length === 0 ? null : pick(this.shared.random, measure.indicators);
    if (indicator === null || (await this.open(measure)) === null) return null;
    const button = this.page
      .getByRole('button', { name: new RegExp(`编辑.*${escapeRegExp(indicator.metric)}`) })
      .first();
    if (
      (await button.getAttribute('aria-expanded', { timeout: 3_000 }).catch(() => null)) !==
        'true' &&
      !(await clickUnlessGone(button))
    )
      return null;
    const field = this.page.getByLabel('指标名称');
    const token = this.token();
    await field.fill(`${await field.inputValue()}${token}`);
    return { ...this.change(measure, 'indicator', token), indicatorId: indicator.id };
  }

  private async togglePlace(measure: PoolMeasure): Promise<Change | null> {
    if ((await this.open(measure)) === null) return null;
    const place = pick(this.shared.random, this.ownPlaces);
    const box = this.page.getByRole('checkbox', { name: place.name, exact: true });
    const on = !(await box.isChecked());
    await box.setChecked(on);
    return {
      ...this.change(measure, 'place', `${on ? '勾选' : '取消'}${place.name}`),
      place: { ...place, on },
    };
  }

  private async deleteOwn(): Promise<Change | null> {
    const measure = this.shared.pool.find((m) => m.id === this.ownDeletion);
    const done = this.shared.changes.some((c) => c.kind === 'delete' && c.editor === this.name);
    if (measure === undefined || done || (await this.open(measure)) === null) return null;
    await deleteOpenMeasure(this.page);
    this.openId = null;
    return this.change(measure, 'delete', `删除${measure.words}`);
  }

  private mine(status: Change['status']): Change[] {
    return this.shared.changes.filter((c) => c.editor === this.name && c.status === status);
  }

  /** Waits for 已保存 or a conflict; resolves conflicts at random until saved. */
  private async settle(): Promise<void> {
    const saved = this.page.locator('.save-status[data-state="saved"]');
    const dialog = conflictDialog(this.page);
    for (let round = 0; round < 10; round += 1) {
      try {
        await saved.or(dialog).first().waitFor({ timeout: 30_000 });
      } catch (stuck) {
        const header = await headerState(this.page);
        const banners = await this.page.locator('.error-banner').allTextContents();
        throw new Error(
          `neither saved nor a conflict after 30 s: header “${header.text}” ${banners.join(' | ')}`,
          {
            cause: stuck,
          },
        );
      }
      if (await dialog.isVisible()) {
        await this.resolve();
        continue;
      }
      this.shared.clock.now += 1;
      for (const change of this.mine('pending')) {
        change.status = 'saved';
        change.savedAt = this.shared.clock.now;
      }
      return;
    }
    throw new Error('still in conflict after ten resolutions');
  }

  private async resolve(): Promise<void> {
    const dialog = conflictDialog(this.page);
    const words = (await dialog.textContent()) ?? '';
    const shown = this.mine('pending').filter((c) =>
      c.kind === 'place'
        ? words.includes(c.measureWords) && c.place !== undefined && words.includes(c.place.name)
        : c.kind === 'delete'
          ? words.includes(c.measureWords)
          : words.includes(c.token),
    );
    for (const change of shown) change.status = 'shown';
    const offered: (readonly [Locator, Resolution['choice']])[] = [];
    for (const [name, choice] of CHOICES) {
      const button = dialog.getByRole('button', { name }).first();
      if (await button.isVisible()) offered.push([button, choice]);
    }
    if (offered.length === 0) throw new Error(`a conflict dialog offers no choice: ${words}`);
    const [button, choice] = pick(this.shared.random, offered);
    this.shared.clock.now += 1;
    this.shared.resolutions.push({ editor: this.name, words, choice, at: this.shared.clock.now });
    await button.click();
    await this.page.waitForFunction(
      `document.querySelector('[role="dialog"]')?.textContent !== ${JSON.stringify(words)}`,
    );
    // One decision for the whole dialog: kept changes go out again and end saved like others.
    if (choice === 'kept' && !(await dialog.isVisible()))
      for (const change of shown) {
        change.status = 'pending';
        change.kept = true;
      }
  }
}

/**
 * Clicks a control of a node; false when the control went away meanwhile (the node was deleted
 * by another editor and the live update removed it). A control still there that cannot be
 * clicked is a fault and throws.
 */
async function clickUnlessGone(control: Locator): Promise<boolean> {
  try {
    await control.click({ timeout: 5_000 });
    return true;
  } catch (error) {
    if ((await control.count()) === 0) return false;
    throw error;
  }
}
