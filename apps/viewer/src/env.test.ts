import { describe, expect, it } from 'vitest';
import { readViewerEnv } from './env.js';

describe('readViewerEnv', () => {
  it('defaults to the store, port 4200 and data/leshan.db where the command was typed', () => {
    const env = readViewerEnv({ INIT_CWD: '/srv/leshan' });
    expect(env.VIEWER_SOURCE).toBe('store');
    expect(env.VIEWER_PORT).toBe(4200);
    expect(env.sqliteFile).toBe('/srv/leshan/data/leshan.db');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.clientDir).toMatch(/apps\/viewer\/dist\/client$/);
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => readViewerEnv({ VIEWER_PORT: 'abc' })).toThrow(/VIEWER_PORT/);
    expect(() => readViewerEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
