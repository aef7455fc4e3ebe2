import type { Report } from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { DRAFT_CHANNEL } from '../db/connection.js';
import { rowShape, runCompiledOnce } from '../db/compiled-once.js';
import type { Engine, Tables } from '../db/tables.js';
import type {
  Draft,
  RecordedCommand,
  RevisionKind,
  RevisionRow,
  RevisionSummary,
} from '../schemas/draft-schemas.js';
import { DraftSchema } from '../schemas/draft-schemas.js';
import { isSnapshot, reportContent, reportHash as hashOf } from './replay.js';

/** Saves by one editor to one node with no more than this between them are one history entry. */
export const GROUP_IDLE_MS = 60_000;

export interface RevisionWrite {
  number: number;
  kind: RevisionKind;
  author: string;
  at: string;
  commands: readonly RecordedCommand[];
  touched: readonly string[];
  /** report-core change keys; the touched ids (as bare keys) when not given. */
  keys?: readonly string[] | undefined;
  summary?: readonly string[] | null | undefined;
  clientId?: string | null | undefined;
  clientSeq?: number | null | undefined;
  report: Report;
  /** The revision before, when the caller knows it (its history entry); read when not. */
  previous?: PreviousRevision | undefined;
}

const EnvelopeSchema = DraftSchema.omit({ report: true });

const sortedUnique = (values: readonly string[]): string[] => [...new Set(values)].sort();

/** The revision before a new one, as far as its history entry is concerned. */
export type PreviousRevision = Pick<
  RevisionSummary,
  'number' | 'kind' | 'author' | 'createdAt' | 'touched' | 'groupStart'
>;

/** The history entry a new revision joins: the previous one's, or its own. */
async function groupStartOf(
  trx: Kysely<Tables>,
  input: RevisionWrite,
  touched: readonly string[],
): Promise<number> {
  if (input.kind !== 'edit' || touched.length !== 1 || input.number === 0) return input.number;
  let previous: PreviousRevision | undefined = input.previous;
  if (previous?.number !== input.number - 1) {
    const row = await trx
      .selectFrom('revisions')
      .select(['number', 'kind', 'author', 'created_at', 'touched', 'group_start'])
      .where('number', '=', input.number - 1)
      .executeTakeFirst();
    previous =
      row === undefined
        ? undefined
        : {
            number: row.number,
            kind: row.kind,
            author: row.author,
            createdAt: row.created_at,
            touched: JSON.parse(row.touched) as string[],
            groupStart: row.group_start,
          };
  }
  if (
    previous === undefined ||
    previous.kind !== 'edit' ||
    previous.author !== input.author ||
    previous.touched.length !== 1 ||
    previous.touched[0] !== touched[0] ||
    Date.parse(input.at) - Date.parse(previous.createdAt) > GROUP_IDLE_MS
  ) {
    return input.number;
  }
  return previous.groupStart;
}

/**
 * Records a revision and makes its report the draft (insert for the seed, update after). The
 * revision keeps its commands and change keys; its full report only every SNAPSHOT_EVERY
 * revisions and for seed, restore and import (see replay.ts), and so does the draft row.
 */
export async function writeRevision(
  trx: Kysely<Tables>,
  input: RevisionWrite,
  engine: Engine,
): Promise<{ draft: Draft; revision: RevisionSummary }> {
  const snapshot = isSnapshot(input.number, input.kind);
  // The whole text only for a snapshot; between them the hash is written without it.
  const content = snapshot ? reportContent(input.report) : null;
  const reportHash = content?.hash ?? hashOf(input.report);
  const touched = sortedUnique(input.touched);
  const keys = sortedUnique(input.keys ?? touched);
  const row: RevisionRow = {
    number: input.number,
    kind: input.kind,
    author: input.author,
    created_at: input.at,
    commands: JSON.stringify(input.commands),
    touched: JSON.stringify(touched),
    keys: JSON.stringify(keys),
    report_hash: reportHash,
    report: content?.json ?? null,
    group_start: await groupStartOf(trx, input, touched),
    summary: input.summary == null ? null : JSON.stringify(input.summary),
    client_id: input.clientId ?? null,
    client_seq: input.clientSeq ?? null,
  };
  await runCompiledOnce(
    trx,
    engine,
    rowShape('insert revisions', row),
    () => trx.insertInto('revisions').values(row),
    Object.values(row),
  );
  const envelopeRow = {
    revision: input.number,
    report_hash: reportHash,
    updated_at: input.at,
    updated_by: input.author,
  };
  // The draft row keeps the report of its last snapshot (migration 0009): an edit between
  // snapshots writes only the head's number and hash, not the whole report again (issue 13).
  const reportRow =
    content === null ? null : { report: content.json, report_revision: input.number };
  if (input.number === 0) {
    if (reportRow === null) throw new Error('writeRevision: revision 0 is always a snapshot');
    await trx
      .insertInto('draft')
      .values({ id: 1, ...envelopeRow, ...reportRow })
      .execute();
  } else {
    const set = { ...envelopeRow, ...reportRow };
    await runCompiledOnce(
      trx,
      engine,
      rowShape('update draft', set),
      () => trx.updateTable('draft').set(set).where('id', '=', 1),
      [...Object.values(set), 1],
    );
  }
  // Delivered to every listener when (and only if) the transaction commits: live streams of
  // other processes learn of the revision at once (Connection.watchDraft).
  if (engine === 'postgres')
    await sql`select pg_notify(${DRAFT_CHANNEL}, ${String(input.number)})`.execute(trx);
  // The report and the commands were validated on their way in; the envelope's scalars (the
  // author, the time) are checked here, and the summary is made of those and of values this
  // function computed, not parsed again (issue 13: every save paid for it).
  const envelope = EnvelopeSchema.parse({
    revision: input.number,
    reportHash,
    updatedAt: input.at,
    updatedBy: input.author,
  });
  if (row.client_seq !== null && !Number.isSafeInteger(row.client_seq))
    throw new Error(`writeRevision: clientSeq ${row.client_seq} is not a whole number`);
  const revision: RevisionSummary = {
    number: envelope.revision,
    kind: row.kind,
    author: envelope.updatedBy,
    createdAt: envelope.updatedAt,
    // As read back: JSON drops undefined fields.
    commands: JSON.parse(row.commands) as RecordedCommand[],
    touched,
    keys,
    reportHash,
    groupStart: row.group_start,
    summary: input.summary == null ? null : [...input.summary],
    clientId: row.client_id,
    clientSeq: row.client_seq,
  };
  return {
    draft: { ...envelope, report: input.report },
    revision,
  };
}
