import express, { Router } from 'express';
import type { Request } from 'express';
import { z } from 'zod';
import { findNode } from '@leshan/report-core';
import { quoteStart } from '@leshan/report-core/labels';
import {
  FeedbackContactSchema,
  FeedbackKindSchema,
  FeedbackTextSchema,
} from '@leshan/report-store/feedback';
import type { Edition } from '../../schemas.js';
import type { FeedbackErrors, FeedbackField, FeedbackFormValues } from '../../ui/feedback-form.js';
import { FeedbackForm, feedbackFieldName } from '../../ui/feedback-form.js';
import type { Lang } from '../../ui/i18n.js';
import { localPath } from '../../ui/i18n.js';
import { MessagePage } from '../../ui/pages/message-page.js';
import type { ServerDeps } from '../deps.js';
import { messageOutcome, notFoundOutcome } from './message-outcome.js';
import type { PageOutcome } from './page-handler.js';
import { makePageHandler } from './page-handler.js';

// Issue 19 point 5 (我要纠错): the form on a measure page posts here, without JavaScript and without
// a sign-in. The body is small (32 KB holds 2000 characters of percent-encoded Chinese), the
// store counts sends per address, and a post from another site is refused by its Origin (or
// Referer): the form carries no token, so measure pages stay cacheable.

const BODY_LIMIT = '32kb';

const RawFormSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

const FormSchema = z.object({
  kind: FeedbackKindSchema,
  text: FeedbackTextSchema,
  contact: FeedbackContactSchema.optional(),
});

const EditionFieldSchema = z.string().regex(/^\d{1,9}$/);

/** Whether the post came from a page of this site (Origin, or the Referer when there is none). */
export function fromThisSite(req: Request, siteUrl: string): boolean {
  const own = new Set([new URL(siteUrl).origin, `${req.protocol}://${req.get('host') ?? ''}`]);
  const origin = req.get('origin');
  if (origin !== undefined) return own.has(origin);
  const referer = req.get('referer');
  if (referer === undefined) return false;
  try {
    return own.has(new URL(referer).origin);
  } catch (_error) {
    return false;
  }
}

function firstValues(body: unknown): FeedbackFormValues & { edition: string; kindGiven: boolean } {
  const raw = RawFormSchema.safeParse(body ?? {});
  const get = (key: string): string => {
    const value = raw.success ? raw.data[key] : undefined;
    return (Array.isArray(value) ? value[0] : value) ?? '';
  };
  const kind = FeedbackKindSchema.safeParse(get('kind'));
  return {
    kind: kind.success ? kind.data : 'correction',
    kindGiven: kind.success,
    text: get('text'),
    contact: get('contact'),
    edition: get('edition'),
  };
}

/** Each field's problem in the citizen's words (the schemas' messages are for both languages). */
function fieldErrors(values: FeedbackFormValues, kindGiven: boolean, lang: Lang): FeedbackErrors {
  const pick = (zh: string, en: string): string => (lang === 'en' ? en : zh);
  const errors: FeedbackErrors = {};
  if (!kindGiven) errors.kind = pick('请选择一个类别', 'Choose a kind');
  const checks: [FeedbackField, z.ZodType, string, number][] = [
    ['text', FeedbackTextSchema, values.text, 2000],
    ['contact', FeedbackContactSchema, values.contact, 200],
  ];
  for (const [field, schema, value, max] of checks) {
    if (field === 'contact' && value.trim() === '') continue;
    const parsed = schema.safeParse(value);
    const issue = parsed.success ? undefined : parsed.error.issues[0];
    if (issue === undefined) continue;
    const length = value.trim().length;
    errors[field] =
      issue.code === 'too_big'
        ? pick(
            `不能超过 ${max} 字，现在是 ${length} 字`,
            `at most ${max} characters; it has ${length}`,
          )
        : issue.code === 'too_small'
          ? pick('请填写内容', 'Please write something')
          : pick(issue.message.replace(/ \(.*\)$/, ''), issue.message);
  }
  return errors;
}

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The form again, with what was typed and what is wrong (400, 429). */
function formAgain(
  lang: Lang,
  status: number,
  edition: Edition,
  measureId: string,
  lines: string[],
  values: FeedbackFormValues,
  errors: FeedbackErrors = {},
): PageOutcome {
  const title = lang === 'en' ? 'Not sent' : '未能提交';
  return {
    kind: 'page',
    status,
    content: {
      title,
      element: (
        <>
          <MessagePage title={title} lines={lines} />
          <p>
            <a href={localPath(lang, `/measures/${measureId}`)}>
              {lang === 'en' ? 'Back to the measure' : '返回举措页面'}
            </a>
          </p>
          <FeedbackForm
            measureId={measureId}
            editionNumber={edition.number}
            values={values}
            errors={errors}
          />
        </>
      ),
    },
  };
}

/** POST /measures/:id/feedback and its thank-you page, in one interface language. */
export function createFeedbackRouter(deps: ServerDeps, lang: Lang): Router {
  const router = Router();
  const page = makePageHandler(deps, lang);
  const pick = (zh: string, en: string): string => (lang === 'en' ? en : zh);
  const parse = express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 10 });

  router.post(
    '/measures/:id/feedback',
    (req, res, next) => {
      parse(req, res, (error?: unknown) => {
        res.locals.bodyRefused = error !== undefined;
        next();
      });
    },
    page(async ({ req, edition: latest }) => {
      const measureId = String(req.params.id);
      if (deps.source.sendFeedback === undefined)
        return messageOutcome(503, pick('暂不接收意见', 'Not accepting messages'), [
          pick(
            '本站点没有连接数据库，暂时无法接收纠错和进展线索，请通过页脚的联系方式告诉我们。',
            'This copy of the site has no database and cannot take messages; please use the contact in the footer.',
          ),
        ]);
      if (!fromThisSite(req, deps.siteUrl))
        return messageOutcome(403, pick('未能提交', 'Not sent'), [
          pick(
            '请从本站举措页面上的“我要纠错”表单提交。',
            'Please send it from the form on a measure page of this site.',
          ),
        ]);
      if (req.res?.locals.bodyRefused === true)
        return messageOutcome(413, pick('内容过长', 'Too long'), [
          pick(
            '提交的内容太长：意见内容请不超过 2000 字，联系方式不超过 200 字。',
            'What was sent is too long: at most 2000 characters of message and 200 of contact.',
          ),
        ]);
      const values = firstValues(req.body);
      const edition =
        values.edition === '' || !EditionFieldSchema.safeParse(values.edition).success
          ? latest
          : await deps.source.getEdition(values.edition);
      const found = edition === undefined ? undefined : findNode(edition.report, measureId);
      if (edition === undefined || found?.kind !== 'measure') return notFoundOutcome(lang);
      const form = FormSchema.safeParse({
        kind: values.kind,
        text: values.text,
        contact: values.contact.trim() === '' ? undefined : values.contact,
      });
      const errors = fieldErrors(values, values.kindGiven, lang);
      if (!form.success || Object.keys(errors).length > 0) {
        const named = (Object.keys(errors) as FeedbackField[])
          .map((f) => feedbackFieldName(f, lang))
          .join('、');
        return formAgain(
          lang,
          400,
          edition,
          measureId,
          [
            pick(
              `请修改${named}后再提交，您写的内容还在下面。`,
              `Please correct: ${named}. What you wrote is below.`,
            ),
          ],
          values,
          errors,
        );
      }
      const sent = await deps.source.sendFeedback({
        editionNumber: edition.number,
        nodeId: measureId,
        kind: form.data.kind,
        text: form.data.text,
        ...(form.data.contact === undefined ? {} : { contact: form.data.contact }),
        address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      });
      if (sent.ok) {
        return {
          kind: 'redirect',
          status: 303,
          location: localPath(lang, `/measures/${measureId}/feedback/sent`),
        };
      }
      if ('retryAt' in sent) {
        const at = Date.parse(sent.retryAt);
        const minutes = Math.max(1, Math.ceil((at - Date.now()) / 60_000));
        req.res?.setHeader('Retry-After', String(Math.max(1, Math.ceil((at - Date.now()) / 1000))));
        return formAgain(
          lang,
          429,
          edition,
          measureId,
          [
            pick(
              `同一网络地址 10 分钟内最多提交 5 次。请在北京时间 ${CHINA_TIME.format(at)}（约 ${minutes} 分钟后）再试，您写的内容还在下面。`,
              `At most 5 messages per 10 minutes from one address. Please try again in about ${minutes} minutes; what you wrote is below.`,
            ),
          ],
          values,
        );
      }
      return formAgain(
        lang,
        400,
        edition,
        measureId,
        [sent.error.message[lang === 'en' ? 'en' : 'zh']],
        values,
      );
    }),
  );

  router.get(
    '/measures/:id/feedback/sent',
    page(({ req, edition }) => {
      const measureId = String(req.params.id);
      const found = findNode(edition.report, measureId);
      if (found?.kind !== 'measure') return Promise.resolve(notFoundOutcome(lang));
      const title = pick('已收到，谢谢！', 'Received, thank you!');
      return Promise.resolve({
        kind: 'page',
        content: {
          title,
          element: (
            <>
              <MessagePage
                title={title}
                lines={[
                  pick(
                    `您对“${quoteStart(found.node.text, 24)}”的意见已交给编辑，核实后会更正或补充。您写的内容不会在网站上公开。`,
                    'Your message about this measure went to the editors, who will check it. It is never published on this site.',
                  ),
                ]}
              />
              <p>
                <a href={localPath(lang, `/measures/${measureId}`)}>
                  {pick('返回举措页面', 'Back to the measure')}
                </a>
              </p>
            </>
          ),
        },
      });
    }),
  );
  return router;
}
