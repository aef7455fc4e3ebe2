import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from './connection.js';
import { openSqlite } from './sqlite-connection.js';

let dir = '';
let conn: Connection | undefined;
afterEach(async () => {
  await conn?.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(): { conn: Connection; file: string } {
  dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  const file = join(dir, 'store.db');
  conn = openSqlite({ file, readonly: false, busyTimeoutMs: 1000 });
  return { conn, file };
}

const rows = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT v FROM t ORDER BY v').all() as { v: string }[]).map((r) => r.v);
  } finally {
    db.close();
  }
};

describe('SQLite writes committed together (group commit)', () => {
  it('rolls back only the write that throws; the others of its batch commit and answer', async () => {
    const { conn, file } = open();
    await conn.write((trx) => sql`CREATE TABLE t (v TEXT NOT NULL UNIQUE)`.execute(trx));
    // Started in one turn of the event loop: one batch.
    const writes = ['a', 'b', 'a', 'c'].map((v) =>
      conn.write(async (trx) => {
        await sql`INSERT INTO t (v) VALUES (${`${v}-first`})`.execute(trx);
        await sql`INSERT INTO t (v) VALUES (${v})`.execute(trx);
        return v;
      }),
    );
    const settled = await Promise.allSettled(writes);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    // The refused third write left nothing, not even its first row; the others are on disk.
    expect(rows(file)).toEqual(['a', 'a-first', 'b', 'b-first', 'c', 'c-first']);
  });

  it('answers a write only after its commit: a reader in another connection sees it then', async () => {
    const { conn, file } = open();
    await conn.write((trx) => sql`CREATE TABLE t (v TEXT NOT NULL UNIQUE)`.execute(trx));
    const seen = await Promise.all(
      ['x', 'y', 'z'].map(async (v) => {
        await conn.write((trx) => sql`INSERT INTO t (v) VALUES (${v})`.execute(trx));
        return rows(file).includes(v);
      }),
    );
    expect(seen).toEqual([true, true, true]);
  });
});
