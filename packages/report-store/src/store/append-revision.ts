import type { Report } from '@leshan/report-core/model';
import { toValidationIssues } from '@leshan/report-core/model';
import { conflictingKeys, nodeIdOfKey } from '@leshan/report-core/edit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Tables } from '../db/tables.js';
import type { Draft, RevisionSummary } from '../schemas/draft-schemas.js';
import { RecordedCommandSchema } from '../schemas/draft-schemas.js';
import type { StoreError } from '../schemas/store-error.js';
import { storeError } from '../schemas/store-error.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso } from './context.js';
import {
  keysSince,
  lockDraft,
  rememberDraft,
  reportOfRevision,
  revisionOfBatch,
} from './drafts.js';
import { writeRevision } from './write-revision.js';
import type { RevisionTail } from './revision-tail.js';
import { covers, extendTail, forgetTail, tailAt } from './revision-tail.js';
import { auditRow } from './audit.js';
import { rowShape, runCompiledOnce } from '../db/compiled-once.js';
import type { NewAuditEntry } from '../schemas/audit-schemas.js';

/** What the caller's `apply` returns: report-core's applyCommands result fits as is. */
export type ApplyOutcome<E> =
  | { ok: true; value: { report: Report; touched: readonly string[]; keys?: readonly string[] } }
  | { ok: false; error: E };

export interface AppendRevisionInput<E> {
  /** The revision the editor's commands were made against. */
  baseRevision: number;
  /** Recorded with the revision, as given (report-core edit commands). */
  commands: readonly unknown[];
  /** User id of the editor. */
  author: string;
  /**
   * Applies the commands to a report: the current draft, and (when they fail there and others
   * saved since) the base revision, to learn what they change. Runs inside the transaction; pure.
   */
  apply: (current: Report) => ApplyOutcome<E> | Promise<ApplyOutcome<E>>;
  /** Summary of the change in words, recorded with the revision (report-core describeChange). */
  describe?: (before: Report, after: Report, keys: readonly string[]) => string[];
  /** The editor's tab: its own revisions after baseRevision never conflict with these commands. */
  clientId?: string | undefined;
  clientSeq?: number | undefined;
  /**
   * Closed tabs of the same editor whose unsent changes this batch took over (and whose base it
   * took, the older one): their revisions after baseRevision do not conflict with it either, as
   * a tab's own do not. The batch is recorded under `clientId` alone.
   */
  adoptedClientIds?: readonly string[] | undefined;
  /**
   * The audit entry of the save, written in the revision's own transaction (one commit for
   * both): made from the revision once it is known.
   */
  audit?: (revision: RevisionSummary) => NewAuditEntry;
}

/** Store-internal steps in the revision's transaction (a submission's approval, submissions.ts). */
export interface RevisionHooks {
  /** After the draft is locked, before anything is written: a StoreError refuses the save. */
  claim: (trx: Kysely<Tables>) => Promise<StoreError | null>;
  /** After the revision is written, before the commit. */
  after: (trx: Kysely<Tables>, revision: RevisionSummary) => Promise<void>;
}

export interface Conflict {
  /** Node ids of the conflicting keys (of either side). */
  nodeIds: string[];
  /** The keys of the new commands that conflict (report-core conflictingKeys). */
  keys: string[];
  /** Every key written since baseRevision, by revision. */
  since: { number: number; author: string; keys: string[] }[];
  currentRevision: number;
}

export type AppendRevisionResult<E> =
  /** `repeated`: the tab's batch (clientId, clientSeq) was already saved as `revision`. */
  | { ok: true; draft: Draft; revision: RevisionSummary; repeated?: true }
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
 * the draft's write lock. If a revision after `baseRevision` changed what the commands change
 * (report-core conflictingKeys on their change keys: the same field, or a node one side removed)
 * and was not written by the same tab (clientId), nothing is written and the conflict is returned; other changes are rebased silently.
 */
export async function appendDraftRevision<E>(
  ctx: StoreContext,
  input: AppendRevisionInput<E>,
  within?: RevisionHooks,
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
  return ctx.conn
    .write(async (trx): Promise<AppendRevisionResult<E>> => {
      const draft = await lockDraft(ctx, trx);
      if (draft === undefined) return refused('not-found', '草稿尚未建立', 'there is no draft yet');
      // With the draft locked: two approvals of one submission meet here one after the other.
      const claimed = await within?.claim(trx);
      if (claimed !== undefined && claimed !== null)
        return { ok: false, reason: 'refused', error: claimed };
      if (input.baseRevision > draft.revision) {
        return refused(
          'bad-base-revision',
          `基准版本 ${input.baseRevision} 尚不存在`,
          `revision ${input.baseRevision} does not exist yet`,
        );
      }
      const tail = tailAt(ctx, draft);
      const base = input.baseRevision;
      const seen = covers(tail, base);
      if (input.clientId !== undefined && input.clientSeq !== undefined) {
        const { clientId, clientSeq } = input;
        // The tail answers "not sent before" for the revisions it holds; a repeat is read in full.
        const maybe =
          !seen ||
          tail.entries.some(
            (e) => e.number > base && e.clientId === clientId && e.clientSeq === clientSeq,
          );
        const done = maybe ? await revisionOfBatch(trx, base, clientId, clientSeq) : null;
        if (done !== null) return { ok: true, draft, revision: done, repeated: true };
      }
      const outcome = await input.apply(draft.report);
      const own = ownClientIds(input);
      const since =
        base >= draft.revision
          ? []
          : seen
            ? keysAfter(tail, base, own)
            : await keysSince(trx, base, own);
      let mine: readonly string[] = outcome.ok ? (outcome.value.keys ?? outcome.value.touched) : [];
      if (!outcome.ok && since.length > 0) {
        // Refused on the draft as it is now, perhaps because someone deleted what it edits: what
        // the commands change is learnt on the revision the editor started from.
        const baseReport = await reportOfRevision(ctx, trx, base);
        const onBase = baseReport === null ? null : await input.apply(baseReport);
        if (onBase?.ok === true) mine = onBase.value.keys ?? onBase.value.touched;
      }
      const conflicting = conflictingKeys(
        mine,
        since.flatMap((r) => r.keys),
      );
      if (conflicting.length > 0) {
        const theirs = new Set(
          since.flatMap((r) => conflictingKeys(r.keys, mine)).map((k) => nodeIdOfKey(k)),
        );
        const nodeIds = [...new Set([...conflicting.map((k) => nodeIdOfKey(k)), ...theirs])].sort();
        return {
          ok: false,
          reason: 'conflict',
          conflict: { nodeIds, keys: conflicting, since, currentRevision: draft.revision },
          error: storeError(
            'conflict',
            '其他编辑者已修改相同内容，请比较两个版本后选择保留哪一个',
            `another editor changed the same fields since revision ${input.baseRevision}: ${conflicting.join(', ')}`,
          ),
        };
      }
      if (!outcome.ok) return { ok: false, reason: 'rejected', error: outcome.error };
      const written = await writeRevision(
        trx,
        {
          number: draft.revision + 1,
          kind: 'edit',
          author: input.author,
          at: nowIso(ctx),
          commands: commands.data,
          touched: outcome.value.touched,
          keys: mine,
          summary: input.describe?.(draft.report, outcome.value.report, mine) ?? null,
          clientId: input.clientId,
          clientSeq: input.clientSeq,
          report: outcome.value.report,
          previous: tail.entries.at(-1),
        },
        ctx.conn.engine,
      );
      if (input.audit !== undefined) {
        const audit = auditRow(ctx, input.audit(written.revision));
        // The caller's entry is made by code, not typed by anyone: a bad one is a programming error.
        if (!audit.ok) throw new Error(`appendDraftRevision: ${audit.error.message.en}`);
        const row = audit.row;
        await runCompiledOnce(
          trx,
          ctx.conn.engine,
          rowShape('insert audit_log', row),
          () => trx.insertInto('audit_log').values(row),
          Object.values(row),
        );
      }
      await within?.after(trx, written.revision);
      // Safe even if the transaction fails later: the draft is known by its revision and hash,
      // and a failed commit forgets the tail (below) before the next write runs.
      rememberDraft(ctx, written.draft);
      extendTail(ctx, tail, written.revision);
      return { ok: true, ...written };
    })
    .catch((error: unknown) => {
      forgetTail(ctx);
      throw error;
    });
}

/** The tabs whose revisions are the batch's own: its tab's, and those of the tabs it took over from. */
function ownClientIds(
  input: Pick<AppendRevisionInput<unknown>, 'clientId' | 'adoptedClientIds'>,
): string[] {
  return [
    ...new Set([
      ...(input.clientId === undefined ? [] : [input.clientId]),
      ...(input.adoptedClientIds ?? []),
    ]),
  ];
}

/** keysSince, from the tail: every revision after `base` but those of the tabs in `own`. */
function keysAfter(
  tail: RevisionTail,
  base: number,
  own: readonly string[],
): { number: number; author: string; keys: string[] }[] {
  return tail.entries
    .filter((e) => e.number > base && (e.clientId === null || !own.includes(e.clientId)))
    .map((e) => ({ number: e.number, author: e.author, keys: [...e.keys] }));
}
