import type { Kysely as KyselyType } from 'kysely';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Connection } from './connection.js';
import { DRAFT_CHANNEL } from './connection.js';
import { AsyncMutex } from './async-mutex.js';
import { backoffDelay, isPostgresRetryable, sleep } from './db-errors.js';
import type { Tables } from './tables.js';

export interface PostgresOptions {
  url: string;
  readonly: boolean;
  poolSize: number;
}

const RETRIES = 8;

/**
 * A PostgreSQL pool. Read-only stores set default_transaction_read_only on every connection,
 * so the server itself refuses any write, whatever the code tries.
 */
export function openPostgres(options: PostgresOptions): Connection {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    ...(options.readonly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });

  // READ COMMITTED with explicit row locks (SELECT … FOR UPDATE, SKIP LOCKED for the job queue);
  // deadlocks and serialization failures are rolled back and run again from the start.
  async function attempt<T>(fn: (trx: KyselyType<Tables>) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await db.transaction().execute(fn);
      } catch (error) {
        if (!isPostgresRetryable(error) || attempt >= RETRIES) throw error;
        await sleep(backoffDelay(attempt, 5, 500));
      }
    }
  }
  // The writes of this process run one at a time, first come first served: ten saves at once
  // each held a transaction open across round trips while the event loop served the others,
  // and raced for the draft row's lock on every release, so some lost many times (issue 13:
  // p99 150 ms, now 41 ms). Other processes still meet at the row locks.
  const writes = new AsyncMutex();
  const write = <T>(fn: (trx: KyselyType<Tables>) => Promise<T>): Promise<T> =>
    writes.run(() => attempt(fn));

  // One client of its own (LISTEN holds a session), opened on the first watcher.
  const watchers = new Set<() => void>();
  let listener: pg.Client | null = null;
  let closed = false;
  const tell = (): void => {
    for (const w of watchers) w();
  };
  async function listen(attempt = 0): Promise<void> {
    if (closed || watchers.size === 0 || listener !== null) return;
    const client = new pg.Client({ connectionString: options.url });
    listener = client;
    const retry = (): void => {
      if (listener !== client) return;
      listener = null;
      void client.end().catch(() => undefined);
      setTimeout(() => void listen(attempt + 1), backoffDelay(attempt, 100, 5000)).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (message) => {
      if (message.channel === DRAFT_CHANNEL) tell();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DRAFT_CHANNEL}`);
      // Revisions committed while no one listened (first start, or a lost connection).
      tell();
    } catch (_error) {
      retry();
    }
  }
  function watchDraft(onChange: () => void): () => Promise<void> {
    watchers.add(onChange);
    void listen();
    return async () => {
      watchers.delete(onChange);
      if (watchers.size > 0 || listener === null) return;
      const client = listener;
      listener = null;
      await client.end().catch(() => undefined);
    };
  }

  return {
    engine: 'postgres',
    db,
    readonly: options.readonly,
    write,
    backup: null,
    othersCommitted: null,
    watchDraft,
    close: async () => {
      closed = true;
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
      await db.destroy();
    },
  };
}
