import { join } from 'node:path';
import { resolveSetting, settingsBase } from '@leshan/report-store/env';

type Env = Record<string, string | undefined>;

const isUrl = (text: string): boolean => URL.canParse(text);

/**
 * The environment the three processes start with. This script is the one that knows the
 * repository: DATA_DIR defaults to <repo>/data and a relative one resolves where the command was
 * typed (INIT_CWD, passed on so every relative setting does the same in each app's folder).
 * The admin links to the viewer and the viewer's feeds name their site: both follow VIEWER_HOST
 * and VIEWER_PORT unless set. A bad value is passed on as it is, for the check to name.
 */
export function childEnv(raw: Env, repoRoot: string): Env {
  const env: Env = { ...raw, INIT_CWD: settingsBase(raw) };
  if (raw.DATA_DIR === undefined) env.DATA_DIR = join(repoRoot, 'data');
  else if (raw.DATA_DIR !== '') env.DATA_DIR = resolveSetting(env, raw.DATA_DIR);
  const viewerUrl = `http://${raw.VIEWER_HOST ?? '127.0.0.1'}:${raw.VIEWER_PORT ?? '4200'}`;
  if (isUrl(viewerUrl)) {
    env.VIEWER_URL = raw.VIEWER_URL ?? viewerUrl;
    env.SITE_URL = raw.SITE_URL ?? viewerUrl;
  }
  return env;
}
