import { z } from 'zod';
import { CommandSchema } from '@leshan/report-core';
import type { Command } from '@leshan/report-core';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Closed tabs one batch may name as taken over (the API's limit). */
export const MAX_ADOPTED = 20;

/** Unsent changes as kept for one tab: the revision they start from and the commands. */
export const StoredQueueSchema = z.object({
  tabId: z.string(),
  baseRevision: z.int().min(0),
  commands: z.array(CommandSchema).min(1),
  savedAt: z.string(),
  /** When the tab last said it is alive; a copy older than STALE_MS belongs to a closed tab. */
  aliveAt: z.string(),
  /**
   * Closed tabs whose changes are among these commands (taken over): their saves are not
   * conflicts for them (the server's adoptedClientIds). Absent in copies older than this field.
   */
  adoptedTabIds: z.array(z.string()).max(MAX_ADOPTED).optional(),
});
export type StoredQueue = z.infer<typeof StoredQueueSchema>;

export const UndoEntrySchema = z.object({
  label: z.string(),
  key: z.string().nullable(),
  inverse: z.array(CommandSchema),
});
export type UndoEntry = z.infer<typeof UndoEntrySchema>;
const UndoStackSchema = z.array(UndoEntrySchema).max(100);

/** A tab that has not refreshed its copy for this long is closed: its changes are offered back. */
export const STALE_MS = 30_000;

export const TAB_KEY = 'leshan-admin:tab-id';
const queueKey = (userId: string, tabId: string) => `leshan-admin:unsent:${userId}:${tabId}`;
const indexPrefix = (userId: string) => `leshan-admin:unsent-index:${userId}:`;
const undoKey = (userId: string, tabId: string) => `leshan-admin:undo:${userId}:${tabId}`;

/** This tab's id: kept in sessionStorage, so a reload is the same tab and another tab is not. */
export function tabIdOf(session: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  const existing = session?.getItem(TAB_KEY);
  if (existing !== null && existing !== undefined && existing !== '') return existing;
  const id = `tab-${crypto.randomUUID()}`;
  try {
    session?.setItem(TAB_KEY, id);
  } catch (_error) {
    // Without sessionStorage the tab still works; a reload is then a new tab.
  }
  return id;
}

function parseJson<S extends z.ZodType>(
  schema: S,
  raw: string | null | undefined,
): z.infer<S> | null {
  if (raw === null || raw === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch (_error) {
    return null;
  }
}

function write(storage: KeyValueStorage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch (_error) {
    // A full storage loses only the offline copy; the changes stay in memory and are still sent.
  }
}

/**
 * Unsent changes survive a reload, a closed tab or a dead connection. Each tab keeps its own
 * queue in sessionStorage (a reload finds it again) and a copy under its own key in the
 * localStorage index, so a tab closed while offline is offered back at the next visit. A tab
 * only ever writes its own keys: two tabs never overwrite each other's changes.
 */
export class QueueStorage {
  constructor(
    private readonly userId: string,
    readonly tabId: string,
    private readonly session: KeyValueStorage | null,
    private readonly local: KeyValueStorage | null,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** This tab's own unsent changes (after a reload). */
  read(): StoredQueue | null {
    return (
      parseJson(StoredQueueSchema, this.session?.getItem(queueKey(this.userId, this.tabId))) ??
      parseJson(StoredQueueSchema, this.local?.getItem(indexPrefix(this.userId) + this.tabId))
    );
  }

  write(
    baseRevision: number,
    commands: readonly Command[],
    adoptedTabIds: readonly string[] = [],
  ): void {
    if (commands.length === 0) {
      this.session?.removeItem(queueKey(this.userId, this.tabId));
      this.local?.removeItem(indexPrefix(this.userId) + this.tabId);
      return;
    }
    const at = new Date(this.now()).toISOString();
    const value: StoredQueue = {
      tabId: this.tabId,
      baseRevision,
      commands: [...commands],
      savedAt: at,
      aliveAt: at,
      ...(adoptedTabIds.length === 0 ? {} : { adoptedTabIds: adoptedTabIds.slice(-MAX_ADOPTED) }),
    };
    write(this.session, queueKey(this.userId, this.tabId), value);
    write(this.local, indexPrefix(this.userId) + this.tabId, value);
  }

  /** Tells other tabs this one is still open (called every few seconds while changes wait). */
  heartbeat(): void {
    const key = indexPrefix(this.userId) + this.tabId;
    const stored = parseJson(StoredQueueSchema, this.local?.getItem(key));
    if (stored !== null)
      write(this.local, key, { ...stored, aliveAt: new Date(this.now()).toISOString() });
  }

  /** Unsent changes of this user's tabs that were closed (no sign of life for STALE_MS). */
  orphans(): StoredQueue[] {
    const found: StoredQueue[] = [];
    const prefix = indexPrefix(this.userId);
    for (let i = 0; i < (this.local?.length ?? 0); i += 1) {
      const key = this.local?.key(i);
      if (key === null || key === undefined || !key.startsWith(prefix)) continue;
      const stored = parseJson(StoredQueueSchema, this.local?.getItem(key));
      if (stored === null || stored.tabId === this.tabId) continue;
      if (this.now() - Date.parse(stored.aliveAt) >= STALE_MS) found.push(stored);
    }
    return found.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  }

  /** Removes a closed tab's copy once its changes were taken over or discarded. */
  forget(tabId: string): void {
    if (tabId !== this.tabId) this.local?.removeItem(indexPrefix(this.userId) + tabId);
  }

  /**
   * In a duplicated tab, now under an id of its own: drops the copied queue and undo stack of the
   * tab it was copied from (that tab still holds and sends them, so sending them here would
   * duplicate them; if it closes unsent, its localStorage copy is offered back as usual).
   */
  dropCopyOf(tabId: string): void {
    if (tabId === this.tabId) return;
    this.session?.removeItem(queueKey(this.userId, tabId));
    this.session?.removeItem(undoKey(this.userId, tabId));
  }

  readUndo(): UndoEntry[] {
    return (
      parseJson(UndoStackSchema, this.session?.getItem(undoKey(this.userId, this.tabId))) ?? []
    );
  }

  writeUndo(undo: readonly UndoEntry[]): void {
    if (undo.length === 0) this.session?.removeItem(undoKey(this.userId, this.tabId));
    else write(this.session, undoKey(this.userId, this.tabId), undo.slice(-100));
  }
}
