import { createHmac } from 'node:crypto';
import { toValidationIssues } from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';
import type { Tables } from '../db/tables.js';
import type { Feedback, FeedbackQuery, NewFeedback } from '../schemas/feedback-schemas.js';
import {
  DEFAULT_FEEDBACK_LIMIT,
  FeedbackAnswerSchema,
  FeedbackFromRowSchema,
  FeedbackQuerySchema,
  NewFeedbackSchema,
} from '../schemas/feedback-schemas.js';
import type { Refusal } from '../schemas/store-error.js';
import { refuse } from '../schemas/store-error.js';
import { auditRow } from './audit.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso, sortableId } from './context.js';

// Issue 19 point 5 (我要纠错). The viewer's read-only store sends feedback on a writable
// connection of its own (like requestRegeneration); answering and dismissing are the admin's.

export type FeedbackResult = { ok: true; feedback: Feedback } | Refusal;
/** Refused by the per-address limit: `retryAt` is when the oldest counted one leaves the window. */
export type FeedbackLimited = Refusal & { retryAt: string };

const notFound = (): Refusal => refuse('not-found', '没有这条反馈', 'no such feedback');
const closed = (f: Feedback): Refusal =>
  refuse(
    'conflict',
    f.status === 'answered' ? '这条反馈已经答复过了' : '这条反馈已被忽略',
    `the feedback was already ${f.status}`,
  );

/** A salted SHA-256 of an address, truncated to 128 bits: enough to count, not to keep it. */
async function senderHash(db: Kysely<Tables>, address: string): Promise<string> {
  const { salt } = await db.selectFrom('feedback_salt').select('salt').executeTakeFirstOrThrow();
  return createHmac('sha256', salt).update(address).digest('hex').slice(0, 32);
}

/**
 * Stores a citizen's feedback as open unless its address sent `limit.max` within the window.
 * Checks the edition exists; the caller checks the node is a measure of it.
 */
export async function submitFeedback(
  ctx: StoreContext,
  write: Connection,
  input: NewFeedback,
): Promise<FeedbackResult | FeedbackLimited> {
  const parsed = NewFeedbackSchema.safeParse(input);
  if (!parsed.success) {
    return refuse(
      'invalid-input',
      '反馈内容不正确',
      'invalid feedback',
      toValidationIssues(parsed.error.issues),
    );
  }
  const data = parsed.data;
  const limit = data.limit ?? DEFAULT_FEEDBACK_LIMIT;
  const now = ctx.now();
  const since = new Date(now.getTime() - limit.windowMs).toISOString();
  return write.write(async (trx): Promise<FeedbackResult | FeedbackLimited> => {
    const edition = await trx
      .selectFrom('editions')
      .select('number')
      .where('number', '=', data.editionNumber)
      .executeTakeFirst();
    if (edition === undefined)
      return refuse('not-found', `没有第 ${data.editionNumber} 版`, 'no such edition');
    const sender = await senderHash(trx, data.address);
    // SQLite writes one at a time; on PostgreSQL two sends from one address wait for each other.
    if (write.engine === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`feedback:${sender}`}))`.execute(trx);
    const recent = await trx
      .selectFrom('feedback')
      .select('created_at')
      .where('sender', '=', sender)
      .where('created_at', '>', since)
      .orderBy('created_at', 'desc')
      .limit(limit.max)
      .execute();
    const oldest = recent[limit.max - 1];
    if (oldest !== undefined) {
      const retryAt = new Date(Date.parse(oldest.created_at) + limit.windowMs).toISOString();
      return {
        ...refuse('rate-limited', '提交过于频繁', 'too many from this address'),
        retryAt,
      };
    }
    const row = {
      id: sortableId(),
      edition_number: data.editionNumber,
      node_id: data.nodeId,
      kind: data.kind,
      text: data.text,
      contact: data.contact ?? null,
      sender,
      status: 'open' as const,
      answer: null,
      answered_by: null,
      answered_at: null,
      created_at: now.toISOString(),
    };
    await trx.insertInto('feedback').values(row).execute();
    return { ok: true, feedback: FeedbackFromRowSchema.parse(row) };
  });
}

async function readFeedback(db: Kysely<Tables>, id: string): Promise<Feedback | null> {
  const row = await db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : FeedbackFromRowSchema.parse(row);
}

export function getFeedback(ctx: StoreContext, id: string): Promise<Feedback | null> {
  return readFeedback(ctx.conn.db, id);
}

/** Newest first (open ones by when they came; closed ones by when they were closed), by status. */
export async function listFeedback(
  ctx: StoreContext,
  query: FeedbackQuery = {},
): Promise<Feedback[]> {
  const q = FeedbackQuerySchema.parse(query);
  let select = ctx.conn.db.selectFrom('feedback').selectAll();
  if (q.status !== undefined) select = select.where('status', '=', q.status);
  const rows = await select
    .orderBy(q.status === undefined || q.status === 'open' ? 'created_at' : 'answered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit ?? 200)
    .execute();
  return rows.map((row) => FeedbackFromRowSchema.parse(row));
}

export interface CloseFeedbackInput {
  id: string;
  editorId: string;
  /** The answer (required to answer; optional reason to dismiss). */
  text?: string | undefined;
  ip: string | null;
}

/** Answers (`answered`) or dismisses an open feedback, with its audit row, in one transaction. */
export async function closeFeedback(
  ctx: StoreContext,
  status: 'answered' | 'dismissed',
  input: CloseFeedbackInput,
): Promise<FeedbackResult> {
  assertWritable(ctx, status === 'answered' ? 'answerFeedback' : 'dismissFeedback');
  const given = input.text?.trim() ?? '';
  let answer: string | null = null;
  if (status === 'answered' || given.length > 0) {
    const checked = FeedbackAnswerSchema.safeParse(input.text ?? '');
    if (!checked.success) {
      return refuse(
        'invalid-input',
        status === 'answered' ? '答复不正确' : '忽略理由不正确',
        'invalid answer',
        toValidationIssues(checked.error.issues),
      );
    }
    answer = checked.data;
  }
  return ctx.conn.write(async (trx): Promise<FeedbackResult> => {
    const at = nowIso(ctx);
    const updated = await trx
      .updateTable('feedback')
      .set({ status, answer, answered_by: input.editorId, answered_at: at })
      .where('id', '=', input.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    const now = await readFeedback(trx, input.id);
    if (now === null) return notFound();
    if (Number(updated.numUpdatedRows) !== 1) return closed(now);
    const audit = auditRow(ctx, {
      actor: input.editorId,
      action: status === 'answered' ? 'feedback.answer' : 'feedback.dismiss',
      target: `feedback:${now.id}`,
      details: { nodeId: now.nodeId, editionNumber: now.editionNumber, answer },
      ip: input.ip,
    });
    // Made by code, never typed by anyone: a bad entry is a programming error.
    if (!audit.ok) throw new Error(`feedback: ${audit.error.message.en}`);
    await trx.insertInto('audit_log').values(audit.row).execute();
    return { ok: true, feedback: now };
  });
}
