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
import { HttpError, issuesToHttp, notFound } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import type { RouteSpec } from '../http/route.js';
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

export function editionRoutes({ store, config }: AdminDeps): RouteSpec[] {
  const editionOr404 = async (id: string) => {
    const edition = await store.getEdition(id);
    if (edition === null) throw notFound(`版本 ${id}`);
    return edition;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/publish/checklist',
      summary:
        'What a publisher checks: validation, open editorial questions, changes since the latest edition',
      tag: 'editions',
      access: 'publisher',
      responses: { 200: PublishChecklistSchema },
      handler: async () => {
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
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/editions',
      summary: 'Publish the draft as a new immutable edition and queue its exports',
      tag: 'editions',
      access: 'publisher',
      body: PublishBodySchema,
      responses: { 201: z.object({ edition: EditionListSchema.shape.editions.element }) },
      errors: [409, 422],
      handler: async ({ body, user, req }) => {
        if (user === undefined) throw new HttpError(401, 'unauthenticated', '请先登录');
        const draft = await currentDraft(store);
        if (draft.revision !== body.baseRevision) {
          throw new HttpError(
            409,
            'conflict',
            `草稿已更新到第 ${draft.revision} 版，请重新检查后再发布`,
            [],
            { currentRevision: draft.revision, nodes: [] },
          );
        }
        const validation = validateReport(draft.report);
        if (!validation.ok)
          throw new HttpError(
            422,
            'invalid-report',
            '草稿未通过校验，不能发布',
            issuesToHttp(validation.issues, 'report'),
          );
        const published = await store.publishDraft({
          publishedBy: user.userId,
          revision: draft.revision,
        });
        if (!published.ok) {
          const status =
            published.error.code === 'conflict' || published.error.code === 'bad-base-revision'
              ? 409
              : 422;
          throw new HttpError(
            status,
            published.error.code,
            published.error.message.zh,
            (published.error.issues ?? []).map((i) => ({ path: i.path, message: i.message.zh })),
          );
        }
        const edition = published.edition;
        const queued = await store.enqueueExportJobs(edition.id, config.exportFormats);
        await store.appendAudit({
          actor: user.userId,
          action: 'edition.publish',
          target: edition.id,
          details: {
            number: edition.number,
            hash: edition.contentHash,
            revision: draft.revision,
            exports: queued.ok ? queued.jobs.length : 0,
          },
          ip: req.ip ?? null,
        });
        return { status: 201, body: { edition: toMeta(edition, await userNames(store)) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/editions',
      summary: 'Published editions with their change summaries, newest first',
      tag: 'editions',
      access: 'editor',
      responses: { 200: EditionListSchema },
      handler: async () => {
        const names = await userNames(store);
        const list = await store.listEditions();
        return {
          body: { editions: list.map((e) => toMeta(e, names)).sort((a, b) => b.number - a.number) },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/editions/:id',
      summary: 'One edition (by id or content hash) with its report',
      tag: 'editions',
      access: 'editor',
      params: EditionParamsSchema,
      responses: { 200: EditionDetailSchema },
      errors: [404],
      handler: async ({ params }) => {
        const edition = await editionOr404(params.id);
        return {
          body: { edition: toMeta(edition, await userNames(store)), report: edition.report },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/editions/:id/exports',
      summary: 'The export jobs of an edition and the files they produced',
      tag: 'editions',
      access: 'editor',
      params: EditionParamsSchema,
      responses: { 200: EditionExportsSchema },
      errors: [404],
      handler: async ({ params }) => {
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
      },
    }),
  ];
}
