import { describeNode, findNode } from '@leshan/report-core';
import type { Feedback, FeedbackResult, Store } from '@leshan/report-store';
import { ApiError, notFound } from '@leshan/http-kit';
import type { AdminDeps } from '../deps.js';
import { nameOf, userNames } from '../deps.js';
import { route, signedIn } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';
import {
  AnswerBodySchema,
  DismissBodySchema,
  FeedbackBodySchema,
  FeedbackListQuerySchema,
  FeedbackListSchema,
  FeedbackParamsSchema,
} from '../api/feedback.schemas.js';
import type { FeedbackView } from '../api/feedback.schemas.js';

// Issue 19 point 5 (我要纠错): citizens' corrections and progress tips, sent from the viewer, and
// the editors' answers. Nothing here is ever published.

async function views(store: Store, list: Feedback[]): Promise<FeedbackView[]> {
  const names = await userNames(store);
  const draft = await store.getDraft();
  return list.map((f) => ({
    ...f,
    measureWords: draft === null ? f.nodeId : describeNode(draft.report, f.nodeId),
    measureInDraft: draft !== null && findNode(draft.report, f.nodeId)?.kind === 'measure',
    answeredBy: nameOf(names, f.answeredBy),
  }));
}

async function answered(store: Store, result: FeedbackResult): Promise<{ feedback: FeedbackView }> {
  if (!result.ok) {
    if (result.error.code === 'not-found') throw notFound('这条反馈');
    if (result.error.code === 'invalid-input')
      throw new ApiError(422, 'invalid-input', result.error.message.zh, {
        issues: (result.error.issues ?? []).map((i) => ({ path: 'answer', message: i.message.zh })),
      });
    throw new ApiError(409, result.error.code, result.error.message.zh);
  }
  const [view] = await views(store, [result.feedback]);
  if (view === undefined) throw new Error('unreachable');
  return { feedback: view };
}

export function feedbackRoutes({ store }: AdminDeps): AdminRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/feedback',
      operationId: 'listFeedback',
      summary: 'Citizens’ corrections and progress tips, newest first (open by default)',
      tag: 'feedback',
      access: 'editor',
      responses: { 200: FeedbackListSchema },
    })
      .query(FeedbackListQuerySchema)
      .handle(async ({ query }) => ({
        body: {
          feedback: await views(
            store,
            await store.listFeedback({ status: query.status ?? 'open' }),
          ),
        },
      })),
    route({
      method: 'post',
      path: '/api/feedback/:id/answer',
      operationId: 'answerFeedback',
      summary: 'Record an editor’s answer to open feedback',
      tag: 'feedback',
      access: 'editor',
      responses: { 200: FeedbackBodySchema },
      errors: [404, 409, 422],
    })
      .params(FeedbackParamsSchema)
      .body(AnswerBodySchema)
      .handle(async ({ user, params, body, req }) => ({
        body: await answered(
          store,
          await store.answerFeedback({
            id: params.id,
            editorId: signedIn(user).userId,
            text: body.answer,
            ip: req.ip ?? null,
          }),
        ),
      })),
    route({
      method: 'post',
      path: '/api/feedback/:id/dismiss',
      operationId: 'dismissFeedback',
      summary: 'Close open feedback without an answer (an optional reason)',
      tag: 'feedback',
      access: 'editor',
      responses: { 200: FeedbackBodySchema },
      errors: [404, 409, 422],
    })
      .params(FeedbackParamsSchema)
      .body(DismissBodySchema)
      .handle(async ({ user, params, body, req }) => ({
        body: await answered(
          store,
          await store.dismissFeedback({
            id: params.id,
            editorId: signedIn(user).userId,
            text: body.reason,
            ip: req.ip ?? null,
          }),
        ),
      })),
  ];
}
