import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkerEnv } from './env.js';

describe('readWorkerEnv', () => {
  it('defaults to the data folder where the command was typed, as the admin app does', () => {
    const read = readWorkerEnv({ INIT_CWD: '/srv/leshan' });
    if (!read.ok) throw new Error(read.message);
    const { env } = read;
    expect(env.exportDir).toBe('/srv/leshan/data/exports');
    expect(env.sqliteFile).toBe('/srv/leshan/data/leshan.db');
    expect(env).toMatchObject({
      WORKER_CONCURRENCY: 1,
      LEASE_MS: 60_000,
      POLL_MS: 2_000,
      RETRY_DELAY_MS: 30_000,
      RECONCILE_MS: 60_000,
      LOG_LEVEL: 'info',
    });
    expect(env.WORKER_ID).toMatch(/-\d+$/);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reads numbers and folders, relative folders against the folder the command was typed in', () => {
    const read = readWorkerEnv({
      EXPORT_DIR: '/srv/exports',
      DATA_DIR: '/srv/data',
      WORKER_CONCURRENCY: '3',
      LEASE_MS: '1500',
      RETRY_DELAY_MS: '0',
      DATABASE_URL: 'postgresql://u@db/leshan',
      WORKER_ID: 'box-1',
    });
    if (!read.ok) throw new Error(read.message);
    expect(read.env).toMatchObject({
      exportDir: '/srv/exports',
      sqliteFile: '/srv/data/leshan.db',
      WORKER_CONCURRENCY: 3,
      LEASE_MS: 1500,
      RETRY_DELAY_MS: 0,
      WORKER_ID: 'box-1',
    });
    const relative = readWorkerEnv({ EXPORT_DIR: 'out/files', INIT_CWD: '/home/me' });
    expect(relative.ok && relative.env.exportDir).toBe('/home/me/out/files');
    const cwd = readWorkerEnv({ EXPORT_DIR: 'out/files' });
    expect(cwd.ok && cwd.env.exportDir).toBe(join(process.cwd(), 'out', 'files'));
  });

  it('refuses bad values with a message naming each variable', () => {
    const read = readWorkerEnv({
      LEASE_MS: 'soon',
      WORKER_CONCURRENCY: '0',
      DATABASE_URL: 'mysql://x',
      WORKER_ID: 'has space',
      LOG_LEVEL: 'loud',
      RETRY_DELAY_MS: '-1',
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    for (const name of [
      'LEASE_MS',
      'WORKER_CONCURRENCY',
      'DATABASE_URL',
      'WORKER_ID',
      'LOG_LEVEL',
      'RETRY_DELAY_MS',
    ])
      expect(read.message).toContain(`${name}:`);
    expect(read.message).toContain('环境变量设置有误');
  });
});
