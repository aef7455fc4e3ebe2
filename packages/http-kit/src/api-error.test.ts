import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, invalidInput, toApiError } from './api-error.js';
import { ErrorBodySchema } from './error-body.js';

describe('toApiError', () => {
  it('keeps an ApiError as it is', () => {
    const error = new ApiError(409, 'conflict', '冲突', { extra: { currentRevision: 3 } });
    expect(toApiError(error)).toBe(error);
  });

  it('turns the JSON body parser’s refusals into 413 and 400 with their own codes', () => {
    expect(toApiError({ type: 'entity.too.large', status: 413 })).toMatchObject({
      status: 413,
      code: 'payload-too-large',
    });
    for (const type of ['entity.parse.failed', 'charset.unsupported', 'encoding.unsupported'])
      expect(toApiError({ type, status: 400 })).toMatchObject({
        status: 400,
        code: 'malformed-json',
      });
  });

  it('keeps the 4xx status of any other error and hides what it said', () => {
    const uriError = Object.assign(new URIError('URI malformed at /%E0'), { status: 400 });
    expect(toApiError(uriError)).toMatchObject({
      status: 400,
      code: 'bad-request',
      message: '请求无效',
    });
    expect(toApiError({ statusCode: 404 })).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('answers 500 internal for everything else, keeping what was thrown as the cause', () => {
    for (const thrown of [new Error('db down'), 'a string', null, undefined, { status: 503 }]) {
      const error = toApiError(thrown);
      expect(error).toMatchObject({ status: 500, code: 'internal' });
      expect(error.message).not.toContain('db down');
      expect(error.cause).toBe(thrown);
    }
  });
});

describe('the error body', () => {
  it('is { error, code, issues } plus the extra fields, and passes its own schema', () => {
    const body = new ApiError(409, 'conflict', '您修改的内容已被改动', {
      issues: [{ path: 'm1', message: '该节点已被他人修改' }],
      extra: { currentRevision: 4 },
    }).toBody();
    expect(body).toEqual({
      error: '您修改的内容已被改动',
      code: 'conflict',
      issues: [{ path: 'm1', message: '该节点已被他人修改' }],
      currentRevision: 4,
    });
    expect(ErrorBodySchema.safeParse(body).success).toBe(true);
  });

  it('cannot lose its error, code or issues to an extra field of the same name', () => {
    const body = new ApiError(400, 'x', '消息', { extra: { error: 'e', code: 'c', issues: 1 } });
    expect(body.toBody()).toMatchObject({ error: '消息', code: 'x', issues: [] });
  });

  it('names each offending field of invalid input in Chinese, prefixed by where it was', () => {
    const parsed = z.object({ email: z.email(), age: z.int() }).safeParse({ email: 'x', age: 1.5 });
    if (parsed.success) throw new Error('the sample input should not pass');
    const body = invalidInput('body', parsed.error).toBody();
    expect(body.code).toBe('invalid-input');
    expect(body.error).toMatch(/请求内容/);
    expect(body.issues.map((i) => i.path)).toEqual(['body.email', 'body.age']);
    for (const issue of body.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
