import type { Report } from '@leshan/report-core/model';
import { validateReport } from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';
import type { RecordedCommand, RevisionKind } from '../schemas/draft-schemas.js';

import { storeError } from '../schemas/store-error.js';
import type { AppendRevisionResult } from './append-revision.js';
import { changedNodeIds } from './changed-node-ids.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso } from './context.js';
import { lockDraft, rememberDraft, reportOfRevision, touchedSince } from './drafts.js';
import { writeRevision } from './write-revision.js';

export type ReplaceResult = AppendRevisionResult<never>;

interface Replacement {
  kind: Extract<RevisionKind, 'restore' | 'replace'>;
  author: string;
  baseRevision: number | undefined;
  command: RecordedCommand;
  /** The new report, read inside the transaction (a restore reads its revision there). */
  target: (trx: Kysely<Tables>) => Promise<Report | null>;
}

function refused(code: 'not-found' | 'bad-base-revision', zh: string, en: string): ReplaceResult {
  return { ok: false, reason: 'refused', error: storeError(code, zh, en) };
}

// The whole draft becomes another report. Its touched ids are the nodes that differ, so an
// editor working on an untouched part keeps going; with a baseRevision, a concurrent change
// of a replaced node is a conflict, as for commands.
async function replace(ctx: StoreContext, input: Replacement): Promise<ReplaceResult> {
  return ctx.conn.write(async (trx): Promise<ReplaceResult> => {
    const draft = await lockDraft(ctx, trx);
    if (draft === undefined) return refused('not-found', '草稿尚未建立', 'there is no draft yet');
    const base = input.baseRevision;
    if (base !== undefined && (!Number.isInteger(base) || base < 0 || base > draft.revision)) {
      return refused('bad-base-revision', '基准版本号不正确', `no revision ${base}`);
    }
    const report = await input.target(trx);
    if (report === null) return refused('not-found', '该版本不存在', 'no such revision');
    const touched = changedNodeIds(draft.report, report);
    if (base !== undefined) {
      const since = await touchedSince(trx, base);
      const nodeIds = touched.filter((id) => since.has(id));
      if (nodeIds.length > 0) {
        return {
          ok: false,
          reason: 'conflict',
          conflict: { nodeIds, keys: nodeIds, since: [], currentRevision: draft.revision },
          error: storeError(
            'conflict',
            `其他编辑者已修改相同内容（${nodeIds.join('、')}）`,
            `another editor changed the same nodes since revision ${base}: ${nodeIds.join(', ')}`,
          ),
        };
      }
    }
    const written = await writeRevision(
      trx,
      {
        number: draft.revision + 1,
        kind: input.kind,
        author: input.author,
        at: nowIso(ctx),
        commands: [input.command],
        touched,
        report,
      },
      ctx.conn.engine,
    );
    // Safe even if the transaction fails later: the draft is known by its revision and hash.
    rememberDraft(ctx, written.draft);
    return { ok: true, ...written };
  });
}

/** Makes an earlier revision's report the draft again, as a new revision (history is kept). */
export function restoreRevision(
  ctx: StoreContext,
  input: { revision: number; author: string; baseRevision?: number },
): Promise<ReplaceResult> {
  assertWritable(ctx, 'restoreRevision');
  return replace(ctx, {
    kind: 'restore',
    author: input.author,
    baseRevision: input.baseRevision,
    command: { type: 'draft.restore', revision: input.revision },
    target: (trx) => reportOfRevision(ctx, trx, input.revision),
  });
}

/** Replaces the draft with an imported report, validated first; recorded as draft.replace. */
export async function replaceDraft(
  ctx: StoreContext,
  input: { report: unknown; author: string; baseRevision?: number; source?: string },
): Promise<ReplaceResult> {
  assertWritable(ctx, 'replaceDraft');
  const checked = validateReport(input.report);
  if (!checked.ok) {
    return {
      ok: false,
      reason: 'refused',
      error: storeError(
        'invalid-report',
        '导入的报告不符合规范',
        'the imported report is not valid',
        checked.issues,
      ),
    };
  }
  return replace(ctx, {
    kind: 'replace',
    author: input.author,
    baseRevision: input.baseRevision,
    command: {
      type: 'draft.replace',
      ...(input.source === undefined ? {} : { source: input.source }),
    },
    target: () => Promise.resolve(checked.value),
  });
}
