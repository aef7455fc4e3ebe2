import {
  describeNode,
  diffReports,
  findNode,
  nodeIdsWithin,
  restoreNodeCommands,
  summarizeDiff,
} from '@leshan/report-core';
import type { Report, ReportDiff } from '@leshan/report-core';
import type { RevisionSummary } from '@leshan/report-store';
import type { RevisionListQuery, RevisionMeta } from '../api/revisions.schemas.js';
import {
  CompareSchema,
  DiffQuerySchema,
  RestoreNodeBodySchema,
  RestoreNodeResultSchema,
  RestoreBodySchema,
  RevisionDetailSchema,
  RevisionDiffSchema,
  RevisionListQuerySchema,
  RevisionListSchema,
  RevisionParamsSchema,
} from '../api/revisions.schemas.js';
import { CommandResultSchema } from '../api/draft.schemas.js';
import type { AdminDeps } from '../deps.js';
import { nameOf, userNames } from '../deps.js';
import { ApiError, notFound } from '@leshan/http-kit';
import { route, unauthenticated } from '../http/route.js';
import { currentDraft, saveCommands } from './draft.routes.js';
import type { AdminRoute } from '../http/route.js';

const toMeta = (r: RevisionSummary, names: Map<string, string>): RevisionMeta => {
  const authorName = nameOf(names, r.author);
  return {
    number: r.number,
    first: r.groupStart,
    author: r.author,
    authorName,
    at: r.createdAt,
    createdAt: r.createdAt,
    hash: r.reportHash,
    kind: r.kind,
    summary: (r.summary ?? []).map((phrase) => `${authorName ?? ''} ${phrase}`.trim()),
    commandCount: r.commands.length,
    nodeIds: r.touched,
    keys: r.keys,
    touched: r.touched,
  };
};

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** Consecutive revisions of one history entry (newest first) as one item. */
function grouped(list: readonly RevisionMeta[]): RevisionMeta[] {
  const items: RevisionMeta[] = [];
  for (const r of list) {
    const last = items.at(-1);
    if (last !== undefined && last.first === r.first && r.number >= r.first) {
      items[items.length - 1] = {
        ...last,
        summary: unique([...r.summary, ...last.summary]),
        commandCount: last.commandCount + r.commandCount,
        keys: unique([...r.keys, ...last.keys]).sort(),
      };
    } else items.push(r);
  }
  return items;
}

/** A day (YYYY-MM-DD, Asia/Shanghai) or an instant as milliseconds; a day's end with `end`. */
function boundOf(value: string, end: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/u.test(value))
    return Date.parse(`${value}T${end ? '23:59:59.999' : '00:00:00.000'}+08:00`);
  return Date.parse(value);
}

/** Whether a revision passes the history filters (person, node or anything inside it, dates). */
function matcher(query: RevisionListQuery, report: Report | null): (r: RevisionSummary) => boolean {
  const within =
    query.node === undefined
      ? null
      : new Set(report === null ? [query.node] : nodeIdsWithin(report, query.node));
  const from = query.from === undefined ? null : boundOf(query.from, false);
  const to = query.to === undefined ? null : boundOf(query.to, true);
  return (r) => {
    if (query.author !== undefined && r.author !== query.author) return false;
    if (within !== null && !r.touched.some((id) => within.has(id))) return false;
    const at = Date.parse(r.createdAt);
    if (from !== null && at < from) return false;
    if (to !== null && at > to) return false;
    return true;
  };
}

const filtered = (q: RevisionListQuery): boolean =>
  q.author !== undefined || q.node !== undefined || q.from !== undefined || q.to !== undefined;

// A filtered page reads older revisions in pages of this size, at most SCAN_LIMIT of them per
// request (a page with fewer entries then says where to go on).
const SCAN_PAGE = 200;
const SCAN_LIMIT = 5000;

/** Every node id a diff names, in the order it names them. */
function diffNodeIds(diff: ReportDiff): string[] {
  return [
    ...new Set([
      ...diff.added.map((n) => n.id),
      ...diff.removed.map((n) => n.id),
      ...diff.moved.map((n) => n.id),
      ...diff.edited.map((n) => n.id),
      ...diff.tracking.map((t) => t.measureId),
    ]),
  ];
}

export function revisionRoutes({ store }: AdminDeps): AdminRoute[] {
  const revisionOr404 = async (n: number) => {
    const revision = await store.getRevision(n);
    if (revision === null) throw notFound(`修订 ${n}`);
    return revision;
  };
  return [
    route({
      method: 'get',
      path: '/api/revisions',
      operationId: 'listRevisions',
      summary: 'Revisions of the draft, newest first',
      tag: 'revisions',
      access: 'editor',
      responses: { 200: RevisionListSchema },
    })
      .query(RevisionListQuerySchema)
      .handle(async ({ query }) => {
        const names = await userNames(store);
        const limit = Math.min(query.limit, 200);
        if (!filtered(query)) {
          const list = await store.listRevisions({
            limit,
            ...(query.before === undefined ? {} : { before: query.before }),
          });
          return {
            body: {
              revisions: grouped(list.map((r) => toMeta(r, names))),
              nextBefore: list.length === limit ? (list.at(-1)?.number ?? null) : null,
            },
          };
        }
        const draft = await store.getDraft().catch(() => null);
        const matches = matcher(query, draft?.report ?? null);
        const found: RevisionSummary[] = [];
        let before = query.before;
        let scanned = 0;
        let more = true;
        while (found.length < limit && more && scanned < SCAN_LIMIT) {
          const page = await store.listRevisions({
            limit: SCAN_PAGE,
            ...(before === undefined ? {} : { before }),
          });
          scanned += page.length;
          more = page.length === SCAN_PAGE;
          for (const r of page) {
            before = r.number;
            if (matches(r)) found.push(r);
            if (found.length === limit) break;
          }
        }
        const last = found.length === limit ? found.at(-1)?.number : before;
        return {
          body: {
            revisions: grouped(found.map((r) => toMeta(r, names))),
            nextBefore:
              (found.length === limit || (more && scanned >= SCAN_LIMIT)) && last !== undefined
                ? last
                : null,
          },
        };
      }),
    route({
      method: 'get',
      path: '/api/revisions/diff',
      operationId: 'diffRevisions',
      summary: 'What changed between two revisions (character-level for texts)',
      tag: 'revisions',
      access: 'editor',
      responses: { 200: RevisionDiffSchema },
      errors: [404],
    })
      .query(DiffQuerySchema)
      .handle(async ({ query }) => {
        const [a, b] = await Promise.all([revisionOr404(query.from), revisionOr404(query.to)]);
        const diff = diffReports(a.report, b.report);
        return { body: { from: a.number, to: b.number, diff, summary: summarizeDiff(diff) } };
      }),
    route({
      method: 'get',
      path: '/api/revisions/compare',
      operationId: 'compareRevisions',
      summary: 'What changed between any two revisions, with editors’ words for every node',
      tag: 'revisions',
      access: 'editor',
      responses: { 200: CompareSchema },
      errors: [404],
    })
      .query(DiffQuerySchema)
      .handle(async ({ query }) => {
        const [a, b] = await Promise.all([revisionOr404(query.from), revisionOr404(query.to)]);
        const diff = diffReports(a.report, b.report);
        const labels: Record<string, string> = {};
        for (const id of diffNodeIds(diff))
          labels[id] = describeNode(findNode(b.report, id) === undefined ? a.report : b.report, id);
        return {
          body: { from: a.number, to: b.number, diff, summary: summarizeDiff(diff), labels },
        };
      }),
    route({
      method: 'post',
      path: '/api/revisions/:number/restore-node',
      operationId: 'restoreNode',
      summary:
        'Bring one node back as it was in a revision (dryRun: say what it reverts of later edits by others)',
      tag: 'revisions',
      access: 'editor',
      responses: { 200: RestoreNodeResultSchema },
      errors: [404, 409, 422],
    })
      .params(RevisionParamsSchema)
      .body(RestoreNodeBodySchema)
      .handle(async ({ params, body, user, req }) => {
        if (user === undefined) throw unauthenticated();
        const from = await revisionOr404(params.number);
        const draft = await currentDraft(store);
        if (findNode(from.report, body.nodeId) === undefined)
          throw notFound(`修订 ${params.number} 中的这一项`);
        const commands = restoreNodeCommands(draft.report, from.report, body.nodeId);
        const ids = new Set([
          ...nodeIdsWithin(from.report, body.nodeId),
          ...nodeIdsWithin(draft.report, body.nodeId),
        ]);
        const names = await userNames(store);
        const laterChangesByOthers = (await store.revisionsSince(params.number))
          .filter((r) => r.author !== user.userId && r.touched.some((id) => ids.has(id)))
          .map((r) => {
            const meta = toMeta(r, names);
            return {
              number: r.number,
              authorName: meta.authorName,
              at: r.createdAt,
              summary: meta.summary,
            };
          });
        if (body.dryRun || commands.length === 0)
          return { body: { commands, laterChangesByOthers, applied: null } };
        const applied = await saveCommands(store, {
          baseRevision: body.baseRevision ?? draft.revision,
          commands,
          userId: user.userId,
          ip: req.ip ?? null,
        });
        return { body: { commands, laterChangesByOthers, applied } };
      }),
    route({
      method: 'get',
      path: '/api/revisions/:number',
      operationId: 'getRevision',
      summary: 'One revision with its commands and resulting report',
      tag: 'revisions',
      access: 'editor',
      responses: { 200: RevisionDetailSchema },
      errors: [404],
    })
      .params(RevisionParamsSchema)
      .handle(async ({ params }) => {
        const names = await userNames(store);
        const revision = await revisionOr404(params.number);
        return {
          body: {
            revision: toMeta(revision, names),
            commands: revision.commands,
            report: revision.report,
          },
        };
      }),
    route({
      method: 'post',
      path: '/api/revisions/:number/restore',
      operationId: 'restoreRevision',
      summary:
        'Make an older revision the draft again, as a new revision (a whole-draft restore: publisher or admin)',
      tag: 'revisions',
      access: 'publisher',
      responses: { 200: CommandResultSchema },
      errors: [404, 409],
    })
      .params(RevisionParamsSchema)
      .body(RestoreBodySchema)
      .handle(async ({ params, body, user, req }) => {
        if (user === undefined) throw unauthenticated();
        await revisionOr404(params.number);
        const result = await store.restoreRevision({
          revision: params.number,
          author: user.userId,
          baseRevision: body.baseRevision,
        });
        if (!result.ok) {
          if (result.reason === 'conflict') {
            throw new ApiError(409, 'conflict', '草稿已在您打开后被修改，请刷新后再恢复', {
              extra: { currentRevision: result.conflict.currentRevision, nodes: [] },
            });
          }
          throw new ApiError(422, result.error.code, result.error.message.zh);
        }
        await store.appendAudit({
          actor: user.userId,
          action: 'draft.restore',
          target: `revision:${params.number}`,
          details: { newRevision: result.revision.number },
          ip: req.ip ?? null,
        });
        return {
          body: {
            revision: result.revision.number,
            hash: result.draft.reportHash,
            touched: result.revision.touched,
            keys: result.revision.touched,
          },
        };
      }),
  ];
}
