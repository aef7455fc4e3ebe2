import { z } from 'zod';

/** The body of every error the admin API sends: a Chinese message, a code and per-field issues. */
export const ApiErrorBodySchema = z.looseObject({
  error: z.string(),
  code: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
});
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
