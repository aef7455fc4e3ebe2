import type { Report } from '@leshan/report-core/model';
import { toValidationIssues } from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';
import type { RevisionSummary } from '../schemas/draft-schemas.js';
import type { Refusal, StoreError } from '../schemas/store-error.js';
import { refuse, storeError } from '../schemas/store-error.js';
import type { NewSubmission, Submission, SubmissionQuery } from '../schemas/submission-schemas.js';
import {
  DepartmentIdsSchema,
  NewSubmissionSchema,
  SubmissionFromRowSchema,
  SubmissionQuerySchema,
} from '../schemas/submission-schemas.js';
import type { AppendRevisionResult, ApplyOutcome } from './append-revision.js';
import { appendDraftRevision } from './append-revision.js';
import { auditRow } from './audit.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso, sortableId } from './context.js';
import { draftHead } from './drafts.js';

export type SubmissionResult = { ok: true; submission: Submission } | Refusal;

export interface ApproveInput<E> {
  id: string;
  reviewerId: string;
  ip: string | null;
  /** Applies the submission's commands to the current draft (report-core applyCommands). */
  apply: (current: Report, commands: Submission['commands']) => ApplyOutcome<E>;
  describe?: (before: Report, after: Report, keys: readonly string[]) => string[];
}

export type ApproveResult<E> =
  | { ok: true; submission: Submission; revision: RevisionSummary }
  | Exclude<AppendRevisionResult<E>, { ok: true }>;

const notFound = (): Refusal => refuse('not-found', '没有这条提交', 'no such submission');
const decided = (s: Submission): StoreError =>
  storeError(
    'conflict',
    s.status === 'approved'
      ? `这条提交已被批准（版本 ${s.revision ?? '?'}），不能再次处理`
      : '这条提交已被退回，不能再次处理',
    `the submission was already ${s.status}`,
  );

function audit(
  ctx: StoreContext,
  trx: Kysely<Tables>,
  entry: Parameters<typeof auditRow>[1],
): Promise<unknown> {
  const row = auditRow(ctx, entry);
  // Made by code, never typed by anyone: a bad entry is a programming error.
  if (!row.ok) throw new Error(`submissions: ${row.error.message.en}`);
  return trx.insertInto('audit_log').values(row.row).execute();
}

async function readSubmission(db: Kysely<Tables>, id: string): Promise<Submission | null> {
  const row = await db
    .selectFrom('submissions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? null : SubmissionFromRowSchema.parse(row);
}

export function getSubmission(ctx: StoreContext, id: string): Promise<Submission | null> {
  return readSubmission(ctx.conn.db, id);
}

/** Newest first; by reporter and/or status. */
export async function listSubmissions(
  ctx: StoreContext,
  query: SubmissionQuery = {},
): Promise<Submission[]> {
  const q = SubmissionQuerySchema.parse(query);
  let select = ctx.conn.db.selectFrom('submissions').selectAll();
  if (q.reporterId !== undefined) select = select.where('reporter_id', '=', q.reporterId);
  if (q.status !== undefined) select = select.where('status', '=', q.status);
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit ?? 200)
    .execute();
  return rows.map((row) => SubmissionFromRowSchema.parse(row));
}

/** Stores a reporter's submission as pending, with its audit row, in one transaction. */
export async function createSubmission(
  ctx: StoreContext,
  input: NewSubmission & { ip?: string | null },
): Promise<SubmissionResult> {
  assertWritable(ctx, 'createSubmission');
  const parsed = NewSubmissionSchema.safeParse(input);
  if (!parsed.success) {
    return refuse(
      'invalid-input',
      '提交内容不正确',
      'invalid submission',
      toValidationIssues(parsed.error.issues),
    );
  }
  const submission = SubmissionFromRowSchema.safeParse({
    id: sortableId(),
    reporter_id: parsed.data.reporterId,
    measure_id: parsed.data.measureId,
    kind: parsed.data.kind,
    commands: JSON.stringify(parsed.data.commands),
    status: 'pending',
    reviewer_id: null,
    comment: null,
    created_at: nowIso(ctx),
    decided_at: null,
    revision: null,
  });
  if (!submission.success) {
    return refuse(
      'invalid-input',
      '提交内容不正确',
      'invalid submission',
      toValidationIssues(submission.error.issues),
    );
  }
  const s = submission.data;
  await ctx.conn.write(async (trx) => {
    await trx
      .insertInto('submissions')
      .values({
        id: s.id,
        reporter_id: s.reporterId,
        measure_id: s.measureId,
        kind: s.kind,
        commands: JSON.stringify(s.commands),
        status: s.status,
        reviewer_id: null,
        comment: null,
        created_at: s.createdAt,
        decided_at: null,
        revision: null,
      })
      .execute();
    await audit(ctx, trx, {
      actor: s.reporterId,
      action: 'submission.submit',
      target: `submission:${s.id}`,
      details: { measureId: s.measureId, kind: s.kind, commands: s.commands.length },
      ip: input.ip ?? null,
    });
  });
  return { ok: true, submission: s };
}

/**
 * Applies a pending submission's commands to the current draft as one revision whose author is
 * the reporter, marks it approved with that revision, and writes the audit row: one transaction.
 * A second approval (or a return) of the same submission waits for the draft's lock and is refused.
 */
export async function approveSubmission<E>(
  ctx: StoreContext,
  input: ApproveInput<E>,
): Promise<ApproveResult<E>> {
  assertWritable(ctx, 'approveSubmission');
  const found = await readSubmission(ctx.conn.db, input.id);
  if (found === null) return { ok: false, reason: 'refused', error: notFound().error };
  if (found.status !== 'pending') return { ok: false, reason: 'refused', error: decided(found) };
  const head = await draftHead(ctx);
  if (head === null)
    return {
      ok: false,
      reason: 'refused',
      error: storeError('not-found', '草稿尚未建立', 'there is no draft yet'),
    };
  let approved: Submission = found;
  const result = await appendDraftRevision(
    ctx,
    {
      baseRevision: head,
      commands: found.commands,
      author: found.reporterId,
      apply: (current) => input.apply(current, found.commands),
      ...(input.describe === undefined ? {} : { describe: input.describe }),
      audit: (revision) => ({
        actor: input.reviewerId,
        action: 'submission.approve',
        target: `submission:${found.id}`,
        details: {
          revision: revision.number,
          reporter: found.reporterId,
          measureId: found.measureId,
          kind: found.kind,
        },
        ip: input.ip,
      }),
    },
    {
      claim: async (trx) => {
        const now = await readSubmission(trx, found.id);
        if (now === null) return notFound().error;
        return now.status === 'pending' ? null : decided(now);
      },
      after: async (trx, revision) => {
        const at = nowIso(ctx);
        await trx
          .updateTable('submissions')
          .set({
            status: 'approved',
            reviewer_id: input.reviewerId,
            decided_at: at,
            revision: revision.number,
          })
          .where('id', '=', found.id)
          .where('status', '=', 'pending')
          .execute();
        approved = {
          ...found,
          status: 'approved',
          reviewerId: input.reviewerId,
          decidedAt: at,
          revision: revision.number,
        };
      },
    },
  );
  if (!result.ok) return result;
  return { ok: true, submission: approved, revision: result.revision };
}

/** Sends a pending submission back with a comment the reporter sees; audited. */
export async function returnSubmission(
  ctx: StoreContext,
  input: { id: string; reviewerId: string; comment: string; ip: string | null },
): Promise<SubmissionResult> {
  assertWritable(ctx, 'returnSubmission');
  const comment = input.comment.trim();
  if (comment.length === 0 || comment.length > 2000)
    return refuse(
      'invalid-input',
      '请填写退回理由（不超过 2000 字）',
      'a comment of 1–2000 characters is required',
    );
  return ctx.conn.write(async (trx): Promise<SubmissionResult> => {
    const at = nowIso(ctx);
    const updated = await trx
      .updateTable('submissions')
      .set({ status: 'returned', reviewer_id: input.reviewerId, comment, decided_at: at })
      .where('id', '=', input.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const now = await readSubmission(trx, input.id);
    if (now === null) return notFound();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, error: decided(now) };
    await audit(ctx, trx, {
      actor: input.reviewerId,
      action: 'submission.return',
      target: `submission:${input.id}`,
      details: { reporter: now.reporterId, measureId: now.measureId, comment },
      ip: input.ip,
    });
    return { ok: true, submission: now };
  });
}

export async function getUserDepartments(ctx: StoreContext, userId: string): Promise<string[]> {
  const rows = await ctx.conn.db
    .selectFrom('user_departments')
    .select('department_id')
    .where('user_id', '=', userId)
    .orderBy('department_id')
    .execute();
  return rows.map((r) => r.department_id);
}

/** Replaces the departments a user reports for (ids of the draft's departments, checked by the caller). */
export async function setUserDepartments(
  ctx: StoreContext,
  userId: string,
  departmentIds: readonly string[],
): Promise<{ ok: true; departments: string[] } | Refusal> {
  assertWritable(ctx, 'setUserDepartments');
  const ids = DepartmentIdsSchema.safeParse([...new Set(departmentIds)].sort());
  if (!ids.success) {
    return refuse(
      'invalid-input',
      '部门编号不正确',
      'invalid department ids',
      toValidationIssues(ids.error.issues),
    );
  }
  return ctx.conn.write(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (user === undefined) return refuse('not-found', '没有这个用户', 'no such user');
    await trx.deleteFrom('user_departments').where('user_id', '=', userId).execute();
    if (ids.data.length > 0) {
      await trx
        .insertInto('user_departments')
        .values(ids.data.map((department_id) => ({ user_id: userId, department_id })))
        .execute();
    }
    return { ok: true as const, departments: ids.data };
  });
}
