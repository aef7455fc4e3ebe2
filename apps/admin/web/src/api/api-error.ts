import type { z } from 'zod';
import { ErrorBodySchema } from '@leshan/http-kit';

/** The one error body of the API (`{ error, code, issues }`), with the fields some errors add (a conflict's nodes). */
export const ApiErrorBodySchema = ErrorBodySchema.loose();
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/**
 * What a failed request becomes. `status` 0 means the network failed (offline, server down):
 * callers treat that as "try again later", everything else as the server's answer.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body.error);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }

  get offline(): boolean {
    return this.status === 0;
  }
}

export function networkError(): ApiError {
  return new ApiError(0, { error: '无法连接服务器，请检查网络连接', code: 'network', issues: [] });
}

/** Whatever a request threw, as an ApiError: the client's own ApiError as it is, anything else (a bug) as a readable one. */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  return new ApiError(500, {
    error: '出现意外错误，请刷新页面后重试',
    code: 'internal',
    issues: [],
  });
}

/** Reads an error response; a body that is not the API's shape still becomes a readable error. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retry = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
  let raw: unknown;
  try {
    raw = await response.json();
  } catch (_error) {
    raw = null;
  }
  const parsed = ApiErrorBodySchema.safeParse(raw);
  if (parsed.success) return new ApiError(response.status, parsed.data, retryAfter);
  return new ApiError(
    response.status,
    { error: `服务器返回错误（HTTP ${response.status}），请稍后重试`, code: 'http', issues: [] },
    retryAfter,
  );
}
