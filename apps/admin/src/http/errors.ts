import { z } from 'zod';
import { toValidationIssues } from '@leshan/report-core';
import type { ValidationIssue } from '@leshan/report-core';

export const ErrorBodySchema = z
  .object({
    error: z.string().describe('What went wrong, in Chinese.'),
    code: z.string().describe('Stable machine-readable code.'),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .describe('One entry per offending field: where, and what to do, in Chinese.'),
  })
  .describe('Every error the API returns.');
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** An error with an HTTP status and a Chinese message, safe to show to the user as is. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): ErrorBody & Record<string, unknown> {
    return { error: this.message, code: this.code, issues: this.issues, ...this.extra };
  }
}

export function issuesToHttp(
  issues: readonly ValidationIssue[],
  prefix: string,
): { path: string; message: string }[] {
  return issues.map((i) => ({
    path: [prefix, i.path].filter((p) => p !== '').join('.'),
    message: i.message.zh,
  }));
}

export function invalidInput(where: 'body' | 'query' | 'params', error: z.ZodError): HttpError {
  const label = { body: '请求内容', query: '查询参数', params: '路径参数' }[where];
  return new HttpError(
    400,
    'invalid-input',
    `${label}不符合要求，请按提示修改后重试`,
    issuesToHttp(toValidationIssues(error.issues), where),
  );
}

export const notFound = (what: string): HttpError =>
  new HttpError(404, 'not-found', `未找到${what}`);
export const forbidden = (): HttpError => new HttpError(403, 'forbidden', '您的角色无权执行此操作');
export const unauthenticated = (): HttpError => new HttpError(401, 'unauthenticated', '请先登录');
