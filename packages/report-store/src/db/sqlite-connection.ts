import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely as KyselyType } from 'kysely';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { mutexFor } from './async-mutex.js';
import type { Connection } from './connection.js';
import { StoreOpenError } from './connection.js';
import { backoffDelay, isSqliteBusy, sleep } from './db-errors.js';
import type { Tables } from './tables.js';

export interface SqliteOptions {
  file: string;
  readonly: boolean;
  /** How long one statement waits for another process's write lock (SQLite busy_timeout). */
  busyTimeoutMs: number;
}

const BUSY_RETRIES = 5;

// Two processes opening a fresh file both switch it to WAL; the loser may see SQLITE_BUSY.
function withBusyRetry<T>(fn: () => T): T {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return fn();
    } catch (error) {
      if (!isSqliteBusy(error) || attempt >= BUSY_RETRIES) throw error;
    }
  }
}

/**
 * Issue 15: the database and its WAL were world-readable. The folder is created 0700 and the file
 * 0600 before SQLite opens it (SQLite gives -wal and -shm the database file's mode); files an
 * older release left are narrowed to 0600 too.
 */
function ownerOnly(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

function openRaw(options: SqliteOptions): Database.Database {
  try {
    if (options.readonly) {
      return new Database(options.file, {
        readonly: true,
        fileMustExist: true,
        timeout: options.busyTimeoutMs,
      });
    }
    ownerOnly(options.file);
    return new Database(options.file, { timeout: options.busyTimeoutMs });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreOpenError(
      `无法打开数据库文件 ${options.file} (cannot open SQLite file ${options.file}: ${reason})`,
    );
  }
}

/** A SQLite file in WAL mode: many readers and one writer across processes. */
export function openSqlite(input: SqliteOptions): Connection {
  const options = { ...input, file: resolve(input.file) };
  const raw = openRaw(options);
  if (!options.readonly) withBusyRetry(() => raw.pragma('journal_mode = WAL'));
  // FULL: a commit is on disk before it is acknowledged, also across a power cut.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) });
  const mutex = mutexFor(options.file);

  async function begin(trx: KyselyType<Tables>): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await sql`begin immediate`.execute(trx);
        return;
      } catch (error) {
        if (!isSqliteBusy(error) || attempt >= BUSY_RETRIES) throw error;
        await sleep(backoffDelay(attempt, 10, 500));
      }
    }
  }

  const write = <T>(fn: (trx: KyselyType<Tables>) => Promise<T>): Promise<T> =>
    mutex.run(() =>
      db.connection().execute(async (trx) => {
        await begin(trx);
        try {
          const result = await fn(trx);
          await sql`commit`.execute(trx);
          return result;
        } catch (error) {
          if (raw.inTransaction) await sql`rollback`.execute(trx);
          throw error;
        }
      }),
    );

  return {
    engine: 'sqlite',
    db,
    readonly: options.readonly,
    write,
    backup: async (toFile) => {
      const target = resolve(toFile);
      mkdirSync(dirname(target), { recursive: true });
      await raw.backup(target);
    },
    close: () => db.destroy(),
  };
}
