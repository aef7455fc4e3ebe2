import { randomUUID } from 'node:crypto';
import { diffReports, summarizeDiff } from '@leshan/report-core/edit';
import { canonicalContent } from '@leshan/report-core/hash';
import type { Report } from '@leshan/report-core/model';
import {
  publicReport,
  ReportSchema,
  toValidationIssues,
  validateReport,
} from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Tables } from '../db/tables.js';
import type { Edition, EditionRow } from '../schemas/edition-schemas.js';
import { EditionFromRowSchema } from '../schemas/edition-schemas.js';
import { ExportFormatIdSchema } from '../schemas/export-schemas.js';
import type { Refusal } from '../schemas/store-error.js';
import { refuse } from '../schemas/store-error.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso } from './context.js';
import { queueJobsIn } from './export-jobs.js';
import { lockDraft, lockDraftHead, reportOfRevision } from './drafts.js';
import { faultPoint } from './fault-point.js';

export type PublishResult = { ok: true; edition: Edition } | Refusal;

/**
 * Inserts the next edition: the report as the public gets it (issue 13 point 8: internal
 * editorial notes are never published, so no edition, export or viewer page holds one). Callers hold the draft row lock (PostgreSQL) or the SQLite write
 * lock, so two publishers cannot both take the same number.
 */
export async function insertEdition(
  trx: Kysely<Tables>,
  input: { report: Report; publishedBy: string; at: string; draftRevision: number | null },
): Promise<PublishResult> {
  const report = publicReport(input.report);
  const { json: reportJson, hash } = canonicalContent(report);
  const previous = await trx
    .selectFrom('editions')
    .selectAll()
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (previous?.content_hash === hash) {
    return refuse(
      'unchanged',
      '与最新发布版本相同，无需重新发布',
      `identical to edition ${previous.number}; nothing to publish`,
    );
  }
  const before = previous === undefined ? null : ReportSchema.parse(JSON.parse(previous.report));
  const row: EditionRow = {
    id: randomUUID(),
    number: (previous?.number ?? 0) + 1,
    content_hash: hash,
    report: reportJson,
    published_by: input.publishedBy,
    published_at: input.at,
    draft_revision: input.draftRevision,
    change_summary:
      before === null ? null : JSON.stringify(summarizeDiff(diffReports(before, report))),
  };
  await trx.insertInto('editions').values(row).execute();
  return { ok: true, edition: EditionFromRowSchema.parse(row) };
}

export interface PublishOptions {
  publishedBy: string;
  /**
   * Export formats to queue for the new edition, in the publishing transaction (issue 12: a
   * crash between publishing and queuing left an edition without files for ever).
   */
  exportFormats?: readonly string[] | undefined;
}

const FormatsSchema = z.array(ExportFormatIdSchema).max(100);

function checkFormats(
  formats: readonly string[] | undefined,
): { ok: true; value: string[] } | Refusal {
  const parsed = FormatsSchema.safeParse(formats ?? []);
  if (parsed.success) return { ok: true, value: [...new Set(parsed.data)] };
  return refuse(
    'invalid-input',
    '导出格式不正确',
    'invalid export formats',
    toValidationIssues(parsed.error.issues),
  );
}

async function queueExports(
  ctx: StoreContext,
  trx: Kysely<Tables>,
  published: PublishResult,
  formats: readonly string[],
): Promise<PublishResult> {
  if (!published.ok) return published;
  faultPoint('publish:after-edition');
  if (formats.length > 0) await queueJobsIn(ctx, trx, published.edition.id, formats);
  faultPoint('publish:before-commit');
  return published;
}

function invalid(issues: Parameters<typeof refuse>[3]): Refusal {
  return refuse(
    'invalid-report',
    '报告不符合规范，不能发布',
    'the report is not valid and cannot be published',
    issues,
  );
}

/** Publishes the current draft, or the given draft revision, as a new immutable edition. */
export async function publishDraft(
  ctx: StoreContext,
  input: PublishOptions & { revision?: number },
): Promise<PublishResult> {
  assertWritable(ctx, 'publishDraft');
  const formats = checkFormats(input.exportFormats);
  if (!formats.ok) return formats;
  return ctx.conn.write(async (trx) => {
    let draft;
    try {
      draft = await lockDraft(ctx, trx, { fromStore: true });
    } catch (error) {
      // A draft row that breaks the rules (changed by hand): refused with its issues.
      if (error instanceof z.ZodError) return invalid(toValidationIssues(error.issues));
      throw error;
    }
    if (draft === undefined) return refuse('not-found', '草稿尚未建立', 'there is no draft yet');
    const revision = input.revision ?? draft.revision;
    const source =
      revision === draft.revision ? draft.report : await reportOfRevision(ctx, trx, revision);
    if (source === null)
      return refuse('not-found', `草稿版本 ${revision} 不存在`, `no draft revision ${revision}`);
    const checked = validateReport(source);
    if (!checked.ok) return invalid(checked.issues);
    const published = await insertEdition(trx, {
      report: checked.value,
      publishedBy: input.publishedBy,
      at: nowIso(ctx),
      draftRevision: revision,
    });
    return queueExports(ctx, trx, published, formats.value);
  });
}

/** Publishes a given report (validated first: an invalid one is refused and nothing is written). */
export async function publishReport(
  ctx: StoreContext,
  input: PublishOptions & { report: unknown },
): Promise<PublishResult> {
  assertWritable(ctx, 'publishReport');
  const checked = validateReport(input.report);
  if (!checked.ok) return invalid(checked.issues);
  const formats = checkFormats(input.exportFormats);
  if (!formats.ok) return formats;
  return ctx.conn.write(async (trx) => {
    await lockDraftHead(ctx, trx);
    const published = await insertEdition(trx, {
      report: checked.value,
      publishedBy: input.publishedBy,
      at: nowIso(ctx),
      draftRevision: null,
    });
    return queueExports(ctx, trx, published, formats.value);
  });
}
