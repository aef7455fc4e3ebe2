import { SiteSettingsSchema, StoredSiteSettingsSchema } from '@leshan/report-store/site-settings';
import { z } from 'zod';

/** GET /api/settings and a saved PUT: the settings with their version, who saved them and when. */
export const SiteSettingsViewSchema = StoredSiteSettingsSchema.extend({
  updatedByName: z.string().nullable().describe('The display name of updatedBy, if known.'),
}).describe('The public site’s settings (issue 19).');
export type SiteSettingsView = z.infer<typeof SiteSettingsViewSchema>;

export const SiteSettingsBodySchema = z
  .strictObject({
    settings: SiteSettingsSchema,
    baseVersion: z
      .int({ error: '缺少设置版本号，请刷新页面后再保存' })
      .min(0)
      .describe('The version the form was loaded at; a save by someone else since is a 409.'),
  })
  .describe('New site settings.');
export type SiteSettingsBody = z.infer<typeof SiteSettingsBodySchema>;
