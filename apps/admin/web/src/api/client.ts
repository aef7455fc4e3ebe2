import type { z } from 'zod';
import { ApiError, errorFromResponse, networkError } from './api-error.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A JSON client for the admin API: sends the session cookie and, on every state-changing
 * request, the CSRF token; checks every answer against the contract schema.
 */
export class ApiClient {
  private csrfToken: string | null = null;

  constructor(
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  async request<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken !== null) headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (_error) {
      throw networkError();
    }
    if (!response.ok) throw await errorFromResponse(response);
    let raw: unknown;
    try {
      raw = await response.json();
    } catch (_error) {
      throw new ApiError(response.status, {
        error: '服务器的回应不是有效的 JSON',
        code: 'bad-response',
        issues: [],
      });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new ApiError(response.status, {
        error: '服务器的回应不符合约定格式，请刷新页面',
        code: 'bad-response',
        issues: [],
      });
    }
    return parsed.data;
  }

  get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    return this.request('GET', path, schema);
  }

  post<S extends z.ZodType>(path: string, schema: S, body: unknown): Promise<z.infer<S>> {
    return this.request('POST', path, schema, body);
  }

  patch<S extends z.ZodType>(path: string, schema: S, body: unknown): Promise<z.infer<S>> {
    return this.request('PATCH', path, schema, body);
  }

  put<S extends z.ZodType>(path: string, schema: S, body: unknown): Promise<z.infer<S>> {
    return this.request('PUT', path, schema, body);
  }

  delete<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    return this.request('DELETE', path, schema);
  }
}

/** `?a=1&b=x` from the defined values only. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
