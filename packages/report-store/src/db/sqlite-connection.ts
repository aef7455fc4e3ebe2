import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely as KyselyType } from 'kysely';
import { Kysely, SqliteDialect } from 'kysely';
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
/** Writes committed together at most (group commit, below). */
const MAX_BATCH = 32;

interface Job {
  fn: (trx: KyselyType<Tables>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

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

const STATEMENTS_KEPT = 256;

/**
 * The database as Kysely's dialect uses it, with `prepare` answered from a cache: Kysely prepares
 * every query it runs, and compiling the same SQL again costs more than running it. A statement
 * is reused only when it is not being iterated (Kysely's streaming reads).
 */
function cachingPrepare(raw: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    const known = cache.get(source);
    if (known !== undefined && !known.busy) return known;
    const statement = raw.prepare(source);
    if (known === undefined) {
      if (cache.size >= STATEMENTS_KEPT) cache.delete(cache.keys().next().value ?? '');
      cache.set(source, statement);
    }
    return statement;
  };
  return new Proxy(raw, {
    get: (target, key): unknown => {
      if (key === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/** A SQLite file in WAL mode: many readers and one writer across processes. */
export function openSqlite(input: SqliteOptions): Connection {
  const options = { ...input, file: resolve(input.file) };
  const raw = openRaw(options);
  if (!options.readonly) withBusyRetry(() => raw.pragma('journal_mode = WAL'));
  // FULL: a commit is on disk before it is acknowledged, also across a power cut.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cachingPrepare(raw) }) });
  const mutex = mutexFor(options.file);

  // Transaction control goes to the connection itself, not through Kysely, prepared once: these
  // statements have no parameters and no rows, and a save runs four of them (issue 13: saves at
  // p99 < 20 ms). One savepoint name serves every write: each is released before the next.
  const control = options.readonly
    ? null
    : {
        begin: raw.prepare('begin immediate'),
        savepoint: raw.prepare('savepoint w'),
        release: raw.prepare('release w'),
        rollbackTo: raw.prepare('rollback to w'),
        commit: raw.prepare('commit'),
      };
  const run = (name: keyof NonNullable<typeof control>): void => {
    if (control === null) throw new Error('openSqlite: a read-only connection does not write');
    control[name].run();
  };
  async function begin(): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        run('begin');
        return;
      } catch (error) {
        if (!isSqliteBusy(error) || attempt >= BUSY_RETRIES) throw error;
        await sleep(backoffDelay(attempt, 10, 500));
      }
    }
  }

  // Group commit: writes that queue up while one commits run in the next transaction together,
  // each in its own savepoint (a write that throws is rolled back alone), and each is answered
  // only once their one COMMIT is on disk. Ten editors saving at once wait for one fsync, not ten.
  const queue: Job[] = [];
  let draining = false;

  async function runBatch(trx: KyselyType<Tables>, batch: Job[]): Promise<void> {
    const done: { job: Job; value: unknown }[] = [];
    let next = 0;
    try {
      let open = false;
      for (; next < batch.length; next += 1) {
        const job = batch[next] as Job;
        if (!open) {
          await begin();
          open = true;
        }
        run('savepoint');
        try {
          const value = await job.fn(trx);
          run('release');
          done.push({ job, value });
        } catch (error) {
          if (raw.inTransaction) {
            run('rollbackTo');
            run('release');
          } else {
            // SQLite ended the whole transaction (an I/O error, say): the writes before are gone too.
            for (const d of done.splice(0)) d.job.reject(error);
            open = false;
          }
          job.reject(error);
        }
      }
      if (open) run('commit');
    } catch (error) {
      // BEGIN still busy after its retries, or COMMIT failed: nothing of the batch is written.
      if (raw.inTransaction) raw.exec('rollback');
      for (const d of done.splice(0)) d.job.reject(error);
      for (const job of batch.slice(next + 1)) job.reject(error);
      if (next < batch.length) batch[next]?.reject(error);
      return;
    }
    for (const d of done) d.job.resolve(d.value);
  }

  function drain(): void {
    if (draining || queue.length === 0) return;
    draining = true;
    // setImmediate: requests read in this turn of the event loop join the batch.
    setImmediate(() => {
      void mutex
        .run(() =>
          db.connection().execute(async (trx) => {
            while (queue.length > 0) await runBatch(trx, queue.splice(0, MAX_BATCH));
          }),
        )
        .catch((error: unknown) => {
          for (const job of queue.splice(0)) job.reject(error);
        })
        .finally(() => {
          draining = false;
          drain();
        });
    });
  }

  const write = <T>(fn: (trx: KyselyType<Tables>) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      drain();
    });

  // data_version changes when another connection commits: a read of the WAL index, no I/O.
  const dataVersion = raw.prepare('PRAGMA data_version').pluck();
  const version = (): number => Number(dataVersion.get());
  function watchDraft(onChange: () => void, { pollMs }: { pollMs: number }): () => Promise<void> {
    let last = version();
    const timer = setInterval(() => {
      try {
        const now = version();
        if (now === last) return;
        last = now;
        onChange();
      } catch (_error) {
        // The database is closing or away for a moment: the next tick tries again.
      }
    }, pollMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      return Promise.resolve();
    };
  }

  return {
    engine: 'sqlite',
    db,
    readonly: options.readonly,
    write,
    watchDraft,
    othersCommitted: version,
    backup: async (toFile) => {
      const target = resolve(toFile);
      mkdirSync(dirname(target), { recursive: true });
      await raw.backup(target);
    },
    close: () => db.destroy(),
  };
}
