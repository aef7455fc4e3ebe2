import { diffReports, summarizeDiff, validateReport } from '@leshan/report-core';
import type { EditionSummary } from '@leshan/report-store';
import type { EditionMeta } from '../api/editions.schemas.js';
import {
  EditionDetailSchema,
  EditionExportsSchema,
  EditionListSchema,
  EditionParamsSchema,
  PublishBodySchema,
  PublishChecklistSchema,
} from '../api/editions.schemas.js';
import { z } from 'zod';
import type { AdminDeps } from '../deps.js';
import { nameOf, userNames } from '../deps.js';
import { ApiError, issuesAt, notFound } from '@leshan/http-kit';
import { route, unauthenticated } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';
import { currentDraft } from './draft.routes.js';

const toMeta = (e: EditionSummary, names: Map<string, string>): EditionMeta => ({
  id: e.id,
  number: e.number,
  hash: e.contentHash,
  publishedAt: e.publishedAt,
  publishedBy: nameOf(names, e.publishedBy),
  fromRevision: e.draftRevision,
  changeSummary: e.changeSummary,
});

export function editionRoutes({ store, config }: AdminDeps): AdminRoute[] {
  const editionOr404 = async (id: string) => {
    const edition = await store.getEdition(id);
    if (edition === null) throw notFound(`版本 ${id}`);
    return edition;
  };
  return [
    route({
      method: 'get',
      path: '/api/publish/checklist',
      operationId: 'getPublishChecklist',
      summary:
        'What a publisher checks: validation, open editorial questions, changes since the latest edition',
      tag: 'editions',
      access: 'publisher',
      responses: { 200: PublishChecklistSchema },
    }).handle(async () => {
      const [draft, latest, names] = await Promise.all([
        currentDraft(store),
        store.latestEdition(),
        userNames(store),
      ]);
      const validation = validateReport(draft.report);
      return {
        body: {
          revision: draft.revision,
          valid: validation.ok,
          issues: validation.ok ? [] : validation.issues,
          openNotes: draft.report.notes.filter((n) => n.status === 'open'),
          changeSummary:
            latest === null ? null : summarizeDiff(diffReports(latest.report, draft.report)),
          latestEdition: latest === null ? null : toMeta(latest, names),
        },
      };
    }),
    route({
      method: 'post',
      path: '/api/editions',
      operationId: 'publishEdition',
      summary: 'Publish the draft as a new immutable edition and queue its exports',
      tag: 'editions',
      access: 'publisher',
      responses: { 201: z.object({ edition: EditionListSchema.shape.editions.element }) },
      errors: [409, 422],
    })
      .body(PublishBodySchema)
      .handle(async ({ body, user, req }) => {
        if (user === undefined) throw unauthenticated();
        const draft = await currentDraft(store);
        if (draft.revision !== body.baseRevision) {
          throw new ApiError(
            409,
            'conflict',
            `草稿已更新到第 ${draft.revision} 版，请重新检查后再发布`,
            { extra: { currentRevision: draft.revision, nodes: [] } },
          );
        }
        const validation = validateReport(draft.report);
        if (!validation.ok)
          throw new ApiError(422, 'invalid-report', '草稿未通过校验，不能发布', {
            issues: issuesAt(validation.issues, 'report'),
          });
        // Issue 12: the export jobs are queued in the publishing transaction.
        const published = await store.publishDraft({
          publishedBy: user.userId,
          revision: draft.revision,
          exportFormats: config.exportFormats,
        });
        if (!published.ok) {
          const status =
            published.error.code === 'conflict' || published.error.code === 'bad-base-revision'
              ? 409
              : 422;
          throw new ApiError(status, published.error.code, published.error.message.zh, {
            issues: issuesAt(published.error.issues ?? [], ''),
          });
        }
        const edition = published.edition;
        await store.appendAudit({
          actor: user.userId,
          action: 'edition.publish',
          target: edition.id,
          details: {
            number: edition.number,
            hash: edition.contentHash,
            revision: draft.revision,
            exports: config.exportFormats.length,
          },
          ip: req.ip ?? null,
        });
        return { status: 201, body: { edition: toMeta(edition, await userNames(store)) } };
      }),
    route({
      method: 'get',
      path: '/api/editions',
      operationId: 'listEditions',
      summary: 'Published editions with their change summaries, newest first',
      tag: 'editions',
      access: 'editor',
      responses: { 200: EditionListSchema },
    }).handle(async () => {
      const names = await userNames(store);
      const list = await store.listEditions();
      return {
        body: { editions: list.map((e) => toMeta(e, names)).sort((a, b) => b.number - a.number) },
      };
    }),
    route({
      method: 'get',
      path: '/api/editions/:id',
      operationId: 'getEdition',
      summary: 'One edition (by id or content hash) with its report',
      tag: 'editions',
      access: 'editor',
      responses: { 200: EditionDetailSchema },
      errors: [404],
    })
      .params(EditionParamsSchema)
      .handle(async ({ params }) => {
        const edition = await editionOr404(params.id);
        return {
          body: { edition: toMeta(edition, await userNames(store)), report: edition.report },
        };
      }),
    route({
      method: 'get',
      path: '/api/editions/:id/exports',
      operationId: 'listEditionExports',
      summary: 'The export jobs of an edition and the files they produced',
      tag: 'editions',
      access: 'editor',
      responses: { 200: EditionExportsSchema },
      errors: [404],
    })
      .params(EditionParamsSchema)
      .handle(async ({ params }) => {
        const edition = await editionOr404(params.id);
        const [jobs, artifacts] = await Promise.all([
          store.listExportJobs(edition.id),
          store.listArtifacts(edition.id),
        ]);
        const base = config.viewerUrl.replace(/\/$/, '');
        return {
          body: {
            jobs: jobs.map((j) => ({
              id: j.id,
              editionId: j.editionId,
              format: j.format,
              state: j.status,
              attempts: j.attempts,
              maxAttempts: j.maxAttempts,
              error: j.lastError,
              updatedAt: j.updatedAt,
            })),
            artifacts: artifacts.map((a) => ({
              id: a.id,
              editionId: a.editionId,
              format: a.format,
              fileName: a.fileName,
              mediaType: a.mediaType,
              size: a.size,
              sha256: a.sha256,
              createdAt: a.createdAt,
              url: `${base}/api/v1/editions/${encodeURIComponent(edition.id)}/files/${encodeURIComponent(a.fileName)}`,
            })),
          },
        };
      }),
  ];
}
