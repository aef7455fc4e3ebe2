import { canonicalReport } from '@leshan/report-core/data';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, engines, freshStore, rawConnection } from '../../test/engines.js';
import { editMeasure, measures } from '../../test/measures.js';

afterAll(cleanUp);

const first = measures(canonicalReport)[0] ?? { id: '', text: '' };

// Every statement rewrites edition 1 (or revision 0) of a freshly seeded store in place.
const editionColumns = `id, number, content_hash, report, published_by, published_at, draft_revision, change_summary`;
const copyOfEdition = `SELECT ${editionColumns.replace('published_by', `'mallory'`)} FROM editions WHERE number = 1`;
const copyOfRevision = `SELECT number, kind, 'mallory', created_at, commands, touched, keys, report_hash, report, group_start, summary, client_id, client_seq FROM revisions WHERE number = 0`;

const bothEngines = [
  ['UPDATE', `UPDATE editions SET published_by = 'mallory'`],
  ['DELETE', `DELETE FROM editions`],
  [
    'INSERT … ON CONFLICT (id) DO UPDATE',
    `INSERT INTO editions (${editionColumns}) ${copyOfEdition} ON CONFLICT (id) DO UPDATE SET published_by = 'mallory'`,
  ],
  [
    'INSERT … ON CONFLICT (number) DO UPDATE',
    `INSERT INTO editions (${editionColumns}) ${copyOfEdition} ON CONFLICT (number) DO UPDATE SET published_by = 'mallory'`,
  ],
  ['UPDATE of a revision', `UPDATE revisions SET author = 'mallory'`],
  ['DELETE of a revision', `DELETE FROM revisions`],
  [
    'upsert of a revision',
    `INSERT INTO revisions ${copyOfRevision} ON CONFLICT (number) DO UPDATE SET author = 'mallory'`,
  ],
] as const;

const sqliteOnly = [
  ['INSERT OR REPLACE', `INSERT OR REPLACE INTO editions (${editionColumns}) ${copyOfEdition}`],
  ['REPLACE', `REPLACE INTO editions (${editionColumns}) ${copyOfEdition}`],
  ['UPDATE OR REPLACE', `UPDATE OR REPLACE editions SET published_by = 'mallory'`],
  [
    'INSERT OR REPLACE with a new id and the same number',
    `INSERT OR REPLACE INTO editions (${editionColumns}) SELECT 'other-id', number, content_hash, report, 'mallory', published_at, draft_revision, change_summary FROM editions WHERE number = 1`,
  ],
  ['INSERT OR REPLACE of a revision', `INSERT OR REPLACE INTO revisions ${copyOfRevision}`],
  ['REPLACE of a revision', `REPLACE INTO revisions ${copyOfRevision}`],
] as const;

const postgresOnly = [
  ['TRUNCATE', `TRUNCATE editions CASCADE`],
  [
    'MERGE',
    `MERGE INTO editions e USING (SELECT 1 AS number) s ON e.number = s.number WHEN MATCHED THEN UPDATE SET published_by = 'mallory'`,
  ],
] as const;

describe.each(engines)(
  'issue 12: every write path to a published edition is refused ($name)',
  (engine) => {
    const paths = [...bothEngines, ...(engine.name === 'sqlite' ? sqliteOnly : postgresOnly)];

    it.each(paths)('%s is refused and the edition stays as published', async (_name, statement) => {
      const { store, target } = await freshStore(engine);
      const before = await store.getEditionByNumber(1);
      const revisionBefore = await store.getRevision(0);
      const conn = rawConnection(target);
      await expect(sql.raw(statement).execute(conn.db)).rejects.toThrow(/immutable/);
      expect(await store.getEditionByNumber(1)).toEqual(before);
      expect(await store.getRevision(0)).toEqual(revisionBefore);
      expect((await store.listEditions()).length).toBe(1);
    });

    it('still publishes new editions (a plain INSERT of a new number is allowed)', async () => {
      const { store } = await freshStore(engine);
      await store.appendDraftRevision(editMeasure(0, first.id, `${first.text}（修订）`));
      const published = await store.publishDraft({ publishedBy: 'u-pub' });
      expect(published.ok && published.edition.number).toBe(2);
    });
  },
);
