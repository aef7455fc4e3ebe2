import { describe, expect, it } from 'vitest';
import type { OptionSpec } from './args.js';
import { tokenizeArgs } from './args.js';

const options: OptionSpec[] = [
  { name: 'json', type: 'boolean', help: { zh: 'JSON', en: 'JSON' } },
  { name: 'file', type: 'string', help: { zh: '文件', en: 'file' } },
  { name: 'help', short: 'h', type: 'boolean', help: { zh: '帮助', en: 'help' } },
];

describe('tokenizeArgs', () => {
  it('splits positionals from boolean, string and short options', () => {
    expect(tokenizeArgs(['a.json', '--json', '--file', 'b.json', '-h'], options)).toEqual({
      ok: true,
      value: { positionals: ['a.json'], json: true, file: 'b.json', help: true },
    });
  });

  it('accepts --name=value', () => {
    expect(tokenizeArgs(['--file=r.json'], options)).toEqual({
      ok: true,
      value: { positionals: [], file: 'r.json' },
    });
  });

  it('names an unknown option in both languages', () => {
    expect(tokenizeArgs(['--jsonn'], options)).toEqual({
      ok: false,
      message: { zh: '未知选项 --jsonn', en: 'unknown option --jsonn' },
    });
    expect(tokenizeArgs(['-x'], options)).toMatchObject({
      ok: false,
      message: { en: 'unknown option -x' },
    });
  });

  it('reports a string option without its value instead of throwing', () => {
    const result = tokenizeArgs(['--file'], options);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message.en).toContain('--file');
  });

  it('takes arguments after -- as positionals even when they start with -', () => {
    expect(tokenizeArgs(['--', '-5%'], options)).toEqual({
      ok: true,
      value: { positionals: ['-5%'] },
    });
  });
});
