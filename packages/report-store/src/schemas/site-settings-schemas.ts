import { DATA_LICENSE, unsafeTextReason } from '@leshan/report-core/model';
import { z } from 'zod';
import { IdSchema, jsonColumn, TimestampSchema } from './columns.js';

// Issue 19: who runs the public site, how to reach them, where the official full report is and
// under what licence the data is. One row (migration 0008), edited by admins, read by the viewer.

/** A text people type: trimmed, safe characters only (report-core's text rule), at most `max`. */
function plainText(max: number, what: string): z.ZodType<string> {
  return z
    .string({ error: `${what}必须是文字 (${what}: text expected)` })
    .trim()
    .max(max, { error: `${what}最多 ${max} 个字 (${what}: at most ${max} characters)` })
    .superRefine((text, ctx) => {
      const reason = unsafeTextReason(text);
      if (reason !== null) ctx.addIssue({ code: 'custom', message: `${what}：${reason.zh}` });
    });
}

/**
 * An address on the web: http or https only, with a real host name (a dot, or localhost is
 * refused: the public would follow it), no user name or password in it.
 */
export const PublicUrlSchema = z
  .string({ error: '网址必须是文字 (a URL is text)' })
  .trim()
  .max(500, { error: '网址最多 500 个字符 (at most 500 characters)' })
  .superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch (_error) {
      ctx.addIssue({
        code: 'custom',
        message: '网址不正确，请填写以 https:// 或 http:// 开头的完整网址 (not a URL)',
      });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      ctx.addIssue({
        code: 'custom',
        message: '网址只能以 https:// 或 http:// 开头 (http or https only)',
      });
    else if (
      !/^(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*$/iu.test(url.hostname) ||
      /^\d+$/u.test(url.hostname.split('.').pop() ?? '')
    )
      ctx.addIssue({
        code: 'custom',
        message: '网址须含有真实的域名，例如 https://www.leshan.gov.cn/ (a real host name)',
      });
    else if (url.username !== '' || url.password !== '')
      ctx.addIssue({
        code: 'custom',
        message: '网址中不能含有用户名或密码 (no credentials in a URL)',
      });
  })
  .describe('An http(s) address with a real host name.');

export const SiteLicenseSchema = z
  .strictObject({
    id: z
      .string({ error: '许可证标识必须是文字 (licence id: text)' })
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$/u, {
        error: '许可证标识请用 SPDX 写法，例如 CC-BY-4.0 (an SPDX-like id, e.g. CC-BY-4.0)',
      })
      .describe('SPDX-like identifier, e.g. CC-BY-4.0.'),
    name: plainText(120, '许可证名称').pipe(
      z.string().min(1, { error: '请填写许可证名称 (licence name required)' }),
    ),
    url: PublicUrlSchema.describe('Where the licence text is.'),
  })
  .describe('The licence of the data (the editorial additions), as SPDX id, name and address.');
export type SiteLicense = z.infer<typeof SiteLicenseSchema>;

const EmailSchema = z
  .string()
  .trim()
  .max(200, { error: '电子邮箱最多 200 个字符 (at most 200 characters)' })
  .refine((text) => text === '' || z.email().safeParse(text).success, {
    error: '电子邮箱格式不正确，例如 name@example.org (not an e-mail address)',
  });

export const SiteContactSchema = z
  .strictObject({
    email: EmailSchema.describe('Empty when not published.'),
    phone: plainText(40, '联系电话').refine((text) => /^[0-9+()\s-]*$/u.test(text), {
      error: '联系电话只能含数字、空格和 + - ( ) (digits, spaces, + - ( ) only)',
    }),
    address: plainText(200, '通信地址'),
  })
  .describe('How the public reaches the publishing body; each empty when not published.');
export type SiteContact = z.infer<typeof SiteContactSchema>;

export const SiteSettingsSchema = z
  .strictObject({
    publisher: plainText(100, '主办单位').describe(
      'The publishing body (主办单位); empty while not set.',
    ),
    contact: SiteContactSchema,
    officialReportUrl: PublicUrlSchema.nullable().describe(
      'Where the official full report is published; null while not set.',
    ),
    dataLicense: SiteLicenseSchema,
  })
  .describe('Who runs the public site, how to reach them, where the full report is, the licence.');
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

/**
 * The settings before an admin saved any: nothing is invented (no publisher, contact or address
 * is known), and the licence is the one the project states for its data (report-core's
 * DATA_LICENSE, which the data package's `licenses` also names).
 */
export const DEFAULT_SITE_SETTINGS: SiteSettings = Object.freeze({
  publisher: '',
  contact: Object.freeze({ email: '', phone: '', address: '' }),
  officialReportUrl: null,
  dataLicense: Object.freeze({
    id: DATA_LICENSE.name,
    name: DATA_LICENSE.title,
    url: DATA_LICENSE.path,
  }),
});

export const StoredSiteSettingsSchema = z
  .object({
    settings: SiteSettingsSchema,
    version: z.int().min(0).describe('0 before any save; each save adds one.'),
    updatedAt: TimestampSchema.nullable(),
    updatedBy: IdSchema.nullable().describe('The admin who saved them last.'),
  })
  .describe('The site settings with who saved them and when.');
export type StoredSiteSettings = z.infer<typeof StoredSiteSettingsSchema>;

export const SiteSettingsRowSchema = z.object({
  id: z.literal(1),
  settings: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
  updated_by: z.string(),
});
export type SiteSettingsRow = z.infer<typeof SiteSettingsRowSchema>;

/** A stored row; fields a later release added or an older one lacks fall back to the defaults. */
export const SiteSettingsFromRowSchema = SiteSettingsRowSchema.extend({
  settings: jsonColumn(z.looseObject({})),
}).transform((row): StoredSiteSettings => ({
  settings: withDefaults(row.settings),
  version: row.version,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
}));

/** Each field of `value` that is valid, the default for the others. */
export function withDefaults(value: Record<string, unknown>): SiteSettings {
  const pick = <K extends keyof SiteSettings>(key: K): SiteSettings[K] => {
    const parsed = SiteSettingsSchema.shape[key].safeParse(value[key]);
    return parsed.success ? (parsed.data as SiteSettings[K]) : DEFAULT_SITE_SETTINGS[key];
  };
  return {
    publisher: pick('publisher'),
    contact: pick('contact'),
    officialReportUrl: pick('officialReportUrl'),
    dataLicense: pick('dataLicense'),
  };
}

export const SaveSiteSettingsSchema = z
  .object({
    settings: SiteSettingsSchema,
    baseVersion: z
      .int()
      .min(0)
      .describe('The version the admin started from; a later save in between is a conflict.'),
    actor: IdSchema,
    ip: z.string().max(100).nullable().optional(),
  })
  .describe('What saveSiteSettings needs.');
export type SaveSiteSettings = z.input<typeof SaveSiteSettingsSchema>;
