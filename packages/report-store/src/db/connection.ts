import type { Kysely } from 'kysely';
import type { Engine, Tables } from './tables.js';

/** One open database, whichever engine, as the store's modules use it. */
export interface Connection {
  engine: Engine;
  db: Kysely<Tables>;
  readonly: boolean;
  /**
   * Runs `fn` as one write transaction that holds the database's write lock from its first
   * statement (SQLite BEGIN IMMEDIATE; on PostgreSQL callers lock the rows they change),
   * committing when `fn` resolves and rolling back when it throws. Transient lock failures
   * (SQLITE_BUSY past busy_timeout, PostgreSQL serialization failures and deadlocks) are retried.
   */
  write<T>(fn: (trx: Kysely<Tables>) => Promise<T>): Promise<T>;
  /**
   * Calls `onChange` soon after another connection (of this process or another) commits a
   * change of the draft: PostgreSQL LISTEN on DRAFT_CHANNEL (writeRevision notifies in its
   * transaction; `onChange` is also called after the listener reconnects, for what it missed),
   * SQLite a read of PRAGMA data_version every `pollMs`. Answers the function that stops it.
   */
  watchDraft(onChange: () => void, options: { pollMs: number }): () => Promise<void>;
  /**
   * SQLite only (null on PostgreSQL): PRAGMA data_version, a number that changes whenever another
   * connection (of this process or another) commits; this connection's own commits leave it.
   */
  othersCommitted: (() => number) | null;
  /** SQLite only: an online copy of the database into `toFile`. */
  backup: ((toFile: string) => Promise<void>) | null;
  close(): Promise<void>;
}

/** Raised for a store that cannot be opened (missing file, unmigrated read-only database…). */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** Raised when a write is attempted on a store opened read-only: a programming error. */
export class ReadOnlyStoreError extends Error {
  override name = 'ReadOnlyStoreError';
  constructor(operation: string) {
    super(`此存储为只读，不能执行 ${operation} (the store is read-only: ${operation} refused)`);
  }
}

/** The PostgreSQL NOTIFY channel of new draft revisions; the payload is the revision number. */
export const DRAFT_CHANNEL = 'leshan_draft';
