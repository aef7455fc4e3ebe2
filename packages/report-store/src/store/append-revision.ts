import type { Report } from '@leshan/report-core/model';
import { toValidationIssues } from '@leshan/report-core/model';
import { z } from 'zod';
import type { Draft, RevisionSummary } from '../schemas/draft-schemas.js';
import { RecordedCommandSchema } from '../schemas/draft-schemas.js';
import type { StoreError } from '../schemas/store-error.js';
import { storeError } from '../schemas/store-error.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso } from './context.js';
import { lockDraft, rememberDraft, touchedSince } from './drafts.js';
import { writeRevision } from './write-revision.js';

/** What the caller's `apply` returns: report-core's applyCommands result fits as is. */
export type ApplyOutcome<E> =
  { ok: true; value: { report: Report; touched: readonly string[] } } | { ok: false; error: E };

export interface AppendRevisionInput<E> {
  /** The revision the editor's commands were made against. */
  baseRevision: number;
  /** Recorded with the revision, as given (report-core edit commands). */
  commands: readonly unknown[];
  /** User id of the editor. */
  author: string;
  /** Applies the commands to the current draft; runs inside the transaction, must be pure. */
  apply: (current: Report) => ApplyOutcome<E> | Promise<ApplyOutcome<E>>;
}

export interface Conflict {
  /** Node ids both the new commands and a revision after baseRevision touched. */
  nodeIds: string[];
  currentRevision: number;
}

export type AppendRevisionResult<E> =
  | { ok: true; draft: Draft; revision: RevisionSummary }
  | { ok: false; reason: 'conflict'; conflict: Conflict; error: StoreError }
  | { ok: false; reason: 'rejected'; error: E }
  | { ok: false; reason: 'refused'; error: StoreError };

const CommandsSchema = z
  .array(RecordedCommandSchema)
  .min(1, { error: '至少需要一条命令 (at least one command is required)' });

function refused(
  code: StoreError['code'],
  zh: string,
  en: string,
  issues?: StoreError['issues'],
): AppendRevisionResult<never> {
  return { ok: false, reason: 'refused', error: storeError(code, zh, en, issues) };
}

/**
 * Applies an editor's commands to the draft as one new revision, in one transaction that holds
 * the draft's write lock. If any revision after `baseRevision` touched a node the commands touch,
 * nothing is written and the conflict is returned; edits of other nodes are rebased silently.
 */
export async function appendDraftRevision<E>(
  ctx: StoreContext,
  input: AppendRevisionInput<E>,
): Promise<AppendRevisionResult<E>> {
  assertWritable(ctx, 'appendDraftRevision');
  const commands = CommandsSchema.safeParse(input.commands);
  if (!commands.success) {
    return refused(
      'invalid-input',
      '命令格式不正确',
      'malformed commands',
      toValidationIssues(commands.error.issues),
    );
  }
  if (!Number.isInteger(input.baseRevision) || input.baseRevision < 0) {
    return refused(
      'bad-base-revision',
      '基准版本号不正确',
      'baseRevision must be a whole number ≥ 0',
    );
  }
  return ctx.conn.write(async (trx): Promise<AppendRevisionResult<E>> => {
    const draft = await lockDraft(ctx, trx);
    if (draft === undefined) return refused('not-found', '草稿尚未建立', 'there is no draft yet');
    if (input.baseRevision > draft.revision) {
      return refused(
        'bad-base-revision',
        `基准版本 ${input.baseRevision} 尚不存在`,
        `revision ${input.baseRevision} does not exist yet`,
      );
    }
    const outcome = await input.apply(draft.report);
    if (!outcome.ok) return { ok: false, reason: 'rejected', error: outcome.error };
    const since = await touchedSince(trx, input.baseRevision);
    const nodeIds = [...new Set(outcome.value.touched)].filter((id) => since.has(id)).sort();
    if (nodeIds.length > 0) {
      return {
        ok: false,
        reason: 'conflict',
        conflict: { nodeIds, currentRevision: draft.revision },
        error: storeError(
          'conflict',
          `其他编辑者已修改相同内容（${nodeIds.join('、')}），请刷新后重试`,
          `another editor changed the same nodes since revision ${input.baseRevision}: ${nodeIds.join(', ')}`,
        ),
      };
    }
    const written = await writeRevision(trx, {
      number: draft.revision + 1,
      kind: 'edit',
      author: input.author,
      at: nowIso(ctx),
      commands: commands.data,
      touched: outcome.value.touched,
      report: outcome.value.report,
    });
    // Safe even if the transaction fails later: the draft is known by its revision and hash.
    rememberDraft(ctx, written.draft);
    return { ok: true, ...written };
  });
}
