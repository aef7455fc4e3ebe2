import type { z } from 'zod';
import { toValidationIssues } from '@leshan/report-core';
import type { ValidationIssue } from '@leshan/report-core';
import { ERROR_CODES } from './error-body.js';
import type { ErrorBody, ErrorIssue } from './error-body.js';

export interface ApiErrorDetails {
  issues?: readonly ErrorIssue[];
  /** Fields the body carries besides error, code and issues (a conflict's current revision). */
  extra?: Readonly<Record<string, unknown>>;
  /** What was thrown, for the log; never sent. */
  cause?: unknown;
}

/** An error with an HTTP status, a code and a Chinese message, safe to show to the caller as is. */
export class ApiError extends Error {
  readonly issues: readonly ErrorIssue[];
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    details: ApiErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? {} : { cause: details.cause });
    this.name = 'ApiError';
    this.issues = details.issues ?? [];
    this.extra = details.extra ?? {};
  }

  toBody(): ErrorBody & Record<string, unknown> {
    return { ...this.extra, error: this.message, code: this.code, issues: [...this.issues] };
  }
}

export type InputPart = 'body' | 'query' | 'params';
const PART_LABEL: Record<InputPart, string> = {
  body: '请求内容',
  query: '查询参数',
  params: '路径参数',
};

/** Report-core's Chinese issues, each path prefixed with where it was found (`body.email`). */
export function issuesAt(issues: readonly ValidationIssue[], prefix: string): ErrorIssue[] {
  return issues.map((i) => ({
    path: [prefix, i.path].filter((p) => p !== '').join('.'),
    message: i.message.zh,
  }));
}

/** A failed parse of one part of the request: 400 with one issue per offending field. */
export function invalidInput(where: InputPart, error: z.ZodError): ApiError {
  return new ApiError(
    400,
    ERROR_CODES.invalidInput,
    `${PART_LABEL[where]}不符合要求，请按提示修改后重试`,
    { issues: issuesAt(toValidationIssues(error.issues), where) },
  );
}

export const notFound = (what: string): ApiError =>
  new ApiError(404, ERROR_CODES.notFound, `未找到${what}`);

const JSON_PARSER_FAILURES = new Set([
  'entity.parse.failed',
  'charset.unsupported',
  'encoding.unsupported',
]);

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
const typeOf = (value: unknown): unknown =>
  isObject(value) && 'type' in value ? value.type : undefined;
const statusOf = (value: unknown): unknown =>
  isObject(value) && 'status' in value
    ? value.status
    : isObject(value) && 'statusCode' in value
      ? value.statusCode
      : undefined;

/**
 * Whatever was thrown, as the error the caller gets: an ApiError as it is; a refusal of the JSON
 * body parser (or any error carrying a 4xx `status`) as that status with a Chinese message; anything
 * else as a 500 that says nothing about the internals (the thrown value is kept as `cause`).
 */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  const type = typeOf(thrown);
  if (type === 'entity.too.large')
    return new ApiError(413, ERROR_CODES.payloadTooLarge, '请求内容过大', { cause: thrown });
  if (typeof type === 'string' && JSON_PARSER_FAILURES.has(type))
    return new ApiError(
      400,
      ERROR_CODES.malformedJson,
      '请求内容不是有效的 JSON，请检查格式（UTF-8 编码）',
      { cause: thrown },
    );
  const status = statusOf(thrown);
  if (typeof status === 'number' && Number.isInteger(status) && status >= 400 && status < 500) {
    return status === 404
      ? new ApiError(404, ERROR_CODES.notFound, '未找到', { cause: thrown })
      : new ApiError(status, ERROR_CODES.badRequest, '请求无效', { cause: thrown });
  }
  return new ApiError(500, ERROR_CODES.internal, '服务器内部错误，请稍后重试', { cause: thrown });
}
