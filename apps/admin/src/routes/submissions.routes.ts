import {
  applyCommands,
  createNodeId,
  describeChange,
  findNode,
  measureBelongsTo,
  measuresOfDepartments,
} from '@leshan/report-core';
import type { Command, Measure, Report } from '@leshan/report-core';
import type { Store, Submission } from '@leshan/report-store';
import { ApiError, notFound } from '@leshan/http-kit';
import type { AdminDeps } from '../deps.js';
import { nameOf, userNames } from '../deps.js';
import { route, signedIn } from '../http/route.js';
import type { AdminRoute, Principal } from '../http/route.js';
import {
  MeasureParamsSchema,
  ReporterMeasureSchema,
  ReporterMeasuresSchema,
  ReturnBodySchema,
  SubmissionBodySchema,
  SubmissionListSchema,
  SubmissionParamsSchema,
  SubmissionQuerySchema,
  SubmitBodySchema,
  UserDepartmentsBodySchema,
  UserDepartmentsSchema,
} from '../api/submissions.schemas.js';
import type { SubmissionView, SubmitBody } from '../api/submissions.schemas.js';
import { currentDraft } from './draft.routes.js';
import { liveFor } from '../live/draft-live.js';

const outsideDepartments = (): ApiError =>
  new ApiError(403, 'not-your-department', '这项举措不属于您所在的部门，不能查看或报送');

/** The measure if one of the caller's departments answers for it; 404 if absent, 403 if not theirs. */
async function ownMeasure(
  store: Store,
  user: Principal,
  report: Report,
  measureId: string,
): Promise<Measure> {
  const found = findNode(report, measureId);
  if (found?.kind !== 'measure') throw notFound('该举措');
  const measure = found.node;
  if (!measureBelongsTo(measure, await store.getUserDepartments(user.userId))) {
    throw outsideDepartments();
  }
  return measure;
}

function commandOf(body: SubmitBody, measure: Measure): Command {
  if (body.kind === 'progress') {
    return {
      type: 'progress.add',
      measureId: measure.id,
      update: { id: createNodeId('u'), ...body.update },
    };
  }
  if (!measure.indicators.some((i) => i.id === body.indicatorId))
    throw new ApiError(422, 'not-a-target', '该目标不属于这项举措', {
      issues: [{ path: 'indicatorId', message: '该目标不属于这项举措' }],
    });
  return {
    type: 'observation.add',
    indicatorId: body.indicatorId,
    observation: { id: createNodeId('obs'), ...body.observation },
  };
}

function summaryOf(s: Submission): string {
  return s.commands
    .map((c) => {
      if (c.type === 'progress.add') return `进展：${c.update.note ?? ''}`.trim();
      if (c.type === 'observation.add') {
        const o = c.observation;
        return `实际值 ${o.value}（截至 ${o.date}，来源：${o.source.title}）`;
      }
      return c.type;
    })
    .join('；');
}

async function views(store: Store, list: Submission[]): Promise<SubmissionView[]> {
  const names = await userNames(store);
  const draft = await store.getDraft();
  return list.map((s) => {
    const found = draft === null ? undefined : findNode(draft.report, s.measureId);
    return {
      id: s.id,
      measureId: s.measureId,
      measureText: found?.kind === 'measure' ? found.node.text : null,
      kind: s.kind,
      commands: s.commands,
      status: s.status,
      reporterId: s.reporterId,
      reporter: nameOf(names, s.reporterId),
      reviewer: nameOf(names, s.reviewerId),
      comment: s.comment,
      createdAt: s.createdAt,
      decidedAt: s.decidedAt,
      revision: s.revision,
      summary: summaryOf(s),
    };
  });
}

async function viewOf(store: Store, s: Submission): Promise<SubmissionView> {
  const [view] = await views(store, [s]);
  if (view === undefined) throw new Error('unreachable');
  return view;
}

/** An editor's decision on a submission: POST /api/submissions/:id/approve or …/return. */
function decisionRoute(
  action: 'approve' | 'return',
  doc: { operationId: string; summary: string; errors: (404 | 409 | 422)[] },
) {
  return route({
    method: 'post',
    path: `/api/submissions/:id/${action}`,
    ...doc,
    tag: 'reporting',
    access: 'editor',
    responses: { 200: SubmissionBodySchema },
  }).params(SubmissionParamsSchema);
}

/** A decision's answer: the submission as it now is; 404 when there is none, 409 when already decided. */
async function decided(
  store: Store,
  result:
    | { ok: true; submission: Submission }
    | { ok: false; error: { code: string; message: { zh: string } } },
): Promise<{ body: { submission: SubmissionView } }> {
  if (result.ok) return { body: { submission: await viewOf(store, result.submission) } };
  if (result.error.code === 'not-found') throw notFound('这条提交');
  throw new ApiError(409, result.error.code, result.error.message.zh);
}

export function submissionRoutes({ store }: AdminDeps): AdminRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/reporter/measures',
      operationId: 'listReporterMeasures',
      summary: 'The measures the caller’s departments lead or share, with targets and tracking',
      tag: 'reporting',
      access: 'reporter',
      responses: { 200: ReporterMeasuresSchema },
    }).handle(async ({ user }) => {
      const me = signedIn(user);
      const draft = await currentDraft(store);
      const ids = await store.getUserDepartments(me.userId);
      const departments = (draft.report.departments ?? []).filter((d) => ids.includes(d.id));
      return { body: { departments, measures: measuresOfDepartments(draft.report, ids) } };
    }),
    route({
      method: 'get',
      path: '/api/reporter/measures/:id',
      operationId: 'getReporterMeasure',
      summary: 'One measure of the caller’s departments (403 for any other)',
      tag: 'reporting',
      access: 'reporter',
      responses: { 200: ReporterMeasureSchema },
      errors: [404],
    })
      .params(MeasureParamsSchema)
      .handle(async ({ user, params }) => {
        const draft = await currentDraft(store);
        return {
          body: { measure: await ownMeasure(store, signedIn(user), draft.report, params.id) },
        };
      }),
    route({
      method: 'post',
      path: '/api/reporter/submissions',
      operationId: 'createSubmission',
      summary: 'Send a progress update or an actual value of one’s own measure for review',
      tag: 'reporting',
      access: 'reporter',
      responses: { 201: SubmissionBodySchema },
      errors: [404, 422],
    })
      .body(SubmitBodySchema)
      .handle(async ({ user, body, req }) => {
        const me = signedIn(user);
        const draft = await currentDraft(store);
        const measure = await ownMeasure(store, me, draft.report, body.measureId);
        const command = commandOf(body, measure);
        // Checked now against the draft, so a reporter hears of a bad value at once.
        const dry = applyCommands(draft.report, [command]);
        if (!dry.ok) throw new ApiError(422, dry.error.code, dry.error.message.zh);
        const created = await store.createSubmission({
          reporterId: me.userId,
          measureId: measure.id,
          kind: body.kind,
          commands: [command],
          ip: req.ip ?? null,
        });
        if (!created.ok) throw new ApiError(422, created.error.code, created.error.message.zh);
        return { status: 201, body: { submission: await viewOf(store, created.submission) } };
      }),
    route({
      method: 'get',
      path: '/api/reporter/submissions',
      operationId: 'listOwnSubmissions',
      summary: 'The caller’s own submissions, newest first, with status and the reviewer’s comment',
      tag: 'reporting',
      access: 'reporter',
      responses: { 200: SubmissionListSchema },
    }).handle(async ({ user }) => ({
      body: {
        submissions: await views(
          store,
          await store.listSubmissions({ reporterId: signedIn(user).userId }),
        ),
      },
    })),
    route({
      method: 'get',
      path: '/api/submissions',
      operationId: 'listSubmissions',
      summary: 'The review queue (pending by default), newest first',
      tag: 'reporting',
      access: 'editor',
      responses: { 200: SubmissionListSchema },
    })
      .query(SubmissionQuerySchema)
      .handle(async ({ query }) => ({
        body: {
          submissions: await views(
            store,
            await store.listSubmissions({ status: query.status ?? 'pending' }),
          ),
        },
      })),
    decisionRoute('approve', {
      operationId: 'approveSubmission',
      summary:
        'Apply a submission to the draft as a revision authored by its reporter (409 if already decided)',
      errors: [404, 409, 422],
    }).handle(async ({ user, params, req }) => {
      const result = await store.approveSubmission({
        id: params.id,
        reviewerId: signedIn(user).userId,
        ip: req.ip ?? null,
        apply: (current, commands) => {
          const applied = applyCommands(current, commands);
          return applied.ok ? applied : { ok: false as const, error: applied.error };
        },
        describe: describeChange,
      });
      if (result.ok) liveFor(store).nudge();
      if (!result.ok && result.reason === 'rejected')
        throw new ApiError(
          422,
          result.error.code,
          `这条提交不能应用到当前草稿：${result.error.message.zh}。请退回并说明原因`,
        );
      return decided(store, result);
    }),
    decisionRoute('return', {
      operationId: 'returnSubmission',
      summary: 'Send a submission back to its reporter with a comment',
      errors: [404, 409],
    })
      .body(ReturnBodySchema)
      .handle(async ({ user, params, body, req }) =>
        decided(
          store,
          await store.returnSubmission({
            id: params.id,
            reviewerId: signedIn(user).userId,
            comment: body.comment,
            ip: req.ip ?? null,
          }),
        ),
      ),
    route({
      method: 'put',
      path: '/api/users/:id/departments',
      operationId: 'setUserDepartments',
      summary: 'The departments a reporter reports for (ids of the draft’s departments)',
      tag: 'users',
      access: 'admin',
      responses: { 200: UserDepartmentsSchema },
      errors: [404, 422],
    })
      .params(SubmissionParamsSchema)
      .body(UserDepartmentsBodySchema)
      .handle(async ({ user, params, body, req }) => {
        const draft = await currentDraft(store);
        const known = new Set((draft.report.departments ?? []).map((d) => d.id));
        const unknown = body.departments.filter((d) => !known.has(d));
        if (unknown.length > 0)
          throw new ApiError(422, 'unknown-department', `没有这些部门：${unknown.join('、')}`, {
            issues: unknown.map((d) => ({ path: 'departments', message: `没有部门 ${d}` })),
          });
        const set = await store.setUserDepartments(params.id, body.departments);
        if (!set.ok) {
          if (set.error.code === 'not-found') throw notFound('该用户');
          throw new ApiError(422, set.error.code, set.error.message.zh);
        }
        await store.appendAudit({
          actor: signedIn(user).userId,
          action: 'user.departments',
          target: params.id,
          details: { departments: set.departments },
          ip: req.ip ?? null,
        });
        return { body: { userId: params.id, departments: set.departments } };
      }),
  ];
}
