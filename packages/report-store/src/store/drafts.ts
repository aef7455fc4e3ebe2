import type { Report } from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';
import type {
  Draft,
  DraftRow,
  RecordedCommand,
  Revision,
  RevisionSummary,
} from '../schemas/draft-schemas.js';
import {
  DraftEnvelopeFromRowSchema,
  RecordedCommandSchema,
  ReportColumnSchema,
  RevisionSummaryFromRowSchema,
} from '../schemas/draft-schemas.js';
import { jsonColumn } from '../schemas/columns.js';
import type { StoreContext } from './context.js';
import { replayChecked } from './replay.js';
import { runCompiledOnce } from '../db/compiled-once.js';

const CommandsColumn = jsonColumn(RecordedCommandSchema.array());

// The draft as last read or written by this process, by revision and hash: a save then reads
// the draft row's envelope only and skips parsing and checking the whole report again.
const lastDraft = new WeakMap<StoreContext, Draft>();

export function rememberDraft(ctx: StoreContext, draft: Draft): void {
  lastDraft.set(ctx, draft);
}

const envelopeColumns = ['id', 'revision', 'report_hash', 'updated_at', 'updated_by'] as const;

type EnvelopeRow = Pick<DraftRow, (typeof envelopeColumns)[number]>;

/**
 * The draft the envelope row names: the one this process last read or wrote when revision and
 * hash match, else the row's report (the one after report_revision, migration 0009) with the
 * commands of every revision since replayed and checked against the head's hash.
 */
async function draftOf(
  ctx: StoreContext,
  db: Kysely<Tables>,
  row: EnvelopeRow,
  fromStore = false,
): Promise<Draft> {
  const known = lastDraft.get(ctx);
  if (
    !fromStore &&
    known !== undefined &&
    known.revision === row.revision &&
    known.reportHash === row.report_hash
  )
    return known;
  const envelope = DraftEnvelopeFromRowSchema.parse(row);
  const stored = await db
    .selectFrom('draft')
    .select(['report', 'report_revision'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const base = ReportColumnSchema.parse(stored.report);
  const report =
    stored.report_revision === envelope.revision
      ? base
      : await replayOnto(
          db,
          { number: stored.report_revision, report: base },
          { number: envelope.revision, reportHash: envelope.reportHash },
        );
  const draft: Draft = { ...envelope, report };
  rememberDraft(ctx, draft);
  return draft;
}

/**
 * The draft inside a write transaction, its row locked until the transaction ends on PostgreSQL.
 * `fromStore`: read from the row even when this process knows the head (publishing checks what
 * is stored, also after a change below the API that kept the revision and hash).
 */
export async function lockDraft(
  ctx: StoreContext,
  trx: Kysely<Tables>,
  { fromStore = false }: { fromStore?: boolean } = {},
): Promise<Draft | undefined> {
  const { engine } = ctx.conn;
  const query = () => {
    const q = trx.selectFrom('draft').select(envelopeColumns).where('id', '=', 1);
    return engine === 'postgres' ? q.forUpdate() : q;
  };
  const [envelope] = (await runCompiledOnce(trx, engine, 'lock draft', query, [1])).rows;
  return envelope === undefined ? undefined : draftOf(ctx, trx, envelope, fromStore);
}

/** Locks the draft row (PostgreSQL) without reading its report: the head's number, or undefined. */
export async function lockDraftHead(
  ctx: StoreContext,
  trx: Kysely<Tables>,
): Promise<number | undefined> {
  const query = trx.selectFrom('draft').select('revision').where('id', '=', 1);
  const row = await (ctx.conn.engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row?.revision;
}

/** The working draft, or null before the store is seeded. */
export async function getDraft(ctx: StoreContext): Promise<Draft | null> {
  const envelope = await ctx.conn.db
    .selectFrom('draft')
    .select(envelopeColumns)
    .where('id', '=', 1)
    .executeTakeFirst();
  return envelope === undefined ? null : draftOf(ctx, ctx.conn.db, envelope);
}

/** The draft's revision number alone (the head), or null before the seed: cheap to poll. */
export async function draftHead(ctx: StoreContext): Promise<number | null> {
  const row = await ctx.conn.db
    .selectFrom('draft')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.revision ?? null;
}

export const summaryColumns = [
  'number',
  'kind',
  'author',
  'created_at',
  'commands',
  'touched',
  'keys',
  'report_hash',
  'group_start',
  'summary',
  'client_id',
  'client_seq',
] as const;

/** Reports of revisions already rebuilt in this process (revisions never change). */
const rebuilt = new WeakMap<StoreContext, Map<number, Report>>();
const REBUILT_KEPT = 64;

function remember(ctx: StoreContext, number: number, report: Report): void {
  let cache = rebuilt.get(ctx);
  if (cache === undefined) rebuilt.set(ctx, (cache = new Map<number, Report>()));
  cache.delete(number);
  cache.set(number, report);
  for (const oldest of cache.keys()) {
    if (cache.size <= REBUILT_KEPT) break;
    cache.delete(oldest);
  }
}

/**
 * The report after revision `summary`: its own snapshot, or the nearest snapshot before it with
 * the commands of every revision between replayed, checked against the hash recorded.
 */
export async function revisionReport(
  ctx: StoreContext,
  db: Kysely<Tables>,
  summary: Pick<RevisionSummary, 'number' | 'reportHash'>,
): Promise<Report> {
  const cached = rebuilt.get(ctx)?.get(summary.number);
  if (cached !== undefined) return cached;
  const snapshot = await db
    .selectFrom('revisions')
    .select(['number', 'report'])
    .where('number', '<=', summary.number)
    .where('report', 'is not', null)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (snapshot?.report == null) {
    throw new Error(`revision ${summary.number} has no snapshot before it to rebuild from`);
  }
  const base = ReportColumnSchema.parse(snapshot.report);
  const report =
    snapshot.number === summary.number
      ? base
      : await replayOnto(db, { number: snapshot.number, report: base }, summary);
  remember(ctx, summary.number, report);
  return report;
}

/**
 * The report after revision `to`, from the report after revision `from`: the commands of every
 * revision between replayed, checked against the hash `to` recorded.
 */
async function replayOnto(
  db: Kysely<Tables>,
  from: { number: number; report: Report },
  to: Pick<RevisionSummary, 'number' | 'reportHash'>,
): Promise<Report> {
  const rows = await db
    .selectFrom('revisions')
    .select('commands')
    .where('number', '>', from.number)
    .where('number', '<=', to.number)
    .orderBy('number')
    .execute();
  const commands: RecordedCommand[] = rows.flatMap((r) => CommandsColumn.parse(r.commands));
  const replayed =
    rows.length === to.number - from.number
      ? replayChecked(from.report, commands, to.reportHash)
      : null;
  if (replayed === null) {
    throw new Error(
      `revision ${to.number} does not rebuild to its recorded hash from revision ${from.number}`,
    );
  }
  return replayed;
}

/** The report after revision `number`, read with `db` (a transaction), or null if there is none. */
export async function reportOfRevision(
  ctx: StoreContext,
  db: Kysely<Tables>,
  number: number,
): Promise<Report | null> {
  const row = await db
    .selectFrom('revisions')
    .select(['number', 'report_hash'])
    .where('number', '=', number)
    .executeTakeFirst();
  return row === undefined
    ? null
    : revisionReport(ctx, db, { number: row.number, reportHash: row.report_hash });
}

/** A revision with the report as it was after it, or null. */
export async function getRevision(ctx: StoreContext, revision: number): Promise<Revision | null> {
  const row = await ctx.conn.db
    .selectFrom('revisions')
    .select(summaryColumns)
    .where('number', '=', revision)
    .executeTakeFirst();
  if (row === undefined) return null;
  const summary = RevisionSummaryFromRowSchema.parse(row);
  return { ...summary, report: await revisionReport(ctx, ctx.conn.db, summary) };
}

/** Revisions newest first, without reports; `before` pages back through history. */
export async function listRevisions(
  ctx: StoreContext,
  options: { limit?: number; before?: number } = {},
): Promise<RevisionSummary[]> {
  let query = ctx.conn.db
    .selectFrom('revisions')
    .select(summaryColumns)
    .orderBy('number', 'desc')
    .limit(Math.max(1, Math.min(options.limit ?? 50, 500)));
  if (options.before !== undefined) query = query.where('number', '<', options.before);
  const rows = await query.execute();
  return rows.map((row) => RevisionSummaryFromRowSchema.parse(row));
}

/** Revisions after `revision`, oldest first: what an editor must rebase over. */
export async function revisionsSince(
  ctx: StoreContext,
  revision: number,
): Promise<RevisionSummary[]> {
  const rows = await ctx.conn.db
    .selectFrom('revisions')
    .select(summaryColumns)
    .where('number', '>', revision)
    .orderBy('number')
    .execute();
  return rows.map((row) => RevisionSummaryFromRowSchema.parse(row));
}

/**
 * The revision a tab's batch already became (same clientId and clientSeq, after the batch's
 * base): a batch sent again because its answer was lost is answered, not applied twice.
 */
export async function revisionOfBatch(
  trx: Kysely<Tables>,
  baseRevision: number,
  clientId: string,
  clientSeq: number,
): Promise<RevisionSummary | null> {
  const row = await trx
    .selectFrom('revisions')
    .select(summaryColumns)
    .where('number', '>', baseRevision)
    .where('client_id', '=', clientId)
    .where('client_seq', '=', clientSeq)
    .executeTakeFirst();
  return row === undefined ? null : RevisionSummaryFromRowSchema.parse(row);
}

/** Change keys of each revision after `revision`, read inside the write transaction. */
export async function keysSince(
  trx: Kysely<Tables>,
  revision: number,
  exceptClientIds: readonly string[] = [],
): Promise<{ number: number; author: string; keys: string[] }[]> {
  let query = trx
    .selectFrom('revisions')
    .select(['number', 'author', 'keys'])
    .where('number', '>', revision);
  // A tab's own revisions are not concurrent with its later commands: it saw them (issue 13).
  // Nor are those of the closed tabs whose changes it took over.
  if (exceptClientIds.length > 0)
    query = query.where((eb) =>
      eb.or([eb('client_id', 'is', null), eb('client_id', 'not in', [...exceptClientIds])]),
    );
  const rows = await query.orderBy('number').execute();
  return rows.map((row) => ({
    number: row.number,
    author: row.author,
    keys: JSON.parse(row.keys) as string[],
  }));
}

/** Node ids touched by revisions after `revision`, read inside the write transaction. */
export async function touchedSince(trx: Kysely<Tables>, revision: number): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('revisions')
    .select('touched')
    .where('number', '>', revision)
    .execute();
  const ids = new Set<string>();
  for (const row of rows) for (const id of JSON.parse(row.touched) as string[]) ids.add(id);
  return ids;
}
