import type { ViewerEnv } from '../env.js';
import { createCanonicalSource } from './memory-source.js';
import type { ViewerSource } from './source.js';
import { openStoreSource } from './store-source.js';

/** The source the settings ask for: the store (read-only) by default, or the canonical report in memory. */
export async function openSource(env: ViewerEnv): Promise<ViewerSource> {
  if (env.VIEWER_SOURCE === 'memory') return createCanonicalSource();
  return openStoreSource(
    env.DATABASE_URL === undefined
      ? { kind: 'sqlite', file: env.sqliteFile }
      : { kind: 'postgres', url: env.DATABASE_URL },
  );
}
