import { resolve } from 'node:path';
import type { ReadonlyReport } from '@leshan/report-core/model';
import { canonicalReport } from '@leshan/report-core/data';
import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { openPostgres } from '../db/postgres-connection.js';
import { openSqlite } from '../db/sqlite-connection.js';
import { StoreOpenError } from '../db/connection.js';
import { refuse } from '../schemas/store-error.js';
import { appendDraftRevision } from './append-revision.js';
import { appendAudit, listAudit } from './audit.js';
import type { JobSettings, StoreContext } from './context.js';
import { draftHead, getDraft, getRevision, listRevisions, revisionsSince } from './drafts.js';
import { changeMarkReader } from './change-mark.js';
import { getEdition, getEditionByNumber, latestEdition, listEditions } from './editions.js';
import { enqueueExportJobs, getExportJob, listExportJobs } from './export-jobs.js';
import { getArtifact, listArtifacts } from './artifacts.js';
import {
  listAllArtifacts,
  listRegenerations,
  queueMissingExports,
  requestRegeneration,
  takeRegenerations,
} from './export-integrity.js';
import { claimExportJob, completeExportJob, failExportJob, renewLease } from './export-leases.js';
import { publishDraft, publishReport } from './publish.js';
import { takeExportDelivery } from './take-export-delivery.js';
import { replaceDraft, restoreRevision } from './replace-draft.js';
import { seedIfEmpty } from './seed.js';
import * as loginLimits from './login-limits.js';
import * as sessions from './sessions.js';
import type { Store } from './store.js';
import * as users from './users.js';
import * as submissions from './submissions.js';
import * as feedback from './feedback.js';

export interface OpenStoreOptions {
  /** postgres://… to use PostgreSQL; otherwise a SQLite file. */
  databaseUrl?: string | undefined;
  /** SQLite file, needed unless databaseUrl is set (storeLocation() gives it from the settings); its folder is created on first use. */
  sqliteFile?: string | undefined;
  /** Open without writing anything: no migration, no seed; every write is refused. */
  readonly?: boolean | undefined;
  /** Report for edition 1 and draft revision 0 of an empty database (default: the canonical report); false: do not seed. */
  seed?: ReadonlyReport | false | undefined;
  /** Clock for timestamps, leases and expiry (tests move it). */
  now?: (() => Date) | undefined;
  /** Export job retry policy (defaults: 5 attempts, 30 s doubling up to 1 h). */
  jobs?: Partial<JobSettings> | undefined;
  /** SQLite busy_timeout: how long a write waits for another process's lock (default 10 s). */
  busyTimeoutMs?: number | undefined;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number | undefined;
}

function connect(options: OpenStoreOptions): Connection {
  const readonly = options.readonly ?? false;
  if (options.databaseUrl !== undefined) {
    return openPostgres({ url: options.databaseUrl, readonly, poolSize: options.poolSize ?? 10 });
  }
  if (options.sqliteFile === undefined) {
    throw new StoreOpenError(
      '未指定数据库：请设置 databaseUrl 或 sqliteFile (no database: give databaseUrl or sqliteFile)',
    );
  }
  return openSqlite({
    file: resolve(options.sqliteFile),
    readonly,
    busyTimeoutMs: options.busyTimeoutMs ?? 10_000,
  });
}

/**
 * Opens the store: connects, applies migrations and seeds an empty database (unless read-only).
 * Throws StoreOpenError when the database cannot be opened or a read-only one is not migrated.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const conn = connect(options);
  const ctx: StoreContext = {
    conn,
    now: options.now ?? (() => new Date()),
    jobs: { maxAttempts: 5, backoffMs: 30_000, backoffCapMs: 3_600_000, ...options.jobs },
  };
  try {
    await migrate(conn, options.databaseUrl);
    if (!conn.readonly && options.seed !== false)
      await seedIfEmpty(ctx, options.seed ?? canonicalReport);
  } catch (error) {
    await conn.close();
    throw error;
  }
  // The viewer's store is read-only; the only things it may write are a request to make a file
  // again (issue 12) and a citizen's feedback (issue 19), on a writable connection opened the
  // first time it asks.
  let requestConn: Connection | null = conn.readonly ? null : conn;
  const requestWriter = (): Connection => {
    requestConn ??= connect({ ...options, readonly: false, poolSize: 1 });
    return requestConn;
  };
  // Every write of sessions or users: kept session lookups are forgotten after it (sessions.ts).
  const credentials = <T>(write: () => Promise<T>): Promise<T> =>
    sessions.changingCredentials(ctx, write);
  return {
    engine: conn.engine,
    readonly: conn.readonly,
    createUser: (input) => users.createUser(ctx, input),
    getUser: (id) => users.getUser(ctx, id),
    findUserByEmail: (email) => users.findUserByEmail(ctx, email),
    listUsers: () => users.listUsers(ctx),
    countUsers: () => users.countUsers(ctx),
    updateUser: (id, patch) => credentials(() => users.updateUser(ctx, id, patch)),
    deleteUser: (id) => credentials(() => users.deleteUser(ctx, id)),
    setPassword: (input) => credentials(() => users.setPassword(ctx, input)),
    authenticate: (email, password) => users.authenticate(ctx, email, password),
    reserveLoginAttempt: (input) => loginLimits.reserveLoginAttempt(ctx, input),
    settleLoginAttempt: (input) => loginLimits.settleLoginAttempt(ctx, input),
    createSession: (input) => credentials(() => sessions.createSession(ctx, input)),
    getSession: (token, opts) => sessions.getSession(ctx, token, opts),
    extendSession: (token, ttlMs) => credentials(() => sessions.extendSession(ctx, token, ttlMs)),
    revokeSession: (token) => credentials(() => sessions.revokeSession(ctx, token)),
    revokeUserSessions: (userId) => credentials(() => sessions.revokeUserSessions(ctx, userId)),
    deleteExpiredSessions: () => credentials(() => sessions.deleteExpiredSessions(ctx)),
    getDraft: () => getDraft(ctx),
    draftHead: () => draftHead(ctx),
    watchDraft: (onChange, opts) => conn.watchDraft(onChange, opts),
    getRevision: (revision) => getRevision(ctx, revision),
    listRevisions: (opts) => listRevisions(ctx, opts),
    revisionsSince: (revision) => revisionsSince(ctx, revision),
    appendDraftRevision: (input) => appendDraftRevision(ctx, input),
    restoreRevision: (input) => restoreRevision(ctx, input),
    replaceDraft: (input) => replaceDraft(ctx, input),
    publishDraft: (input) => publishDraft(ctx, input),
    publishReport: (input) => publishReport(ctx, input),
    latestEdition: () => latestEdition(ctx),
    getEdition: (idOrHash) => getEdition(ctx, idOrHash),
    getEditionByNumber: (number) => getEditionByNumber(ctx, number),
    listEditions: () => listEditions(ctx),
    changeMark: changeMarkReader(ctx),
    appendAudit: (entry) => appendAudit(ctx, entry),
    listAudit: (query) => listAudit(ctx, query),
    enqueueExportJobs: (editionId, formats, opts) =>
      enqueueExportJobs(ctx, editionId, formats, opts),
    claimExportJob: (input) => claimExportJob(ctx, input),
    takeExportDelivery: (input) => takeExportDelivery(ctx, input),
    renewLease: (input) => renewLease(ctx, input),
    completeExportJob: (jobId, workerId, artifact) =>
      completeExportJob(ctx, jobId, workerId, artifact),
    failExportJob: (jobId, workerId, error) => failExportJob(ctx, jobId, workerId, error),
    getExportJob: (jobId) => getExportJob(ctx, jobId),
    listExportJobs: (editionId) => listExportJobs(ctx, editionId),
    listArtifacts: (editionId) => listArtifacts(ctx, editionId),
    getArtifact: (editionId, format) => getArtifact(ctx, editionId, format),
    queueMissingExports: (formats) => queueMissingExports(ctx, formats),
    listAllArtifacts: () => listAllArtifacts(ctx),
    requestRegeneration: (editionNumber, format, reason) =>
      requestRegeneration(ctx, requestWriter(), { editionNumber, format, reason }),
    takeRegenerations: () => takeRegenerations(ctx),
    listRegenerations: () => listRegenerations(ctx),
    getUserDepartments: (userId) => submissions.getUserDepartments(ctx, userId),
    setUserDepartments: (userId, ids) => submissions.setUserDepartments(ctx, userId, ids),
    createSubmission: (input) => submissions.createSubmission(ctx, input),
    getSubmission: (id) => submissions.getSubmission(ctx, id),
    listSubmissions: (query) => submissions.listSubmissions(ctx, query),
    approveSubmission: (input) => submissions.approveSubmission(ctx, input),
    returnSubmission: (input) => submissions.returnSubmission(ctx, input),
    submitFeedback: (input) => feedback.submitFeedback(ctx, requestWriter(), input),
    getFeedback: (id) => feedback.getFeedback(ctx, id),
    listFeedback: (query) => feedback.listFeedback(ctx, query),
    answerFeedback: (input) => feedback.closeFeedback(ctx, 'answered', input),
    dismissFeedback: (input) => feedback.closeFeedback(ctx, 'dismissed', input),
    ping: async () => {
      try {
        await sql`select 1`.execute(conn.db);
        return true;
      } catch (_error) {
        return false;
      }
    },
    backup: async (toFile) => {
      if (conn.backup === null) {
        return refuse(
          'unsupported',
          'PostgreSQL 请使用 pg_dump 备份',
          'use pg_dump to back up PostgreSQL',
        );
      }
      await conn.backup(toFile);
      return { ok: true, file: resolve(toFile) };
    },
    close: async () => {
      if (requestConn !== null && requestConn !== conn) await requestConn.close();
      await conn.close();
    },
  };
}
