import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from './connection.js';
import { rowShape, runCompiledOnce } from './compiled-once.js';
import { openSqlite } from './sqlite-connection.js';
import type { Tables } from './tables.js';

let dir = '';
let conn: Connection | undefined;
afterEach(async () => {
  await conn?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Scratch {
  t: { a: string; b: number | null };
}

async function open(): Promise<Connection> {
  dir = mkdtempSync(join(tmpdir(), 'compiled-once-'));
  conn = openSqlite({ file: join(dir, 'store.db'), readonly: false, busyTimeoutMs: 1000 });
  await conn.write((trx) => sql`CREATE TABLE t (a TEXT NOT NULL, b INTEGER)`.execute(trx));
  return conn;
}

const scratch = (trx: Kysely<Tables>) => trx as unknown as Kysely<Scratch>;

type Row = Scratch['t'];

/** Inserts the rows one write each, through runCompiledOnce with the parameters `given`. */
async function insertEach(
  c: Connection,
  test: string,
  rows: Row[],
  given: (row: Row) => unknown[] = (row) => Object.values(row),
): Promise<void> {
  for (const row of rows) {
    await c.write((trx) =>
      runCompiledOnce(
        trx,
        'sqlite',
        rowShape(`insert t (${test})`, row),
        () => scratch(trx).insertInto('t').values(row),
        given(row),
      ),
    );
  }
}

const rowsOf = (c: Connection) =>
  scratch(c.db).selectFrom('t').select(['a', 'b']).orderBy('a').execute();

describe('runCompiledOnce (the SQL of a save, compiled once)', () => {
  it('binds each run its own values, null among them', async () => {
    const c = await open();
    await insertEach(c, 'test 1', [
      { a: 'x', b: 1 },
      { a: 'y', b: null },
      { a: 'z', b: 3 },
    ]);
    expect(await rowsOf(c)).toEqual([
      { a: 'x', b: 1 },
      { a: 'y', b: null },
      { a: 'z', b: 3 },
    ]);
  });

  it('never reuses the SQL of a shape whose parameters Kysely binds otherwise', async () => {
    const c = await open();
    // The caller names the parameters in the wrong order: reusing the SQL with them would swap
    // the columns. The first run sees that Kysely bound others and compiles every run after.
    await insertEach(
      c,
      'test 2',
      [
        { a: 'p', b: 1 },
        { a: 'q', b: 2 },
      ],
      (row) => [row.b, row.a],
    );
    expect(await rowsOf(c)).toEqual([
      { a: 'p', b: 1 },
      { a: 'q', b: 2 },
    ]);
  });

  it('reads rows back through the reused SQL', async () => {
    const c = await open();
    await c.write((trx) => sql`INSERT INTO t (a, b) VALUES ('k', 7), ('l', 8)`.execute(trx));
    const read = (b: number) =>
      c.write(async (trx) => {
        const result = await runCompiledOnce(
          trx,
          'sqlite',
          'select t by b (test 3)',
          () => scratch(trx).selectFrom('t').select('a').where('b', '=', b),
          [b],
        );
        return result.rows;
      });
    expect(await read(7)).toEqual([{ a: 'k' }]);
    expect(await read(8)).toEqual([{ a: 'l' }]);
  });
});
