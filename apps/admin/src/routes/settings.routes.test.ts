import { DEFAULT_SITE_SETTINGS } from '@leshan/report-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/admin-harness.js';
import { signIn, startAdmin } from '../testing/admin-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startAdmin();
});
afterEach(async () => {
  await h.close();
});

const SETTINGS = {
  publisher: '乐山市人民政府办公室',
  contact: { email: 'gzbg@example.org', phone: '0833-1234567', address: '四川省乐山市市中区' },
  officialReportUrl: 'https://www.leshan.gov.cn/gzbg/2022.html',
  dataLicense: DEFAULT_SITE_SETTINGS.dataLicense,
};

describe('issue 19: GET/PUT /api/settings', () => {
  it('answers the defaults, saves with who saved them, and refuses a save based on an old version (409)', async () => {
    const admin = await signIn(h, 'admin', 'wang');
    const first = await admin.agent.get('/api/settings');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      settings: DEFAULT_SITE_SETTINGS,
      version: 0,
      updatedAt: null,
      updatedBy: null,
      updatedByName: null,
    });
    const saved = await admin.agent
      .put('/api/settings')
      .set('X-CSRF-Token', admin.csrf)
      .send({ settings: SETTINGS, baseVersion: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ settings: SETTINGS, version: 1 });
    expect(typeof saved.body.updatedByName).toBe('string');
    expect((await admin.agent.get('/api/settings')).body.settings).toEqual(SETTINGS);

    const stale = await admin.agent
      .put('/api/settings')
      .set('X-CSRF-Token', admin.csrf)
      .send({ settings: { ...SETTINGS, publisher: '别的单位' }, baseVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toContain('已被他人修改');
    expect((await h.store.getSiteSettings()).settings.publisher).toBe(SETTINGS.publisher);
  });

  it('names each bad field in Chinese and keeps what was stored', async () => {
    const admin = await signIn(h, 'admin', 'wang');
    const res = await admin.agent
      .put('/api/settings')
      .set('X-CSRF-Token', admin.csrf)
      .send({
        settings: {
          ...SETTINGS,
          officialReportUrl: 'javascript:alert(1)',
          contact: { ...SETTINGS.contact, email: 'not-mail' },
        },
        baseVersion: 0,
      });
    expect(res.status).toBe(400);
    const issues = res.body.issues as { path: string; message: string }[];
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['body.settings.officialReportUrl']).toContain('只能以 https:// 或 http:// 开头');
    expect(byPath['body.settings.contact.email']).toContain('电子邮箱格式不正确');
    expect((await h.store.getSiteSettings()).version).toBe(0);
  });

  it('is for admins only: an editor and a publisher get 403 and change nothing', async () => {
    for (const role of ['editor', 'publisher'] as const) {
      const who = await signIn(h, role, role);
      expect((await who.agent.get('/api/settings')).status).toBe(403);
      const put = await who.agent
        .put('/api/settings')
        .set('X-CSRF-Token', who.csrf)
        .send({ settings: SETTINGS, baseVersion: 0 });
      expect(put.status).toBe(403);
    }
    expect((await h.store.getSiteSettings()).version).toBe(0);
  });
});
