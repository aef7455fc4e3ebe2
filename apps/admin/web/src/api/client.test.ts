import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiClient } from './client.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('ApiClient', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    const fetchImpl = vi.fn((_url: string | URL | Request, _init?: RequestInit) =>
      Promise.resolve(json(200, { ok: true })),
    );
    const client = new ApiClient('', fetchImpl);
    client.setCsrfToken('t0k3n');
    await client.get('/api/draft', z.object({ ok: z.boolean() }));
    await client.post('/api/draft/commands', z.object({ ok: z.boolean() }), { a: 1 });
    const headers = (call: number) =>
      (fetchImpl.mock.calls[call]?.[1]?.headers ?? {}) as Record<string, string>;
    expect(headers(0)['X-CSRF-Token']).toBeUndefined();
    expect(headers(1)['X-CSRF-Token']).toBe('t0k3n');
    expect(headers(1)['Content-Type']).toBe('application/json');
  });

  it('turns an error body into an ApiError with the Chinese message, code and Retry-After', async () => {
    const client = new ApiClient('', () =>
      Promise.resolve(
        json(
          429,
          { error: '登录尝试过多', code: 'rate-limited', issues: [] },
          { 'retry-after': '120' },
        ),
      ),
    );
    await expect(client.post('/api/session', z.object({}), {})).rejects.toMatchObject({
      status: 429,
      code: 'rate-limited',
      message: '登录尝试过多',
      retryAfterSeconds: 120,
    });
  });

  it('keeps the fields a conflict adds, and reads a body of another shape as a plain HTTP error', async () => {
    const conflict = { error: '冲突', code: 'conflict', issues: [], currentRevision: 7 };
    const client = new ApiClient('', () => Promise.resolve(json(409, conflict)));
    await expect(client.get('/api/draft', z.object({}))).rejects.toMatchObject({
      status: 409,
      body: conflict,
    });
    const other = new ApiClient('', () => Promise.resolve(json(502, { message: 'Bad gateway' })));
    await expect(other.get('/api/draft', z.object({}))).rejects.toMatchObject({
      status: 502,
      code: 'http',
    });
  });

  it('reports a failed fetch as offline (status 0)', async () => {
    const client = new ApiClient('', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client.get('/api/draft', z.object({}))).rejects.toMatchObject({
      status: 0,
      offline: true,
    });
  });

  it('refuses an answer that breaks the contract schema', async () => {
    const client = new ApiClient('', () => Promise.resolve(json(200, { revision: 'x' })));
    await expect(client.get('/api/draft', z.object({ revision: z.int() }))).rejects.toMatchObject({
      code: 'bad-response',
    });
  });
});
