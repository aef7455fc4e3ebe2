import { applyCommands, invertCommands } from '@leshan/report-core';
import type { Command, Report } from '@leshan/report-core';
import { toApiError } from '../api/api-error.js';
import type { ApiError } from '../api/api-error.js';
import type { DraftView, Endpoints } from '../api/endpoints.js';
import { conflictFrom } from './conflict.js';
import type { Conflict } from './conflict.js';
import { commandsOf, enqueue, fromCommands } from './pending-commands.js';
import type { PendingCommand } from './pending-commands.js';
import type { QueueStorage } from './queue-storage.js';
import { refusalMessage } from './refusal-message.js';

export type SaveState =
  'loading' | 'saved' | 'pending' | 'saving' | 'offline' | 'conflict' | 'error';

export interface UndoEntry {
  label: string;
  key: string | null;
  inverse: Command[];
}

export interface DraftState {
  report: Report | null;
  revision: number;
  saveState: SaveState;
  message: string | null;
  conflict: Conflict | null;
  undo: readonly UndoEntry[];
  unsent: number;
  savedAt: string | null;
}

export type ApplyOutcome = { ok: true } | { ok: false; message: string; paths: string[] };

export interface DraftStoreOptions {
  api: Pick<Endpoints, 'draft' | 'sendCommands'>;
  queue: QueueStorage;
  isOnline?: () => boolean;
  autosaveMs?: number;
  retryMs?: number;
  onUnauthenticated?: () => void;
}

/**
 * The draft as the editor sees it: the server's revision plus the editor's unsent commands,
 * applied optimistically with report-core's applyCommands (the same code the server runs).
 * Commands go out in debounced batches; offline they wait in localStorage; a 409 becomes a
 * conflict the editor resolves.
 */
export class DraftStore {
  private confirmed: Report | null = null;
  private inFlight: PendingCommand[] = [];
  private pending: PendingCommand[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();
  private readonly isOnline: () => boolean;
  private readonly autosaveMs: number;
  private readonly retryMs: number;
  state: DraftState = {
    report: null,
    revision: 0,
    saveState: 'loading',
    message: null,
    conflict: null,
    undo: [],
    unsent: 0,
    savedAt: null,
  };

  constructor(private readonly options: DraftStoreOptions) {
    this.isOnline = options.isOnline ?? (() => navigator.onLine);
    this.autosaveMs = options.autosaveMs ?? 800;
    this.retryMs = options.retryMs ?? 5000;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DraftState => this.state;

  private set(patch: Partial<DraftState>): void {
    const unsent = this.inFlight.length + this.pending.length;
    this.state = { ...this.state, unsent, ...patch };
    for (const listener of this.listeners) listener();
  }

  private persist(): void {
    this.options.queue.write(this.state.revision, commandsOf([...this.inFlight, ...this.pending]));
  }

  /** Reads the draft, then puts back changes a previous visit could not send. */
  async load(): Promise<void> {
    let draft: DraftView;
    try {
      draft = await this.options.api.draft();
    } catch (error) {
      this.fail(toApiError(error));
      return;
    }
    this.adopt(draft);
    const stored = this.options.queue.read();
    if (stored === null) return;
    const rebased = applyCommands(draft.report, stored.commands);
    if (rebased.ok) {
      this.pending = fromCommands(stored.commands);
      // Sent from the revision they were made on, so the server can tell a real conflict.
      this.set({
        report: rebased.value.report,
        revision: stored.baseRevision,
        saveState: 'pending',
      });
      this.schedule(0);
    } else {
      this.set({ message: `上次未保存的修改无法应用到当前草稿：${refusalMessage(rebased.error)}` });
      this.options.queue.write(draft.revision, []);
    }
  }

  private adopt(draft: DraftView): void {
    this.confirmed = draft.report;
    this.inFlight = [];
    this.pending = [];
    this.set({
      report: draft.report,
      revision: draft.revision,
      saveState: 'saved',
      savedAt: draft.updatedAt,
      conflict: null,
    });
  }

  /** Applies commands locally (refused if invalid: then nothing is sent) and queues them. */
  apply(commands: readonly Command[], label: string, key: string | null = null): ApplyOutcome {
    const report = this.state.report;
    if (report === null) return { ok: false, message: '草稿尚未载入', paths: [] };
    if (this.state.conflict !== null)
      return { ok: false, message: '请先处理编辑冲突，再继续修改', paths: [] };
    const result = applyCommands(report, commands);
    if (!result.ok) {
      const issues = 'issues' in result.error ? result.error.issues : [];
      return { ok: false, message: refusalMessage(result.error), paths: issues.map((i) => i.path) };
    }
    const last = this.state.undo[this.state.undo.length - 1];
    const undo =
      key !== null && last?.key === key
        ? this.state.undo
        : [
            ...this.state.undo.slice(-99),
            { label, key, inverse: invertCommands(report, [...commands]) },
          ];
    this.pending = enqueue(this.pending, commands, key);
    this.persist();
    this.set({
      report: result.value.report,
      undo,
      saveState: this.isOnline() ? 'pending' : 'offline',
      message: null,
    });
    this.schedule(this.autosaveMs);
    return { ok: true };
  }

  /** Undoes the latest change by applying its inverse, which is saved like any edit. */
  undoLast(): ApplyOutcome {
    const last = this.state.undo[this.state.undo.length - 1];
    if (last === undefined) return { ok: false, message: '没有可以撤销的修改', paths: [] };
    const report = this.state.report;
    if (report === null) return { ok: false, message: '草稿尚未载入', paths: [] };
    const result = applyCommands(report, last.inverse);
    if (!result.ok)
      return {
        ok: false,
        message: `无法撤销“${last.label}”：${refusalMessage(result.error)}`,
        paths: [],
      };
    this.pending = enqueue(this.pending, last.inverse, null);
    this.persist();
    this.set({
      report: result.value.report,
      undo: this.state.undo.slice(0, -1),
      saveState: 'pending',
      message: null,
    });
    this.schedule(this.autosaveMs);
    return { ok: true };
  }

  private schedule(ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Sends the unsent commands now (at most one batch in flight). */
  async flush(): Promise<void> {
    if (this.inFlight.length > 0 || this.pending.length === 0 || this.state.conflict !== null)
      return;
    if (!this.isOnline()) {
      this.set({ saveState: 'offline' });
      return;
    }
    this.inFlight = this.pending;
    this.pending = [];
    const base = this.state.revision;
    this.set({ saveState: 'saving' });
    try {
      const result = await this.options.api.sendCommands(base, commandsOf(this.inFlight));
      await this.confirm(base, result.revision);
    } catch (error) {
      await this.refused(toApiError(error));
    }
  }

  private async confirm(base: number, revision: number): Promise<void> {
    const sent = commandsOf(this.inFlight);
    this.inFlight = [];
    const applied = this.confirmed === null ? null : applyCommands(this.confirmed, sent);
    if (applied?.ok === true && revision === base + 1) {
      this.confirmed = applied.value.report;
      this.set({
        revision,
        saveState: this.pending.length > 0 ? 'pending' : 'saved',
        savedAt: new Date().toISOString(),
      });
      this.persist();
    } else {
      // Someone else saved in between without touching our nodes: take their draft, replay ours.
      await this.rebase();
    }
    if (this.pending.length > 0) this.schedule(this.autosaveMs);
  }

  private async rebase(): Promise<void> {
    const draft = await this.options.api.draft();
    const waiting = this.pending;
    this.confirmed = draft.report;
    const replayed = applyCommands(draft.report, commandsOf(waiting));
    this.pending = replayed.ok ? waiting : [];
    this.set({
      report: replayed.ok ? replayed.value.report : draft.report,
      revision: draft.revision,
      saveState: this.pending.length > 0 ? 'pending' : 'saved',
      savedAt: new Date().toISOString(),
      message: replayed.ok
        ? null
        : '其他编辑同时修改了草稿，您尚未保存的部分修改已无法应用，请检查',
    });
    this.persist();
  }

  private async refused(error: ApiError): Promise<void> {
    if (error.offline) {
      this.pending = [...this.inFlight, ...this.pending];
      this.inFlight = [];
      this.persist();
      this.set({ saveState: 'offline', message: null });
      this.schedule(this.retryMs);
      return;
    }
    if (error.status === 409) {
      const mine = [...this.inFlight, ...this.pending];
      this.inFlight = [];
      this.pending = [];
      let theirs: DraftView;
      try {
        theirs = await this.options.api.draft();
      } catch (fetchError) {
        this.pending = mine;
        this.fail(toApiError(fetchError));
        return;
      }
      this.set({
        saveState: 'conflict',
        conflict: conflictFrom(error.body, commandsOf(mine), this.state.report, theirs),
      });
      return;
    }
    this.fail(error);
  }

  private fail(error: ApiError): void {
    if (error.status === 401) this.options.onUnauthenticated?.();
    if (error.offline) {
      this.set({ saveState: 'offline', message: error.message });
      return;
    }
    if (this.inFlight.length > 0) {
      // The server refused the batch: it can never apply. Drop it and show why.
      this.inFlight = [];
      this.persist();
      void this.options.api.draft().then(
        (draft) => this.adopt(draft),
        () => undefined,
      );
    }
    this.set({ saveState: 'error', message: error.message });
  }

  /** Keep mine: replay my commands on the other editor's version and send them from there. */
  keepMine(): ApplyOutcome {
    const conflict = this.state.conflict;
    if (conflict === null) return { ok: true };
    const replayed = applyCommands(conflict.theirs.report, conflict.mine);
    if (!replayed.ok) {
      const message = `您的修改无法应用到对方的版本：${refusalMessage(replayed.error)}。请选择“采用对方的版本”。`;
      this.set({ conflict: { ...conflict, error: message } });
      return { ok: false, message, paths: [] };
    }
    this.confirmed = conflict.theirs.report;
    this.pending = fromCommands(conflict.mine);
    this.set({
      report: replayed.value.report,
      revision: conflict.theirs.revision,
      conflict: null,
      saveState: 'pending',
      undo: [],
    });
    this.persist();
    void this.flush();
    return { ok: true };
  }

  /** Take theirs: drop my unsent changes and continue from the other editor's version. */
  takeTheirs(): void {
    const conflict = this.state.conflict;
    if (conflict === null) return;
    this.adopt(conflict.theirs);
    this.persist();
    this.set({ undo: [] });
  }

  /** Reloads after a restore or import replaced the draft on the server. */
  async reload(): Promise<void> {
    const draft = await this.options.api.draft();
    this.adopt(draft);
    this.persist();
    this.set({ undo: [] });
  }

  /** The connection came back: send what waited. */
  online(): void {
    if (this.state.saveState === 'offline')
      this.set({ saveState: this.pending.length > 0 ? 'pending' : 'saved' });
    void this.flush();
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.listeners.clear();
  }
}
