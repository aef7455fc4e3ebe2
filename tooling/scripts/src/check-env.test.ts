import { describe, expect, it } from 'vitest';
import { checkSettings } from './check-env.js';

describe('checkSettings', () => {
  it('reads the three processes’ settings with their own readers', () => {
    const checked = checkSettings({ INIT_CWD: '/srv', DATA_DIR: '/srv/data', ADMIN_PORT: '4300' });
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    expect(checked.settings.admin).toMatchObject({
      ADMIN_PORT: 4300,
      sqliteFile: '/srv/data/leshan.db',
    });
    expect(checked.settings.viewer.sqliteFile).toBe('/srv/data/leshan.db');
    expect(checked.settings.worker.exportDir).toBe('/srv/data/exports');
  });

  it('names every bad variable, by process, before anything starts', () => {
    const checked = checkSettings({
      DATABASE_URL: 'mysql://x',
      ADMIN_PORT: 'abc',
      VIEWER_PORT: '70000',
      LEASE_MS: 'soon',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toHaveLength(3);
    const [admin, viewer, worker] = checked.problems;
    expect(admin).toMatch(/^admin: 环境变量设置有误[^]*DATABASE_URL:[^]*ADMIN_PORT:/);
    expect(viewer).toMatch(/^viewer: [^]*DATABASE_URL:[^]*VIEWER_PORT:/);
    expect(worker).toMatch(/^worker: [^]*DATABASE_URL:[^]*LEASE_MS:/);
  });
});
