import { DATA_LICENSE } from '@leshan/report-core/model';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, engines, freshStore, open, rawConnection } from '../../test/engines.js';
import type { SiteSettings } from '../schemas/site-settings-schemas.js';
import { DEFAULT_SITE_SETTINGS, SiteSettingsSchema } from '../schemas/site-settings-schemas.js';

afterAll(cleanUp);

const SETTINGS: SiteSettings = {
  publisher: '乐山市人民政府办公室',
  contact: { email: 'gzbg@example.org', phone: '0833-1234567', address: '四川省乐山市市中区' },
  officialReportUrl: 'https://www.leshan.gov.cn/gzbg/2022.html',
  dataLicense: {
    id: 'CC-BY-4.0',
    name: 'Creative Commons Attribution 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
};

describe('issue 19: the site settings shape', () => {
  it('defaults to no publisher, contact or report address, and the licence the data package names', () => {
    expect(DEFAULT_SITE_SETTINGS).toEqual({
      publisher: '',
      contact: { email: '', phone: '', address: '' },
      officialReportUrl: null,
      dataLicense: { id: DATA_LICENSE.name, name: DATA_LICENSE.title, url: DATA_LICENSE.path },
    });
    expect(SiteSettingsSchema.safeParse(DEFAULT_SITE_SETTINGS).success).toBe(true);
  });

  it.each([
    ['javascript:alert(1)', '只能以 https:// 或 http:// 开头'],
    ['ftp://example.org/r.pdf', '只能以 https:// 或 http:// 开头'],
    ['https://localhost/r.pdf', '真实的域名'],
    ['http://10.0.0.1/r.pdf', '真实的域名'],
    ['https://user:pw@example.org/', '用户名或密码'],
    ['www.leshan.gov.cn', '网址不正确'],
  ])('refuses %s as the official report address, in Chinese', (url, words) => {
    const parsed = SiteSettingsSchema.safeParse({ ...SETTINGS, officialReportUrl: url });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['officialReportUrl']);
    expect(parsed.error?.issues[0]?.message).toContain(words);
  });

  it('refuses a bad e-mail, phone, licence id and a control character, naming each field', () => {
    const parsed = SiteSettingsSchema.safeParse({
      ...SETTINGS,
      publisher: '乐山\u0007',
      contact: { email: 'not-mail', phone: 'call me', address: '' },
      dataLicense: { ...SETTINGS.dataLicense, id: 'CC BY 4.0' },
    });
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'contact.email',
      'contact.phone',
      'dataLicense.id',
      'publisher',
    ]);
  });
});

describe.each(engines)('issue 19: site settings in the store ($name)', (engine) => {
  it('answers the defaults while unset, saves with who and when and an audit row, refuses a stale save', async () => {
    const { store } = await freshStore(engine, { now: () => new Date('2026-12-02T03:00:00.000Z') });
    expect(await store.getSiteSettings()).toEqual({
      settings: DEFAULT_SITE_SETTINGS,
      version: 0,
      updatedAt: null,
      updatedBy: null,
    });
    const markBefore = await store.changeMark();

    const saved = await store.saveSiteSettings({
      settings: SETTINGS,
      baseVersion: 0,
      actor: 'u-admin',
      ip: '127.0.0.1',
    });
    expect(saved).toEqual({
      ok: true,
      stored: {
        settings: SETTINGS,
        version: 1,
        updatedAt: '2026-12-02T03:00:00.000Z',
        updatedBy: 'u-admin',
      },
    });
    expect(await store.getSiteSettings()).toEqual(saved.ok && saved.stored);
    expect(await store.changeMark()).not.toBe(markBefore);

    const audit = await store.listAudit({ action: 'settings.update' });
    expect(audit.ok && audit.entries.map((e) => [e.actor, e.target, e.details])).toEqual([
      ['u-admin', 'site', { version: 1, before: DEFAULT_SITE_SETTINGS, after: SETTINGS }],
    ]);

    // Someone saved since version 0: refused, nothing written.
    const stale = await store.saveSiteSettings({
      settings: { ...SETTINGS, publisher: '别的单位' },
      baseVersion: 0,
      actor: 'u-other',
    });
    expect(stale.ok === false && stale.error.code).toBe('conflict');
    expect(stale.ok === false && stale.error.message.zh).toContain('已被他人修改');
    const second = await store.saveSiteSettings({
      settings: { ...SETTINGS, officialReportUrl: null },
      baseVersion: 1,
      actor: 'u-admin',
    });
    expect(second.ok && second.stored.version).toBe(2);
    expect((await store.getSiteSettings()).settings.officialReportUrl).toBeNull();
  });

  it('refuses invalid settings with issues per field and keeps what was stored', async () => {
    const { store } = await freshStore(engine);
    await store.saveSiteSettings({ settings: SETTINGS, baseVersion: 0, actor: 'u-admin' });
    const refused = await store.saveSiteSettings({
      settings: { ...SETTINGS, officialReportUrl: 'javascript:alert(1)' },
      baseVersion: 1,
      actor: 'u-admin',
    });
    expect(refused.ok === false && refused.error.code).toBe('invalid-input');
    expect(refused.ok === false && refused.error.issues?.[0]?.path).toBe(
      'settings.officialReportUrl',
    );
    expect((await store.getSiteSettings()).settings).toEqual(SETTINGS);
  });

  it('reads a row with a field it cannot parse as the default for that field only, never crashing', async () => {
    const { store, target } = await freshStore(engine);
    await store.saveSiteSettings({ settings: SETTINGS, baseVersion: 0, actor: 'u-admin' });
    const conn = rawConnection(target);
    const edited = JSON.stringify({ ...SETTINGS, officialReportUrl: 'javascript:x', extra: 1 });
    await sql`UPDATE site_settings SET settings = ${edited} WHERE id = 1`.execute(conn.db);
    const read = await store.getSiteSettings();
    expect(read.settings).toEqual({ ...SETTINGS, officialReportUrl: null });
    await sql`UPDATE site_settings SET settings = ${'not json'} WHERE id = 1`.execute(conn.db);
    expect((await store.getSiteSettings()).settings).toEqual(DEFAULT_SITE_SETTINGS);
  });

  it('lets a read-only store (the viewer) read them', async () => {
    const { store, target } = await freshStore(engine);
    await store.saveSiteSettings({ settings: SETTINGS, baseVersion: 0, actor: 'u-admin' });
    const reader = await open(target, { readonly: true });
    expect((await reader.getSiteSettings()).settings).toEqual(SETTINGS);
  });
});
