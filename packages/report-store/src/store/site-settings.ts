import { toValidationIssues } from '@leshan/report-core/model';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';
import type { Refusal } from '../schemas/store-error.js';
import { refuse } from '../schemas/store-error.js';
import type { SaveSiteSettings, StoredSiteSettings } from '../schemas/site-settings-schemas.js';
import {
  DEFAULT_SITE_SETTINGS,
  SaveSiteSettingsSchema,
  SiteSettingsFromRowSchema,
} from '../schemas/site-settings-schemas.js';
import { auditRow } from './audit.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso, Rollback, writeOrRollback } from './context.js';

export type SiteSettingsResult = { ok: true; stored: StoredSiteSettings } | Refusal;

const UNSET: StoredSiteSettings = {
  settings: DEFAULT_SITE_SETTINGS,
  version: 0,
  updatedAt: null,
  updatedBy: null,
};

async function readSettings(db: Kysely<Tables>): Promise<StoredSiteSettings> {
  const row = await db
    .selectFrom('site_settings')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst();
  if (row === undefined) return UNSET;
  const parsed = SiteSettingsFromRowSchema.safeParse(row);
  // A row no release could have written (edited by hand): the defaults, never a crash.
  return parsed.success ? parsed.data : UNSET;
}

/** The site settings, or the defaults (version 0) while no admin saved any. */
export function getSiteSettings(ctx: StoreContext): Promise<StoredSiteSettings> {
  return readSettings(ctx.conn.db);
}

/**
 * Saves the site settings with an audit row (before and after) in one transaction. Refused
 * when invalid (issues name the fields) or when someone saved since `baseVersion` (conflict,
 * nothing written).
 */
export async function saveSiteSettings(
  ctx: StoreContext,
  input: SaveSiteSettings,
): Promise<SiteSettingsResult> {
  assertWritable(ctx, 'saveSiteSettings');
  const parsed = SaveSiteSettingsSchema.safeParse(input);
  if (!parsed.success) {
    return refuse(
      'invalid-input',
      '站点设置不正确',
      'invalid site settings',
      toValidationIssues(parsed.error.issues),
    );
  }
  const { settings, baseVersion, actor, ip } = parsed.data;
  return writeOrRollback(ctx, async (trx) => {
    const before = await readSettings(trx);
    if (before.version !== baseVersion) {
      throw new Rollback(
        refuse(
          'conflict',
          `站点设置已被他人修改（第 ${before.version} 版），请刷新后再改`,
          `the settings were saved since version ${baseVersion} (now ${before.version})`,
        ),
      );
    }
    const at = nowIso(ctx);
    const row = {
      id: 1 as const,
      settings: JSON.stringify(settings),
      version: before.version + 1,
      updated_at: at,
      updated_by: actor,
    };
    if (before.version === 0) await trx.insertInto('site_settings').values(row).execute();
    else await trx.updateTable('site_settings').set(row).where('id', '=', 1).execute();
    const audit = auditRow(ctx, {
      actor,
      action: 'settings.update',
      target: 'site',
      details: { version: row.version, before: before.settings, after: settings },
      ip: ip ?? null,
    });
    // Made by code from checked settings: a bad entry is a programming error.
    if (!audit.ok) throw new Error(`site settings: ${audit.error.message.en}`);
    await trx.insertInto('audit_log').values(audit.row).execute();
    const stored: StoredSiteSettings = {
      settings,
      version: row.version,
      updatedAt: at,
      updatedBy: actor,
    };
    return { ok: true as const, stored };
  });
}
