import type { Kysely as KyselyType } from 'kysely';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Connection } from './connection.js';
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
  async function write<T>(fn: (trx: KyselyType<Tables>) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await db.transaction().execute(fn);
      } catch (error) {
        if (!isPostgresRetryable(error) || attempt >= RETRIES) throw error;
        await sleep(backoffDelay(attempt, 5, 500));
      }
    }
  }

  return {
    engine: 'postgres',
    db,
    readonly: options.readonly,
    write,
    backup: null,
    close: () => db.destroy(),
  };
}
