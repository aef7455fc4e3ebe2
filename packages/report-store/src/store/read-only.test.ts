import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, engines, freshStore, open, rawConnection } from '../../test/engines.js';
import { editMeasure } from '../../test/measures.js';
import { ReadOnlyStoreError, StoreOpenError } from '../db/connection.js';
import { openStore } from './open-store.js';

afterAll(cleanUp);

describe.each(engines)('read-only store ($name)', (engine) => {
  it('reads editions and the draft but refuses every write', async () => {
    const { store: writer, target } = await freshStore(engine);
    const reader = await open(target, { readonly: true });
    expect(reader.readonly).toBe(true);
    expect((await reader.latestEdition())?.number).toBe(1);
    expect(await reader.ping()).toBe(true);
    await expect(reader.appendDraftRevision(editMeasure(0, 'm38', 'x'))).rejects.toBeInstanceOf(
      ReadOnlyStoreError,
    );
    await expect(reader.publishDraft({ publishedBy: 'u' })).rejects.toBeInstanceOf(
      ReadOnlyStoreError,
    );
    await expect(reader.appendAudit({ actor: null, action: 'x' })).rejects.toBeInstanceOf(
      ReadOnlyStoreError,
    );
    await expect(reader.claimExportJob({ workerId: 'w', leaseMs: 1000 })).rejects.toBeInstanceOf(
      ReadOnlyStoreError,
    );
    expect((await writer.listRevisions()).length).toBe(1);
  });

  it('is read-only in the database itself, below the store’s own checks', async () => {
    const { target } = await freshStore(engine);
    const conn = rawConnection(target, true);
    await expect(
      sql`insert into audit_log (id, action, details, at) values ('a', 'x', '{}', 'now')`.execute(
        conn.db,
      ),
    ).rejects.toThrow(/read-?only/i);
  });

  it('refuses to open a database that was never initialised', async () => {
    const target = await engine.fresh();
    if (target.databaseUrl === undefined) {
      await expect(openStore({ ...target, readonly: true })).rejects.toBeInstanceOf(StoreOpenError);
    } else {
      await expect(openStore({ ...target, readonly: true })).rejects.toThrow(/not initialised/);
    }
  });
});

describe('backup', () => {
  it('copies a live SQLite database to a file that opens with the same data', async () => {
    const sqlite = engines[0];
    if (sqlite === undefined) throw new Error('no sqlite engine');
    const { store, target } = await freshStore(sqlite);
    await store.appendAudit({ actor: null, action: 'before-backup' });
    const file = join(target.sqliteFile ?? '', '..', 'backups', 'copy.db');
    expect(await store.backup(file)).toEqual({ ok: true, file });
    const copy = await open({ sqliteFile: file }, { readonly: true });
    const page = await copy.listAudit();
    expect(page.ok && page.entries.map((e) => e.action)).toEqual(['before-backup']);
  });

  it('tells a PostgreSQL store to use pg_dump', async () => {
    const postgres = engines[1];
    if (postgres === undefined) throw new Error('no postgres engine');
    const { store } = await freshStore(postgres);
    const result = await store.backup('/tmp/unused.db');
    expect(result.ok || result.error.code).toBe('unsupported');
  });
});
