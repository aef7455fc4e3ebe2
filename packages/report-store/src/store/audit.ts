import { toValidationIssues } from '@leshan/report-core/model';
import { z } from 'zod';
import type {
  AuditEntry,
  AuditPage,
  AuditQuery,
  AuditRow,
  NewAuditEntry,
} from '../schemas/audit-schemas.js';
import {
  AuditFromRowSchema,
  AuditQuerySchema,
  NewAuditEntrySchema,
} from '../schemas/audit-schemas.js';
import type { Refusal } from '../schemas/store-error.js';
import { refuse } from '../schemas/store-error.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso, sortableId } from './context.js';
import { redactSecrets } from './redact.js';

/** The audit row of an entry (details under secret-looking keys redacted), or its refusal. */
export function auditRow(
  ctx: StoreContext,
  entry: NewAuditEntry,
): { ok: true; row: AuditRow } | Refusal {
  const parsed = NewAuditEntrySchema.safeParse(entry);
  if (!parsed.success) {
    return refuse(
      'invalid-input',
      '审计记录不正确',
      'invalid audit entry',
      toValidationIssues(parsed.error.issues),
    );
  }
  return {
    ok: true,
    row: {
      id: sortableId(),
      actor: parsed.data.actor,
      action: parsed.data.action,
      target: parsed.data.target ?? null,
      details: JSON.stringify(redactSecrets(parsed.data.details ?? {})),
      ip: parsed.data.ip ?? null,
      at: nowIso(ctx),
    },
  };
}

/** Appends one line to the audit log; details under secret-looking keys are redacted. */
export async function appendAudit(
  ctx: StoreContext,
  entry: NewAuditEntry,
): Promise<{ ok: true; entry: AuditEntry } | Refusal> {
  assertWritable(ctx, 'appendAudit');
  const built = auditRow(ctx, entry);
  if (!built.ok) return built;
  const { row } = built;
  await ctx.conn.write((trx) => trx.insertInto('audit_log').values(row).execute());
  return { ok: true, entry: AuditFromRowSchema.parse(row) };
}

const CursorSchema = z.tuple([z.string(), z.string()]);

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const parsed = CursorSchema.safeParse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch (_error) {
    return null;
  }
}

const encodeCursor = (row: AuditRow): string =>
  Buffer.from(JSON.stringify([row.at, row.id])).toString('base64url');

/** The audit log newest first, filtered, a page at a time (keyset pagination on at, id). */
export async function listAudit(
  ctx: StoreContext,
  query: AuditQuery = {},
): Promise<({ ok: true } & AuditPage) | Refusal> {
  const parsed = AuditQuerySchema.safeParse(query);
  if (!parsed.success) {
    return refuse(
      'invalid-input',
      '查询条件不正确',
      'invalid audit query',
      toValidationIssues(parsed.error.issues),
    );
  }
  const { actor, action, since, until, limit, cursor } = parsed.data;
  const after = cursor === undefined ? null : decodeCursor(cursor);
  if (cursor !== undefined && after === null)
    return refuse('invalid-input', '分页游标无效', 'invalid cursor');
  let q = ctx.conn.db.selectFrom('audit_log').selectAll();
  if (actor !== undefined) q = q.where('actor', '=', actor);
  if (action !== undefined) q = q.where('action', '=', action);
  if (since !== undefined) q = q.where('at', '>=', since);
  if (until !== undefined) q = q.where('at', '<', until);
  if (after !== null) {
    const [at, id] = after;
    q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    ok: true,
    entries: page.map((row) => AuditFromRowSchema.parse(row)),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last) : null,
  };
}
