import { randomBytes } from 'node:crypto';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { sql } from 'kysely';
import { sendMissingDeliveries } from '../store/export-deliveries.js';
import { migrateRevisionDeltas } from './revision-deltas.js';
import type { Engine } from './tables.js';

// Plain SQL that both engines accept: TEXT for ids, timestamps (ISO 8601 UTC) and JSON,
// INTEGER for numbers and 0/1 flags. Only the immutability triggers differ per engine.
const INITIAL_TABLES = [
  `CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'publisher', 'admin')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
  )`,
  `CREATE INDEX sessions_user ON sessions (user_id)`,
  `CREATE INDEX sessions_expires ON sessions (expires_at)`,
  `CREATE TABLE draft (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL,
    report TEXT NOT NULL,
    report_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  )`,
  `CREATE TABLE revisions (
    number INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('seed', 'edit', 'restore', 'replace')),
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    commands TEXT NOT NULL,
    touched TEXT NOT NULL,
    report_hash TEXT NOT NULL,
    report TEXT NOT NULL
  )`,
  `CREATE TABLE editions (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    report TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    draft_revision INTEGER,
    change_summary TEXT
  )`,
  `CREATE INDEX editions_hash ON editions (content_hash)`,
  `CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    actor TEXT,
    action TEXT NOT NULL,
    target TEXT,
    details TEXT NOT NULL,
    ip TEXT,
    at TEXT NOT NULL
  )`,
  `CREATE INDEX audit_log_at ON audit_log (at, id)`,
  `CREATE INDEX audit_log_actor ON audit_log (actor, at)`,
  `CREATE INDEX audit_log_action ON audit_log (action, at)`,
  `CREATE TABLE export_jobs (
    id TEXT PRIMARY KEY,
    edition_id TEXT NOT NULL REFERENCES editions (id),
    format TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    run_at TEXT NOT NULL,
    lease_owner TEXT,
    lease_expires_at TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT,
    UNIQUE (edition_id, format)
  )`,
  `CREATE INDEX export_jobs_due ON export_jobs (status, run_at)`,
  `CREATE TABLE artifacts (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES export_jobs (id),
    edition_id TEXT NOT NULL REFERENCES editions (id),
    format TEXT NOT NULL,
    file_name TEXT NOT NULL,
    path TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (edition_id, format)
  )`,
];

/** Editions and revisions are history: the database itself refuses to change or delete them. */
const IMMUTABLE_TABLES = ['editions', 'revisions'];

function tableTriggers(engine: Engine, table: string): string[] {
  if (engine === 'sqlite') {
    return [
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
       BEGIN SELECT RAISE(ABORT, '${table} are immutable'); END`,
      `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
       BEGIN SELECT RAISE(ABORT, '${table} are immutable'); END`,
    ];
  }
  return [
    `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`,
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`,
  ];
}

function immutabilityTriggers(engine: Engine): string[] {
  const triggers = IMMUTABLE_TABLES.flatMap((table) => tableTriggers(engine, table));
  if (engine === 'sqlite') return triggers;
  return [
    `CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION '% are immutable', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
     END $$`,
    ...triggers,
  ];
}

async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  // One statement per call: better-sqlite3 prepares a single statement at a time.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001-initial': {
      up: (db) => run(db, [...INITIAL_TABLES, ...immutabilityTriggers(engine)]),
    },
    // Issue 20: on PostgreSQL pg-boss is the only queue. Each attempt records the pg-boss job
    // (delivery) it came in, and the jobs a release with the relay left without one get one now.
    '0002-export-deliveries': {
      up: async (db) => {
        await run(db, ['ALTER TABLE export_jobs ADD COLUMN delivery_id TEXT']);
        if (engine === 'postgres') await sendMissingDeliveries(db);
      },
    },
    // Issue 15: a password change ends every session (credential_version, checked when a session
    // is created), a reset or generated password must be changed, and sign-in attempts are
    // counted in the store so that every admin process shares one limit.
    '0003-accounts': {
      up: (db) =>
        run(db, [
          'ALTER TABLE users ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 0',
          `ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
           CHECK (must_change_password IN (0, 1))`,
          'ALTER TABLE sessions ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 0',
          `CREATE TABLE login_limits (
            key TEXT PRIMARY KEY,
            attempts INTEGER NOT NULL,
            window_start TEXT NOT NULL,
            last_attempt_at TEXT NOT NULL
          )`,
          'CREATE INDEX login_limits_last ON login_limits (last_attempt_at)',
        ]),
    },
    // Issue 12: SQLite's INSERT OR REPLACE (and REPLACE, upserts) rewrote a published edition
    // without firing the DELETE trigger; and the viewer and the worker's reconcile loop need a
    // place to ask for a file to be made again.
    '0004-export-integrity': {
      up: (db) => run(db, [...exportIntegrityTables, ...noReplaceTriggers(engine)]),
    },
    // Issue 13: revisions keep their commands and change keys (field-level conflicts), a full
    // report only now and then, their history entry and summary, and the tab that sent them.
    '0005-revision-deltas': {
      up: (db) =>
        migrateRevisionDeltas(db, engine, (table) => [
          ...tableTriggers(engine, table),
          ...noReplaceTriggers(engine, [table]),
        ]),
    },
    // Issue 18: the reporter role (a bureau's account, scoped to its departments) and the
    // submissions it sends for review.
    '0006-reporters': {
      up: (db) => run(db, [...reporterRole(engine), ...reporterTables]),
    },
    // Issue 19: corrections and progress tips citizens send from a measure page (我要纠错), and
    // the salt of the sender hashes the per-address limit counts (no raw address is kept).
    '0007-feedback': {
      up: async (db) => {
        await run(db, feedbackTables);
        const salt = randomBytes(32).toString('hex');
        await sql`INSERT INTO feedback_salt (id, salt) VALUES (1, ${salt})`.execute(db);
      },
    },
    // Issue 19: who runs the public site, its contact, the official report's address and the data
    // licence: one row, with who saved it last and when (each save also has an audit row).
    '0008-site-settings': {
      up: (db) => run(db, [siteSettingsTable]),
    },
    // Issue 13: a save rewrote the whole report in the draft row. The row's report is now the
    // one after revision report_revision (a snapshot); a save writes the head's number and hash.
    '0009-draft-report-revision': {
      up: (db) =>
        run(db, [
          'ALTER TABLE draft ADD COLUMN report_revision INTEGER NOT NULL DEFAULT 0',
          'UPDATE draft SET report_revision = revision',
        ]),
    },
  };
}

const ROLES_0006 = `role IN ('reporter', 'editor', 'publisher', 'admin')`;

/**
 * Widens the role CHECK. PostgreSQL names the column's constraint users_role_check. SQLite cannot
 * change a CHECK, and foreign keys cannot be turned off inside the migration's transaction: users
 * and sessions (the one table that references it) are copied to new tables, the old ones dropped
 * (sessions first, so no ON DELETE CASCADE fires) and the new ones renamed, which rewrites
 * sessions' REFERENCES users_0006 to users.
 */
function reporterRole(engine: Engine): string[] {
  if (engine === 'postgres') {
    return [
      'ALTER TABLE users DROP CONSTRAINT users_role_check',
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (${ROLES_0006})`,
    ];
  }
  return [
    `CREATE TABLE users_0006 (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (${ROLES_0006}),
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      credential_version INTEGER NOT NULL DEFAULT 0,
      must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))
    )`,
    `INSERT INTO users_0006 (id, email, display_name, role, password_hash, disabled, created_at,
       updated_at, credential_version, must_change_password)
     SELECT id, email, display_name, role, password_hash, disabled, created_at, updated_at,
       credential_version, must_change_password FROM users`,
    `CREATE TABLE sessions_0006 (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users_0006 (id) ON DELETE CASCADE,
      csrf_token TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      credential_version INTEGER NOT NULL DEFAULT 0
    )`,
    `INSERT INTO sessions_0006 (id, user_id, csrf_token, created_at, expires_at, last_seen_at,
       credential_version)
     SELECT id, user_id, csrf_token, created_at, expires_at, last_seen_at, credential_version
     FROM sessions`,
    'DROP TABLE sessions',
    'DROP TABLE users',
    'ALTER TABLE users_0006 RENAME TO users',
    'ALTER TABLE sessions_0006 RENAME TO sessions',
    'CREATE INDEX sessions_user ON sessions (user_id)',
    'CREATE INDEX sessions_expires ON sessions (expires_at)',
  ];
}

const reporterTables = [
  `CREATE TABLE user_departments (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    department_id TEXT NOT NULL,
    PRIMARY KEY (user_id, department_id)
  )`,
  `CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    reporter_id TEXT NOT NULL,
    measure_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('progress', 'observation')),
    commands TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'returned')),
    reviewer_id TEXT,
    comment TEXT,
    created_at TEXT NOT NULL,
    decided_at TEXT,
    revision INTEGER
  )`,
  'CREATE INDEX submissions_status ON submissions (status, created_at)',
  'CREATE INDEX submissions_reporter ON submissions (reporter_id, created_at)',
];

const feedbackTables = [
  `CREATE TABLE feedback (
    id TEXT PRIMARY KEY,
    edition_number INTEGER NOT NULL,
    node_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('correction', 'progress-tip')),
    text TEXT NOT NULL,
    contact TEXT,
    sender TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'dismissed')),
    answer TEXT,
    answered_by TEXT,
    answered_at TEXT,
    created_at TEXT NOT NULL
  )`,
  'CREATE INDEX feedback_status ON feedback (status, created_at)',
  'CREATE INDEX feedback_sender ON feedback (sender, created_at)',
  `CREATE TABLE feedback_salt (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    salt TEXT NOT NULL
  )`,
];
const siteSettingsTable = `CREATE TABLE site_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
)`;

const exportIntegrityTables = [
  `CREATE TABLE export_regenerations (
    edition_id TEXT NOT NULL REFERENCES editions (id),
    format TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    PRIMARY KEY (edition_id, format)
  )`,
];

// A REPLACE deletes the old row without firing DELETE triggers (recursive_triggers is off), so
// SQLite refuses any insert that would meet an existing edition or revision: REPLACE, INSERT OR
// REPLACE, INSERT … ON CONFLICT DO UPDATE / DO NOTHING all start as an insert. PostgreSQL's
// upsert runs the UPDATE trigger already.
function noReplaceTriggers(engine: Engine, tables = IMMUTABLE_TABLES): string[] {
  if (engine === 'postgres') return [];
  const keys: Record<string, string> = {
    editions: 'id = NEW.id OR number = NEW.number',
    revisions: 'number = NEW.number',
  };
  return tables.map(
    (table) => `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
       WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${keys[table] ?? 'false'})
       BEGIN SELECT RAISE(ABORT, '${table} are immutable'); END`,
  );
}

export const MIGRATION_NAMES = Object.keys(migrations('sqlite'));

/** The migrations up to and including `through` (all by default): tests build older databases. */
export function migrationProvider(engine: Engine, through?: string): MigrationProvider {
  const all = Object.entries(migrations(engine));
  const end = through === undefined ? all.length : all.findIndex(([name]) => name === through) + 1;
  return { getMigrations: () => Promise.resolve(Object.fromEntries(all.slice(0, end))) };
}
