import { sql } from 'kysely';
import { testDatabase } from '@leshan/testing/test-database';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from './connection.js';
import { openPostgres } from './postgres-connection.js';

let conn: Connection | undefined;
afterEach(async () => {
  await conn?.close();
});

describe('PostgreSQL writes of one process', () => {
  it('run one at a time, in the order they were asked for (ten saves at once raced for the draft row: p99 150 ms)', async () => {
    conn = openPostgres({ url: await testDatabase(), readonly: false, poolSize: 10 });
    const db = conn;
    await db.write((trx) => sql`CREATE TABLE t (n INTEGER NOT NULL)`.execute(trx));
    const events: string[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        db.write(async (trx) => {
          events.push(`start ${n}`);
          // A round trip with the transaction open: another write would start meanwhile.
          await sql`SELECT pg_sleep(0.01)`.execute(trx);
          await sql`INSERT INTO t (n) VALUES (${n})`.execute(trx);
          events.push(`end ${n}`);
        }),
      ),
    );
    expect(events).toEqual(Array.from({ length: 10 }, (_, n) => [`start ${n}`, `end ${n}`]).flat());
    const { rows } = await sql<{ n: number }>`SELECT n FROM t ORDER BY n`.execute(db.db);
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 10 }, (_, n) => n));
  });

  it('go on after one that failed', async () => {
    conn = openPostgres({ url: await testDatabase(), readonly: false, poolSize: 2 });
    const db = conn;
    const failed = db.write((trx) => sql`SELECT * FROM no_such_table`.execute(trx));
    const next = db.write(
      async (trx) => (await sql<{ one: number }>`SELECT 1 AS one`.execute(trx)).rows,
    );
    await expect(failed).rejects.toThrow(/no_such_table/);
    await expect(next).resolves.toEqual([{ one: 1 }]);
  });
});
