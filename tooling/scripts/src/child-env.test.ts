import { describe, expect, it } from 'vitest';
import { childEnv } from './child-env.js';

describe('childEnv', () => {
  it('puts the data under <repo>/data and the links on the viewer’s address by default', () => {
    expect(childEnv({ INIT_CWD: '/home/me', VIEWER_PORT: '4300' }, '/srv/repo')).toEqual({
      INIT_CWD: '/home/me',
      VIEWER_PORT: '4300',
      DATA_DIR: '/srv/repo/data',
      VIEWER_URL: 'http://127.0.0.1:4300',
      SITE_URL: 'http://127.0.0.1:4300',
    });
  });

  it('resolves a relative DATA_DIR where the command was typed and keeps set URLs', () => {
    expect(
      childEnv(
        { INIT_CWD: '/home/me', DATA_DIR: 'store', SITE_URL: 'https://report.example.cn' },
        '/srv/repo',
      ),
    ).toMatchObject({
      DATA_DIR: '/home/me/store',
      SITE_URL: 'https://report.example.cn',
      VIEWER_URL: 'http://127.0.0.1:4200',
    });
  });

  it('passes bad values on as they are, for the check to name them', () => {
    const env = childEnv({ INIT_CWD: '/w', DATA_DIR: '', VIEWER_HOST: 'bad host' }, '/srv/repo');
    expect(env.DATA_DIR).toBe('');
    expect(env.VIEWER_URL).toBeUndefined();
    expect(env.SITE_URL).toBeUndefined();
  });
});
