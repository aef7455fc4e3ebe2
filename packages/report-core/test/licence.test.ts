import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_LICENSE, DATA_LICENSE, DATA_NOTICE } from '../src/model/index.js';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('issue 16: the licence and the data notice', () => {
  it('ships the repository’s MIT LICENSE in the package, word for word', () => {
    expect(read('../LICENSE')).toBe(read('../../../LICENSE'));
    expect(read('../LICENSE')).toMatch(/^MIT License\n/u);
    expect((JSON.parse(read('../package.json')) as { license: string }).license).toBe(CODE_LICENSE);
  });

  it('states DATA_NOTICE and DATA_LICENSE in DATA-NOTICE.md, the package’s and the repository’s alike', () => {
    expect(read('../DATA-NOTICE.md')).toBe(read('../../../DATA-NOTICE.md'));
    const notice = read('../DATA-NOTICE.md').replace(/\s*\n\s*/gu, ' ');
    expect(notice).toContain(DATA_NOTICE.zh);
    expect(notice).toContain(DATA_NOTICE.en);
    expect(notice).toContain(DATA_LICENSE.path);
    expect(DATA_NOTICE.zh).toMatch(/乐山市人民政府.*公开发布的政府公文.*CC BY 4\.0/u);
  });
});
