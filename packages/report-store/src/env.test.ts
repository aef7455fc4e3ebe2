import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv, readFaultEnv, readStoreEnv, StoreEnvSchema, storeLocation } from './env.js';

describe('StoreEnvSchema', () => {
  it('defaults to SQLite in ./data/leshan.db under the folder the command was typed in', () => {
    expect(readStoreEnv({ INIT_CWD: '/srv/leshan' })).toEqual({
      DATA_DIR: 'data',
      SQLITE_FILE: 'leshan.db',
      INIT_CWD: '/srv/leshan',
      databaseUrl: undefined,
      dataDir: '/srv/leshan/data',
      sqliteFile: '/srv/leshan/data/leshan.db',
    });
  });

  it('keeps absolute folders and resolves SQLITE_FILE against DATA_DIR', () => {
    const env = StoreEnvSchema.parse({
      DATA_DIR: '/var/lib/leshan',
      SQLITE_FILE: 'store/main.db',
      DATABASE_URL: 'postgresql://u@db/leshan',
      INIT_CWD: '/home/me',
    });
    expect(storeLocation(env)).toEqual({
      databaseUrl: 'postgresql://u@db/leshan',
      dataDir: '/var/lib/leshan',
      sqliteFile: '/var/lib/leshan/store/main.db',
    });
  });

  it('refuses a bad value with a message naming each variable', () => {
    expect(parseEnv(StoreEnvSchema, { DATABASE_URL: 'mysql://x', DATA_DIR: '' })).toEqual({
      ok: false,
      message:
        '环境变量设置有误 (invalid environment settings):\n' +
        '  DATABASE_URL: 必须是 postgres:// 或 postgresql:// 开头的连接串\n' +
        '  DATA_DIR: Too small: expected string to have >=1 characters',
    });
    expect(() => readStoreEnv({ SQLITE_FILE: '' })).toThrow(/SQLITE_FILE:/);
  });

  it('is extended by an app without losing its own names', () => {
    const AppEnv = StoreEnvSchema.extend({ PORT: z.coerce.number().int() });
    const parsed = parseEnv(AppEnv, { PORT: '80' });
    expect(parsed.ok && parsed.env).toEqual({
      DATA_DIR: 'data',
      SQLITE_FILE: 'leshan.db',
      PORT: 80,
    });
  });
});

describe('issue 12: the test-only fault points', () => {
  it('arms none when LESHAN_FAULT is unset or empty', () => {
    expect(readFaultEnv({}).LESHAN_FAULT).toEqual([]);
    expect(readFaultEnv({ LESHAN_FAULT: '' }).LESHAN_FAULT).toEqual([]);
  });

  it('arms the points named, and refuses an unknown one naming those it knows', () => {
    expect(
      readFaultEnv({ LESHAN_FAULT: 'publish:after-edition,publish:before-commit' }).LESHAN_FAULT,
    ).toEqual(['publish:after-edition', 'publish:before-commit']);
    expect(() => readFaultEnv({ LESHAN_FAULT: 'publish:whenever' })).toThrow(
      /LESHAN_FAULT[\s\S]*publish:after-edition, publish:before-commit/,
    );
  });
});
