import { ApiError } from '@leshan/http-kit';
import type { StoredSiteSettings } from '@leshan/report-store';
import { SiteSettingsBodySchema, SiteSettingsViewSchema } from '../api/settings.schemas.js';
import type { SiteSettingsView } from '../api/settings.schemas.js';
import type { AdminDeps } from '../deps.js';
import { nameOf, userNames } from '../deps.js';
import { route } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';

/** Who runs the public site, its contact, the official report and the data licence (issue 19): admins only. */
export function settingsRoutes({ store }: AdminDeps): AdminRoute[] {
  const view = async (stored: StoredSiteSettings): Promise<SiteSettingsView> => ({
    ...stored,
    updatedByName: nameOf(await userNames(store), stored.updatedBy),
  });
  return [
    route({
      method: 'get',
      path: '/api/settings',
      operationId: 'getSiteSettings',
      summary: 'The public site’s publisher, contact, official report address and data licence',
      tag: 'settings',
      access: 'admin',
      responses: { 200: SiteSettingsViewSchema },
    }).handle(async () => ({ body: await view(await store.getSiteSettings()) })),
    route({
      method: 'put',
      path: '/api/settings',
      operationId: 'saveSiteSettings',
      summary: 'Save them (audited); the viewer shows them within a second, no restart',
      tag: 'settings',
      access: 'admin',
      responses: { 200: SiteSettingsViewSchema },
      errors: [409],
    })
      .body(SiteSettingsBodySchema)
      .handle(async ({ body, user, req }) => {
        const saved = await store.saveSiteSettings({
          settings: body.settings,
          baseVersion: body.baseVersion,
          actor: user?.userId ?? 'unknown',
          ip: req.ip ?? null,
        });
        if (!saved.ok) {
          const { code, message } = saved.error;
          throw new ApiError(code === 'conflict' ? 409 : 400, code, message.zh);
        }
        return { body: await view(saved.stored) };
      }),
  ];
}
