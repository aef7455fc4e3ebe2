import type { Report } from '@leshan/report-core/model';
import { canonicalContent } from '@leshan/report-core/hash';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';
import type {
  Draft,
  RecordedCommand,
  RevisionKind,
  RevisionRow,
  RevisionSummary,
} from '../schemas/draft-schemas.js';
import { DraftSchema, RevisionSummaryFromRowSchema } from '../schemas/draft-schemas.js';

export interface RevisionWrite {
  number: number;
  kind: RevisionKind;
  author: string;
  at: string;
  commands: readonly RecordedCommand[];
  touched: readonly string[];
  report: Report;
}

/** Records a revision and makes its report the draft (insert for the seed, update after). */
export async function writeRevision(
  trx: Kysely<Tables>,
  input: RevisionWrite,
): Promise<{ draft: Draft; revision: RevisionSummary }> {
  const { json: reportJson, hash: reportHash } = canonicalContent(input.report);
  const row: RevisionRow = {
    number: input.number,
    kind: input.kind,
    author: input.author,
    created_at: input.at,
    commands: JSON.stringify(input.commands),
    touched: JSON.stringify([...new Set(input.touched)].sort()),
    report_hash: reportHash,
    report: reportJson,
  };
  await trx.insertInto('revisions').values(row).execute();
  const draftRow = {
    revision: input.number,
    report: reportJson,
    report_hash: reportHash,
    updated_at: input.at,
    updated_by: input.author,
  };
  if (input.number === 0)
    await trx
      .insertInto('draft')
      .values({ id: 1, ...draftRow })
      .execute();
  else await trx.updateTable('draft').set(draftRow).where('id', '=', 1).execute();
  const { report: _report, ...summaryRow } = row;
  // The report was validated on its way in; only the envelope is parsed here.
  const envelope = DraftSchema.omit({ report: true }).parse({
    revision: input.number,
    reportHash,
    updatedAt: input.at,
    updatedBy: input.author,
  });
  return {
    draft: { ...envelope, report: input.report },
    revision: RevisionSummaryFromRowSchema.parse(summaryRow),
  };
}
