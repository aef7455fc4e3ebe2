import { readViewerEnv } from '../env.js';
import { loadClientAssets } from '../server/http/client-assets.js';
import { openSource } from '../server/open-source.js';
import { buildStatic } from './build-static.js';

// `pnpm --filter viewer build:static`: the whole site as files in apps/viewer/static (or $STATIC_OUT_DIR).
const env = readViewerEnv();
const source = await openSource(env);
try {
  const assets = loadClientAssets(env.clientDir);
  if (assets.dir === undefined)
    process.stderr.write(
      'build:static: no client build found; pages will have no styles or islands (run vite build)\n',
    );
  const result = await buildStatic({
    source,
    assets,
    siteUrl: env.SITE_URL,
    outDir: env.staticOutDir,
  });
  process.stdout.write(
    `build:static: edition ${result.editionNumber}, ${result.files} files, ${(result.bytes / 1024).toFixed(0)} KB → ${env.staticOutDir}\n`,
  );
} finally {
  await source.close();
}
