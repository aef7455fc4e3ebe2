import { diffReports, summarizeDiff } from '@leshan/report-core';
import type { RevisionSummary } from '@leshan/report-store';
import type { RevisionMeta } from '../api/revisions.schemas.js';
import {
  DiffQuerySchema,
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
import type { AdminRoute } from '../http/route.js';

const toMeta = (r: RevisionSummary, names: Map<string, string>): RevisionMeta => ({
  number: r.number,
  first: r.number,
  author: r.author,
  authorName: nameOf(names, r.author),
  at: r.createdAt,
  createdAt: r.createdAt,
  hash: r.reportHash,
  kind: r.kind,
  summary: [],
  commandCount: r.commands.length,
  nodeIds: r.touched,
  keys: r.touched,
  touched: r.touched,
});

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
        const list = await store.listRevisions({
          limit: query.limit,
          ...(query.before === undefined ? {} : { before: query.before }),
        });
        return { body: { revisions: list.map((r) => toMeta(r, names)), nextBefore: null } };
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
