import {
  applyCommands,
  canonicalReport,
  csvFile,
  listMeasures,
  readSheet,
  SHEET_COLUMNS,
  sheetRows,
  sourceText,
} from '@leshan/report-core';
import type { ReadonlyReport, SheetCell } from '@leshan/report-core';
import type { Store } from '@leshan/report-store';
import { SHEET_CLIENT } from '../routes/sheet.routes.js';
import { PASSWORD } from './admin-harness.js';

/** A concrete request for one route: the path with its parameters filled in, query and body. */
export interface ProbeRequest {
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

export interface CaseContext {
  store: Store;
  /** The admin the setup writes as (never the caller under test). */
  adminId: string;
  /** Different on every call, for unique e-mails, names and progress values. */
  serial: number;
}

export interface RouteCase {
  /** A request that succeeds for an allowed caller in the current state; any setup goes through the store. */
  valid: (ctx: CaseContext) => Promise<ProbeRequest>;
  /** The route naming something that does not exist: an allowed caller gets 404. */
  missing?: ProbeRequest;
  /**
   * Succeeding ends the caller's session (sign-out) or all of them (a password change): the matrix
   * gives it a session of a user of its own, with the caller's role.
   */
  endsSession?: true;
}

export const MEASURE_IDS = listMeasures(canonicalReport).map((m) => m.id);
/** The first lines of the source: a short text that imports as a valid report. */
export const SMALL_SOURCE = sourceText.split('\n').slice(0, 40).join('\n');
export const PROBE_LOGIN = { email: 'probe@example.org', password: 'probe password of the matrix' };

async function revision(store: Store): Promise<number> {
  return (await store.getDraft())?.revision ?? 0;
}

/** A tracking.set on a measure of the draft as it is now (an import replaces the measures). */
async function trackingEdit(
  store: Store,
  serial: number,
): Promise<{ baseRevision: number; commands: object[] }> {
  const draft = await store.getDraft();
  if (draft === null) throw new Error('the store has no draft');
  const ids = listMeasures(draft.report).map((m) => m.id);
  return {
    baseRevision: draft.revision,
    commands: [
      { type: 'tracking.set', measureId: ids[serial % ids.length], progress: serial % 101 },
    ],
  };
}

/** The draft's sheet rows, the first measure row with a new progress update filled in. */
function sheetUploadRows(report: ReadonlyReport, serial: number): SheetCell[][] {
  const row = sheetRows(report)[0] ?? [];
  const at = (key: string) => SHEET_COLUMNS.findIndex((c) => c.key === key);
  row[at('update_date')] = '2025-06-30';
  row[at('update_note')] = `访问矩阵第 ${serial} 次上传`;
  return [row];
}

/** A CSV of the draft's sheet whose first measure row has a new progress update filled in. */
async function sheetUpload(
  store: Store,
  serial: number,
): Promise<{ fileName: string; content: string }> {
  const draft = await store.getDraft();
  if (draft === null) throw new Error('the store has no draft');
  const bytes = csvFile(
    SHEET_COLUMNS.map((c) => c.header),
    sheetUploadRows(draft.report, serial),
  );
  return { fileName: 'sheet.csv', content: Buffer.from(bytes).toString('base64') };
}

/** A sheet applied through the store as the sheet route applies one; answers its revision. */
async function appliedSheet({ store, adminId, serial }: CaseContext): Promise<number> {
  const draft = await store.getDraft();
  if (draft === null) throw new Error('the store has no draft');
  const header = SHEET_COLUMNS.map((c) => c.header);
  const { commands } = readSheet(draft.report, [header, ...sheetUploadRows(draft.report, serial)]);
  const result = await store.appendDraftRevision({
    baseRevision: draft.revision,
    commands,
    author: adminId,
    clientId: SHEET_CLIENT,
    clientSeq: draft.revision,
    apply: (r) => applyCommands(r, commands),
  });
  if (!result.ok || commands.length === 0)
    throw new Error(`setup sheet apply failed: ${JSON.stringify(result)}`);
  return result.revision.number;
}

/** Changes the draft through the store, so publishing and restoring have something to do. */
async function changeDraft({ store, adminId, serial }: CaseContext): Promise<number> {
  const { baseRevision, commands } = await trackingEdit(store, serial);
  const result = await store.appendDraftRevision({
    baseRevision,
    commands,
    author: adminId,
    apply: (r) => applyCommands(r, commands),
  });
  if (!result.ok) throw new Error(`setup edit failed: ${JSON.stringify(result)}`);
  return result.revision.number;
}

export const MATRIX_DEPARTMENT = { id: 'dept-matrix', name: '矩阵测试局' };
export const REPORTER_EMAIL = 'reporter@example.org';

/**
 * Makes the first measure of the draft as it is now one of the matrix reporter's: the department
 * in the draft, the measure's lead, the reporter assigned to it. Answers the measure's id.
 */
async function reporterMeasure({ store, adminId }: CaseContext): Promise<string> {
  const draft = await store.getDraft();
  if (draft === null) throw new Error('the store has no draft');
  const measureId = listMeasures(draft.report)[0]?.id ?? '';
  const commands: object[] = [];
  if (!(draft.report.departments ?? []).some((d) => d.id === MATRIX_DEPARTMENT.id))
    commands.push({ type: 'department.add', department: MATRIX_DEPARTMENT });
  const found = listMeasures(draft.report).length > 0 ? draft.report : null;
  const lead = found?.chapters
    .flatMap((c) => c.sections.flatMap((sec) => sec.measures))
    .find((m) => m.id === measureId)?.responsibility?.lead;
  if (lead !== MATRIX_DEPARTMENT.id)
    commands.push({
      type: 'responsibility.set',
      measureId,
      responsibility: { lead: MATRIX_DEPARTMENT.id, co: [], deadline: null, milestones: [] },
    });
  if (commands.length > 0) {
    const result = await store.appendDraftRevision({
      baseRevision: draft.revision,
      commands,
      author: adminId,
      apply: (r) => applyCommands(r, commands),
    });
    if (!result.ok) throw new Error(`setup edit failed: ${JSON.stringify(result)}`);
  }
  const reporter = await store.findUserByEmail(REPORTER_EMAIL);
  if (reporter !== null) await store.setUserDepartments(reporter.id, [MATRIX_DEPARTMENT.id]);
  return measureId;
}

/** A pending submission of a progress update, made through the store. */
async function pendingSubmission(ctx: CaseContext): Promise<string> {
  const measureId = await reporterMeasure(ctx);
  const created = await ctx.store.createSubmission({
    reporterId: ctx.adminId,
    measureId,
    kind: 'progress',
    commands: [
      {
        type: 'progress.add',
        measureId,
        update: { id: `u-matrix-${ctx.serial}`, date: '2025-01-01', note: `进展${ctx.serial}` },
      },
    ],
  });
  if (!created.ok) throw new Error(created.error.message.en);
  return created.submission.id;
}

/** An open correction of a citizen, from an address of its own (the store's limit is per address). */
async function openFeedback(ctx: CaseContext): Promise<string> {
  const sent = await ctx.store.submitFeedback({
    editionNumber: 1,
    nodeId: 'm38',
    kind: 'correction',
    text: `更正${ctx.serial}`,
    address: `matrix-${ctx.serial}`,
  });
  if (!sent.ok) throw new Error(sent.error.message.en);
  return sent.feedback.id;
}

/** A user made for one request (reset, removal), so the matrix's own accounts stay as they are. */
async function throwawayUser(store: Store, serial: number): Promise<string> {
  const created = await store.createUser({
    email: `throwaway-${serial}@example.org`,
    displayName: `临时${serial}`,
    role: 'editor',
    password: PROBE_LOGIN.password,
  });
  if (!created.ok) throw new Error(created.error.message.en);
  return created.user.id;
}

async function firstEditionId(store: Store): Promise<string> {
  const edition = await store.getEditionByNumber(1);
  if (edition === null) throw new Error('the seeded store has no edition 1');
  return edition.id;
}

/** One case per `METHOD path` of adminRoutes(); the matrix test fails for a route missing here. */
export const routeCases: Record<string, RouteCase> = {
  'post /api/session': {
    valid: () => Promise.resolve({ path: '/api/session', body: PROBE_LOGIN }),
  },
  'get /api/session': { valid: () => Promise.resolve({ path: '/api/session' }) },
  'delete /api/session': {
    valid: () => Promise.resolve({ path: '/api/session' }),
    endsSession: true,
  },
  'post /api/session/password': {
    valid: ({ serial }) =>
      Promise.resolve({
        path: '/api/session/password',
        body: { currentPassword: PASSWORD, newPassword: `a new password number ${serial}` },
      }),
    endsSession: true,
  },
  'get /api/draft': { valid: () => Promise.resolve({ path: '/api/draft' }) },
  'get /api/draft/sheet': { valid: () => Promise.resolve({ path: '/api/draft/sheet?format=csv' }) },
  'post /api/draft/sheet/preview': {
    valid: async ({ store, serial }) => ({
      path: '/api/draft/sheet/preview',
      body: await sheetUpload(store, serial),
    }),
  },
  'post /api/draft/sheet/apply': {
    valid: async ({ store, serial }) => ({
      path: '/api/draft/sheet/apply',
      body: { ...(await sheetUpload(store, serial)), baseRevision: await revision(store) },
    }),
  },
  'post /api/draft/sheet/undo': {
    valid: async (ctx) => ({
      path: '/api/draft/sheet/undo',
      body: { revision: await appliedSheet(ctx) },
    }),
    missing: { path: '/api/draft/sheet/undo', body: { revision: 99999 } },
  },
  'post /api/draft/commands': {
    valid: async ({ store, serial }) => ({
      path: '/api/draft/commands',
      body: await trackingEdit(store, serial),
    }),
  },
  'get /api/draft/head': { valid: () => Promise.resolve({ path: '/api/draft/head' }) },
  'post /api/draft/presence': {
    valid: ({ serial }) =>
      Promise.resolve({
        path: '/api/draft/presence',
        body: { clientId: `probe-${serial}`, nodeId: null },
      }),
  },
  'get /api/revisions': {
    valid: () => Promise.resolve({ path: '/api/revisions', query: { limit: '5' } }),
  },
  'get /api/revisions/diff': {
    valid: async ({ store }) => ({
      path: '/api/revisions/diff',
      query: { from: '0', to: String(await revision(store)) },
    }),
  },
  'get /api/revisions/compare': {
    valid: async ({ store }) => ({
      path: '/api/revisions/compare',
      query: { from: '0', to: String(await revision(store)) },
    }),
  },
  'post /api/revisions/:number/restore-node': {
    valid: () =>
      Promise.resolve({
        path: '/api/revisions/0/restore-node',
        body: { nodeId: 'm38', dryRun: true },
      }),
    missing: { path: '/api/revisions/99999/restore-node', body: { nodeId: 'm38', dryRun: true } },
  },
  'get /api/revisions/:number': {
    valid: () => Promise.resolve({ path: '/api/revisions/0' }),
    missing: { path: '/api/revisions/99999' },
  },
  'post /api/revisions/:number/restore': {
    valid: async (ctx) => ({
      path: '/api/revisions/0/restore',
      body: { baseRevision: await changeDraft(ctx) },
    }),
    missing: { path: '/api/revisions/99999/restore', body: { baseRevision: 0 } },
  },
  'post /api/import/preview': {
    valid: () => Promise.resolve({ path: '/api/import/preview', body: { text: SMALL_SOURCE } }),
  },
  'post /api/import': {
    valid: async ({ store }) => ({
      path: '/api/import',
      // The same text again: a merge with nothing to decide, whatever the draft's curation.
      body: { text: sourceText, baseRevision: await revision(store), confirm: true },
    }),
  },
  'get /api/publish/checklist': {
    valid: () => Promise.resolve({ path: '/api/publish/checklist' }),
  },
  'post /api/editions': {
    valid: async (ctx) => ({
      path: '/api/editions',
      body: { baseRevision: await changeDraft(ctx) },
    }),
  },
  'get /api/editions': { valid: () => Promise.resolve({ path: '/api/editions' }) },
  'get /api/editions/:id': {
    valid: async ({ store }) => ({ path: `/api/editions/${await firstEditionId(store)}` }),
    missing: { path: '/api/editions/no-such-edition' },
  },
  'get /api/editions/:id/exports': {
    valid: async ({ store }) => ({ path: `/api/editions/${await firstEditionId(store)}/exports` }),
    missing: { path: '/api/editions/no-such-edition/exports' },
  },
  'get /api/settings': { valid: () => Promise.resolve({ path: '/api/settings' }) },
  'put /api/settings': {
    valid: async ({ store, serial }) => {
      const { settings, version } = await store.getSiteSettings();
      return {
        path: '/api/settings',
        body: {
          settings: { ...settings, publisher: `探针主办单位 ${serial}` },
          baseVersion: version,
        },
      };
    },
  },
  'get /api/users': { valid: () => Promise.resolve({ path: '/api/users' }) },
  'post /api/users': {
    valid: ({ serial }) =>
      Promise.resolve({
        path: '/api/users',
        body: {
          email: `new-${serial}@example.org`,
          displayName: `新用户${serial}`,
          role: 'editor',
          password: 'a long enough password',
        },
      }),
  },
  'patch /api/users/:id': {
    valid: async ({ store }) => {
      const probe = await store.findUserByEmail(PROBE_LOGIN.email);
      if (probe === null) throw new Error('the probe user is missing');
      return { path: `/api/users/${probe.id}`, body: { displayName: '探针用户' } };
    },
    missing: { path: '/api/users/no-such-user', body: { displayName: '无人' } },
  },
  'post /api/users/:id/password-reset': {
    valid: async ({ store, serial }) => ({
      path: `/api/users/${await throwawayUser(store, serial)}/password-reset`,
    }),
    missing: { path: '/api/users/no-such-user/password-reset' },
  },
  'delete /api/users/:id': {
    valid: async ({ store, serial }) => ({
      path: `/api/users/${await throwawayUser(store, serial)}`,
    }),
    missing: { path: '/api/users/no-such-user' },
  },
  'get /api/audit': { valid: () => Promise.resolve({ path: '/api/audit', query: { limit: '5' } }) },
  'get /api/reporter/measures': {
    valid: async (ctx) => {
      await reporterMeasure(ctx);
      return { path: '/api/reporter/measures' };
    },
  },
  'get /api/reporter/measures/:id': {
    valid: async (ctx) => ({ path: `/api/reporter/measures/${await reporterMeasure(ctx)}` }),
    missing: { path: '/api/reporter/measures/no-such-measure' },
  },
  'post /api/reporter/submissions': {
    valid: async (ctx) => ({
      path: '/api/reporter/submissions',
      body: {
        kind: 'progress',
        measureId: await reporterMeasure(ctx),
        update: { date: '2025-01-01', note: `报送${ctx.serial}` },
      },
    }),
  },
  'get /api/reporter/submissions': {
    valid: () => Promise.resolve({ path: '/api/reporter/submissions' }),
  },
  'get /api/submissions': { valid: () => Promise.resolve({ path: '/api/submissions' }) },
  'post /api/submissions/:id/approve': {
    valid: async (ctx) => ({ path: `/api/submissions/${await pendingSubmission(ctx)}/approve` }),
    missing: { path: '/api/submissions/no-such-submission/approve' },
  },
  'post /api/submissions/:id/return': {
    valid: async (ctx) => ({
      path: `/api/submissions/${await pendingSubmission(ctx)}/return`,
      body: { comment: '请补充来源' },
    }),
    missing: { path: '/api/submissions/no-such-submission/return', body: { comment: '无' } },
  },
  'get /api/feedback': { valid: () => Promise.resolve({ path: '/api/feedback' }) },
  'post /api/feedback/:id/answer': {
    valid: async (ctx) => ({
      path: `/api/feedback/${await openFeedback(ctx)}/answer`,
      body: { answer: '已核实，下一版更正。' },
    }),
    missing: { path: '/api/feedback/no-such-feedback/answer', body: { answer: '无' } },
  },
  'post /api/feedback/:id/dismiss': {
    valid: async (ctx) => ({ path: `/api/feedback/${await openFeedback(ctx)}/dismiss`, body: {} }),
    missing: { path: '/api/feedback/no-such-feedback/dismiss', body: {} },
  },
  'put /api/users/:id/departments': {
    valid: async (ctx) => {
      await reporterMeasure(ctx);
      const reporter = await ctx.store.findUserByEmail(REPORTER_EMAIL);
      return {
        path: `/api/users/${reporter?.id ?? ctx.adminId}/departments`,
        body: { departments: [MATRIX_DEPARTMENT.id] },
      };
    },
    missing: {
      path: '/api/users/no-such-user/departments',
      body: { departments: [MATRIX_DEPARTMENT.id] },
    },
  },
};
