import { invertCommands } from '@leshan/report-core';
import type { Command, Report } from '@leshan/report-core';
import { toApiError } from '../api/api-error.js';
import type { ApiError } from '../api/api-error.js';
import type { DraftView, Endpoints } from '../api/endpoints.js';
import { conflictFrom, resolvedCommands } from './conflict.js';
import type { Conflict, ConflictChoice } from './conflict.js';
import { FormDrafts } from './form-drafts.js';
import { commandsOf, enqueue, fromCommands } from './pending-commands.js';
import type { PendingCommand } from './pending-commands.js';
import { MAX_ADOPTED } from './queue-storage.js';
import type { QueueStorage, StoredQueue, UndoEntry } from './queue-storage.js';
import { refusalMessage } from './refusal-message.js';
import { alreadySaved, replay, replayEach } from './replay.js';

export type { UndoEntry } from './queue-storage.js';

export type SaveState =
  'loading' | 'saved' | 'pending' | 'saving' | 'offline' | 'conflict' | 'error';

/** Another editor (or another tab) with a node open, from the presence events. */
export interface PresenceEditor {
  userId: string;
  name: string;
  nodeId: string | null;
  clientId: string;
}

/** Commands the server refused outright (not a conflict): shown until the editor discards them. */
export interface Rejected {
  commands: Command[];
  message: string;
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
  /** Refused values still in their fields (form drafts): "已保存" is not said while any wait. */
  refused: number;
  rejected: Rejected | null;
  /** Unsent changes of this editor's closed tabs, offered back. */
  orphans: readonly StoredQueue[];
  presence: readonly PresenceEditor[];
  /** The node this tab has open in the editor (kept while the editor visits other screens). */
  openNode: string | null;
}

export type ApplyOutcome = { ok: true } | { ok: false; message: string; paths: string[] };

/** One batch the server confirmed, as the e2e hooks report it. */
export interface SavedChange {
  clientSeq: number;
  revision: number;
  keys: string[];
  at: string;
}

export interface DraftStoreOptions {
  api: Pick<Endpoints, 'draft' | 'sendCommands'>;
  queue: QueueStorage;
  forms?: FormDrafts;
  isOnline?: () => boolean;
  autosaveMs?: number;
  retryMs?: number;
  onUnauthenticated?: () => void;
  /** After each confirmed batch (other tabs are told through a BroadcastChannel). */
  onSaved?: (saved: SavedChange) => void;
  onConflict?: (conflict: Conflict) => void;
}

/**
 * The draft as the editor sees it: the server's revision plus the editor's unsent commands,
 * applied optimistically with report-core's applyCommands (the same code the server runs).
 * Commands go out in debounced batches from the revision they were made on; this tab's unsent
 * commands wait in its own queue (QueueStorage); a 409 becomes a conflict the editor resolves
 * node by node; others' revisions are applied under the unsent commands as they arrive.
 */
export class DraftStore {
  private confirmed: Report | null = null;
  /** The revision the unsent commands were made on; the server checks conflicts from it. */
  private base = 0;
  private inFlight: PendingCommand[] = [];
  private pending: PendingCommand[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private holds = 0;
  private clientSeq = Date.now();
  private inFlightSeq = 0;
  /**
   * A batch whose answer was lost (the connection dropped while it was out): it waits at the
   * front of `pending` and goes out again alone with the same clientSeq, so the server answers
   * it once instead of applying it twice (a progress update added twice is refused).
   */
  private unanswered: { seq: number; count: number } | null = null;
  /**
   * Closed tabs whose unsent changes this tab took over, while any of those changes is unsent:
   * each batch names them, so their own saves after the changes' base are no conflict (a tab's
   * own are not either). Without it, a change typed in a tab after its last save and taken over
   * once the tab closed came back as a conflict with that save.
   */
  private adoptedTabs: string[] = [];
  private listeners = new Set<() => void>();
  /**
   * The server revision each report this store has shown was made on. An edit made on a view
   * older than the current one (a click handled before React re-rendered another editor's
   * revision) is sent from that view's revision, so the server tells the conflict instead of
   * taking a whole-field value computed without their change.
   */
  private readonly viewRevisions = new WeakMap<Report, number>();
  private readonly isOnline: () => boolean;
  private readonly autosaveMs: number;
  private readonly retryMs: number;
  /** Typed form text and refused field values of this tab. */
  readonly forms: FormDrafts;
  readonly saved: SavedChange[] = [];
  readonly conflictsShown: { at: string; conflict: Conflict }[] = [];
  state: DraftState = {
    report: null,
    revision: 0,
    saveState: 'loading',
    message: null,
    conflict: null,
    undo: [],
    unsent: 0,
    savedAt: null,
    refused: 0,
    rejected: null,
    orphans: [],
    presence: [],
    openNode: null,
  };

  constructor(private readonly options: DraftStoreOptions) {
    this.isOnline = options.isOnline ?? (() => navigator.onLine);
    this.autosaveMs = options.autosaveMs ?? 800;
    this.retryMs = options.retryMs ?? 5000;
    const forms = options.forms ?? new FormDrafts(null, '');
    this.forms = forms;
    forms.subscribe(() => this.set({ refused: forms.refused().length }));
    this.state = { ...this.state, refused: forms.refused().length };
  }

  get tabId(): string {
    return this.options.queue.tabId;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DraftState => this.state;

  private set(patch: Partial<DraftState>): void {
    const unsent = this.inFlight.length + this.pending.length;
    this.state = { ...this.state, unsent, ...patch };
    const { report } = this.state;
    if (report !== null && !this.viewRevisions.has(report))
      this.viewRevisions.set(report, this.state.revision);
    for (const listener of this.listeners) listener();
  }

  private persist(): void {
    const unsent = commandsOf([...this.inFlight, ...this.pending]);
    if (unsent.length === 0) this.adoptedTabs = [];
    this.options.queue.write(this.base, unsent, this.adoptedTabs);
  }

  private setUndo(undo: readonly UndoEntry[]): Partial<DraftState> {
    this.options.queue.writeUndo(undo);
    return { undo };
  }

  /** Reads the draft, then puts back changes this tab could not send before a reload. */
  async load(): Promise<void> {
    let draft: DraftView;
    try {
      draft = await this.options.api.draft();
    } catch (error) {
      this.fail(toApiError(error));
      return;
    }
    this.adopt(draft);
    this.set({ undo: this.options.queue.readUndo(), orphans: this.options.queue.orphans() });
    const stored = this.options.queue.read();
    if (stored !== null) this.takeOver(stored, stored.adoptedTabIds ?? []);
  }

  /**
   * Puts stored commands back under the draft and sends them from the revision they were made
   * on. One that no longer applies (someone deleted or changed its node meanwhile) is sent too,
   * so the server names the conflict and the editor decides; until then the view shows the rest.
   */
  private takeOver(stored: StoredQueue, adopted: readonly string[]): void {
    const report = this.state.report;
    const commands = report === null ? [] : stored.commands.filter((c) => !alreadySaved(report, c));
    if (report === null || commands.length === 0) return;
    this.adoptedTabs = [...new Set([...this.adoptedTabs, ...adopted])]
      .filter((id) => id !== this.tabId)
      .slice(-MAX_ADOPTED);
    const replayed = replayEach(report, commands);
    this.base =
      this.pending.length === 0 ? stored.baseRevision : Math.min(this.base, stored.baseRevision);
    this.pending = [...this.pending, ...fromCommands(commands)];
    this.set({ report: replayed.report, saveState: 'pending' });
    this.persist();
    this.schedule(0);
  }

  /** Takes over the unsent changes of a closed tab (offered at start). */
  adoptOrphan(tabId: string): void {
    const orphan = this.state.orphans.find((o) => o.tabId === tabId);
    if (orphan === undefined) return;
    this.options.queue.forget(tabId);
    this.set({ orphans: this.state.orphans.filter((o) => o.tabId !== tabId) });
    this.takeOver(orphan, [...(orphan.adoptedTabIds ?? []), orphan.tabId]);
  }

  discardOrphan(tabId: string): void {
    this.options.queue.forget(tabId);
    this.set({ orphans: this.state.orphans.filter((o) => o.tabId !== tabId) });
  }

  /** Tells other tabs this one is alive, and looks again for closed tabs' changes. */
  heartbeat(): void {
    this.options.queue.heartbeat();
    const orphans = this.options.queue.orphans();
    const same =
      orphans.length === this.state.orphans.length &&
      orphans.every((o, i) => o.tabId === this.state.orphans[i]?.tabId);
    if (!same) this.set({ orphans });
  }

  private adopt(draft: DraftView): void {
    this.confirmed = draft.report;
    this.base = draft.revision;
    this.inFlight = [];
    this.pending = [];
    this.unanswered = null;
    this.set({
      report: draft.report,
      revision: draft.revision,
      saveState: 'saved',
      savedAt: draft.updatedAt,
      conflict: null,
    });
  }

  /**
   * Applies commands locally (refused if invalid: then nothing is sent) and queues them. `seen`
   * is the report the editor acted on (what their screen showed), when it may be older than the
   * store's: the commands are then sent from its revision.
   */
  apply(
    commands: readonly Command[],
    label: string,
    key: string | null = null,
    seen?: Report | null,
  ): ApplyOutcome {
    const report = this.state.report;
    if (report === null) return { ok: false, message: '草稿尚未载入', paths: [] };
    if (this.state.conflict !== null)
      return { ok: false, message: '请先处理编辑冲突，再继续修改', paths: [] };
    const result = replay(report, commands);
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
    const seenRevision = seen == null ? undefined : this.viewRevisions.get(seen);
    if (this.unsentCount() === 0)
      this.base = Math.min(this.state.revision, seenRevision ?? Infinity);
    else if (seenRevision !== undefined) this.base = Math.min(this.base, seenRevision);
    this.pending = enqueue(this.pending, commands, key);
    this.persist();
    this.set({
      report: result.report,
      ...this.setUndo(undo),
      saveState: this.isOnline() ? 'pending' : 'offline',
      message: null,
    });
    this.schedule(this.autosaveMs);
    return { ok: true };
  }

  private unsentCount(): number {
    return this.inFlight.length + this.pending.length;
  }

  /** Undoes the latest change by applying its inverse, which is saved like any edit. */
  undoLast(): ApplyOutcome {
    const last = this.state.undo[this.state.undo.length - 1];
    if (last === undefined) return { ok: false, message: '没有可以撤销的修改', paths: [] };
    const report = this.state.report;
    if (report === null) return { ok: false, message: '草稿尚未载入', paths: [] };
    if (this.state.conflict !== null)
      return { ok: false, message: '请先处理编辑冲突，再撤销', paths: [] };
    const result = replay(report, last.inverse);
    if (!result.ok)
      return {
        ok: false,
        message: `无法撤销“${last.label}”：${refusalMessage(result.error)}`,
        paths: [],
      };
    if (this.unsentCount() === 0) this.base = this.state.revision;
    this.pending = enqueue(this.pending, last.inverse, null);
    this.persist();
    this.set({
      report: result.report,
      ...this.setUndo(this.state.undo.slice(0, -1)),
      saveState: 'pending',
      message: null,
    });
    this.schedule(this.autosaveMs);
    return { ok: true };
  }

  /**
   * Holds autosave while an input method composes (pinyin): nothing is sent until every hold
   * is released; the release schedules the save.
   */
  hold(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      if (this.holds === 0 && this.pending.length > 0) this.schedule(this.autosaveMs);
    };
  }

  private schedule(ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Sends the unsent commands now (at most one batch in flight; none while composing). */
  async flush(): Promise<void> {
    if (
      this.inFlight.length > 0 ||
      this.pending.length === 0 ||
      this.state.conflict !== null ||
      this.holds > 0
    )
      return;
    if (!this.isOnline()) {
      this.set({ saveState: 'offline' });
      return;
    }
    const again = this.unanswered;
    this.unanswered = null;
    this.inFlight = again === null ? this.pending : this.pending.slice(0, again.count);
    this.pending = again === null ? [] : this.pending.slice(again.count);
    const base = this.base;
    const clientSeq = again?.seq ?? ++this.clientSeq;
    this.inFlightSeq = clientSeq;
    this.set({ saveState: 'saving' });
    try {
      const result = await this.options.api.sendCommands(base, commandsOf(this.inFlight), {
        clientId: this.tabId,
        clientSeq,
        ...(this.adoptedTabs.length === 0 ? {} : { adoptedClientIds: [...this.adoptedTabs] }),
      });
      const at = new Date().toISOString();
      await this.confirm(result.revision, {
        clientSeq,
        revision: result.revision,
        keys: result.keys,
        at,
      });
    } catch (error) {
      await this.refused(toApiError(error));
    }
  }

  /** Sends everything unsent and waits for the answers: true when nothing is left unsent. */
  async flushAll(): Promise<boolean> {
    for (let round = 0; round < 5 && this.unsentCount() > 0; round += 1) {
      if (this.state.conflict !== null || !this.isOnline()) break;
      if (this.inFlight.length > 0) await new Promise((r) => setTimeout(r, 50));
      else await this.flush();
    }
    return this.unsentCount() === 0 && this.state.conflict === null;
  }

  private async confirm(revision: number, saved: SavedChange): Promise<void> {
    const sent = commandsOf(this.inFlight);
    this.inFlight = [];
    this.saved.push(saved);
    this.options.onSaved?.(saved);
    const applied = this.confirmed === null ? null : replay(this.confirmed, sent);
    if (applied?.ok === true && revision === this.state.revision + 1) {
      this.confirmed = applied.report;
      this.base = revision;
      // Nobody else saved in between: the screen shows everything up to this revision (and this
      // tab's unsent changes), so an edit made on it is made on this revision, not the one before.
      if (this.state.report !== null) this.viewRevisions.set(this.state.report, revision);
      this.set({
        revision,
        saveState: this.pending.length > 0 ? 'pending' : 'saved',
        savedAt: new Date().toISOString(),
      });
      this.persist();
    } else {
      // Someone else saved in between: take their draft and replay ours on it. Commands typed
      // while the batch was out were made without seeing their revision, so they keep their
      // base (the server does not count this tab's own revisions as conflicts): sent from our
      // new revision, one of them would silently undo their change to the same field.
      if (this.pending.length === 0) this.base = revision;
      // The batch is saved: this tab's stored copy must not keep it, or once the tab closes
      // another would offer it back as unsaved and resend it from an old base.
      this.persist();
      await this.pull();
    }
    if (this.pending.length > 0) this.schedule(this.autosaveMs);
  }

  /** Reads the draft and puts the unsent commands on top of it. */
  private async pull(): Promise<void> {
    let draft: DraftView;
    try {
      draft = await this.options.api.draft();
    } catch (error) {
      const failure = toApiError(error);
      if (failure.status === 401) this.options.onUnauthenticated?.();
      return;
    }
    this.rebaseOnto(draft);
  }

  /**
   * Another editor's revision landed: show it, with my unsent commands replayed on top. When
   * one of them no longer applies (its node was deleted), it is sent at once, so the server
   * names the conflict and the editor decides; until then my view stays as it is.
   */
  private rebaseOnto(draft: DraftView): void {
    if (this.inFlight.length > 0 || this.state.conflict !== null) return;
    if (draft.revision < this.state.revision) return;
    if (this.unanswered === null)
      this.pending = this.pending.filter((p) => !alreadySaved(draft.report, p.command));
    const waiting = commandsOf(this.pending);
    const replayed = replayEach(draft.report, waiting);
    this.confirmed = draft.report;
    if (replayed.refused.length > 0) {
      this.set({ revision: draft.revision });
      void this.flush();
      return;
    }
    if (waiting.length === 0) this.base = draft.revision;
    this.persist();
    this.set({
      report: replayed.report,
      revision: draft.revision,
      saveState: waiting.length > 0 ? this.state.saveState : 'saved',
      savedAt: draft.updatedAt,
    });
  }

  /** The live connection says the draft is at `revision`: fetch it when it is newer than ours. */
  async remoteRevision(revision: number): Promise<void> {
    if (revision <= this.state.revision || this.inFlight.length > 0 || this.state.conflict !== null)
      return;
    await this.pull();
  }

  openNode(nodeId: string | null): void {
    if (nodeId !== this.state.openNode) this.set({ openNode: nodeId });
  }

  setPresence(presence: readonly PresenceEditor[]): void {
    this.set({ presence });
  }

  private async refused(error: ApiError): Promise<void> {
    if (error.offline) {
      // Perhaps saved, perhaps not: kept apart (never coalesced with new typing) to go out again.
      this.unanswered = { seq: this.inFlightSeq, count: this.inFlight.length };
      this.pending = [...fromCommands(commandsOf(this.inFlight)), ...this.pending];
      this.inFlight = [];
      this.persist();
      this.set({ saveState: 'offline', message: null });
      this.schedule(this.retryMs);
      return;
    }
    if (error.status === 409) {
      const sent = this.inFlight.length;
      const mine = commandsOf([...this.inFlight, ...this.pending]);
      const waiting = [...this.inFlight, ...this.pending];
      let theirs: DraftView;
      try {
        theirs = await this.options.api.draft();
      } catch (fetchError) {
        this.pending = waiting;
        this.inFlight = [];
        this.fail(toApiError(fetchError));
        return;
      }
      // The commands stay unsent (and stored) until the editor chooses.
      this.pending = waiting;
      this.inFlight = [];
      this.persist();
      const report = this.state.report ?? theirs.report;
      const conflict = conflictFrom(
        error.body,
        mine,
        sent,
        report,
        this.confirmed ?? theirs.report,
        theirs,
      );
      this.conflictsShown.push({ at: new Date().toISOString(), conflict });
      this.options.onConflict?.(conflict);
      this.set({ saveState: 'conflict', conflict });
      return;
    }
    this.fail(error);
  }

  private fail(error: ApiError): void {
    if (error.offline) {
      this.set({ saveState: 'offline', message: error.message });
      return;
    }
    if (error.status === 401 || error.status === 403) {
      // Signed out or session expired: the changes wait in this tab's queue for the next sign-in.
      this.pending = [...this.inFlight, ...this.pending];
      this.inFlight = [];
      this.persist();
      if (error.status === 401) this.options.onUnauthenticated?.();
      this.set({ saveState: 'error', message: error.message });
      return;
    }
    if (this.inFlight.length > 0) {
      // The server refused the batch: it can never apply. Show it until the editor discards it.
      const commands = commandsOf(this.inFlight);
      this.inFlight = [];
      this.persist();
      this.set({ rejected: { commands, message: error.message }, saveState: 'error' });
      void this.options.api.draft().then(
        (draft) => this.rebaseOnto(draft),
        () => undefined,
      );
      return;
    }
    this.set({ saveState: 'error', message: error.message });
  }

  /** The editor read why the server refused some changes and lets them go. */
  discardRejected(): void {
    this.set({
      rejected: null,
      message: null,
      saveState: this.unsentCount() > 0 ? 'pending' : 'saved',
    });
  }

  /**
   * Resolves the conflict node by node: for "theirs" my conflicting commands on that node are
   * dropped, for "mine" they are kept (a deleted node is restored with my text); every other
   * change is kept and sent again.
   */
  resolve(choices: Readonly<Record<string, ConflictChoice>>): ApplyOutcome {
    const conflict = this.state.conflict;
    if (conflict === null) return { ok: true };
    const { commands, keptConflicting } = resolvedCommands(conflict, choices);
    const replayed = replayEach(conflict.theirs.report, commands);
    this.confirmed = conflict.theirs.report;
    // Kept conflicting changes are sent as made on the current revision (they override);
    // otherwise from where they were made, so the server still checks them.
    if (keptConflicting || replayed.applied.length === 0) this.base = conflict.theirs.revision;
    this.inFlight = [];
    this.unanswered = null;
    this.pending = fromCommands(replayed.applied);
    this.persist();
    this.set({
      report: replayed.report,
      revision: conflict.theirs.revision,
      conflict: null,
      saveState: this.pending.length > 0 ? 'pending' : 'saved',
      savedAt: conflict.theirs.updatedAt,
      message:
        replayed.refused.length === 0
          ? null
          : `有 ${replayed.refused.length} 项修改无法应用到对方的版本，已放弃`,
    });
    void this.flush();
    return { ok: true };
  }

  /** Keep mine everywhere. */
  keepMine(): ApplyOutcome {
    return this.resolve(
      Object.fromEntries((this.state.conflict?.nodes ?? []).map((n) => [n.id, 'mine'])),
    );
  }

  /** Take theirs everywhere: drops only the conflicting commands. */
  takeTheirs(): void {
    this.resolve(
      Object.fromEntries((this.state.conflict?.nodes ?? []).map((n) => [n.id, 'theirs'])),
    );
  }

  /** Reloads after a restore or import replaced the draft on the server. */
  async reload(): Promise<void> {
    const draft = await this.options.api.draft();
    this.adopt(draft);
    this.persist();
    this.set(this.setUndo([]));
  }

  /** The connection came back: send what waited. */
  online(): void {
    if (this.state.saveState === 'offline')
      this.set({ saveState: this.pending.length > 0 ? 'pending' : 'saved' });
    void this.flush();
  }

  /** Stops autosave (the unsent commands stay in this tab's queue). */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
