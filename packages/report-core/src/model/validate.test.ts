import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { validateWith } from './validate.js';

describe('validateWith', () => {
  it('splits a message of our own written "中文 (English)" into both languages', () => {
    const schema = z.string().min(3, { error: '至少 3 个字 (at least 3 characters)' });
    expect(validateWith(schema, 'ab')).toEqual({
      ok: false,
      issues: [
        { path: '', pathSegments: [], message: { zh: '至少 3 个字', en: 'at least 3 characters' } },
      ],
    });
  });

  it('keeps a Chinese-only message of our own as the Chinese text, with zod’s English beside it', () => {
    const schema = z.object({ password: z.string().min(12, { error: '密码至少 12 个字符' }) });
    const result = validateWith(schema, { password: 'short' });
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.message.zh])).toEqual([
      ['password', '密码至少 12 个字符'],
    ]);
    expect(result.ok ? '' : result.issues[0]?.message.en).toMatch(/>=12 characters/);
  });

  it('translates zod’s own messages with its Chinese and English locales', () => {
    const result = validateWith(z.object({ n: z.number() }), { n: 'x' });
    const message = result.ok ? undefined : result.issues[0]?.message;
    expect(message?.zh).toMatch(/[\u4e00-\u9fff]/u);
    expect(message?.en).toMatch(/expected number/);
  });
});
