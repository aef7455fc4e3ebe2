import { createServer as createHttpServer } from 'node:http';
import { StoreOpenError } from '@leshan/report-store';
import { readViewerEnv } from '../env.js';
import { loadClientAssets } from './http/client-assets.js';
import { openSource } from './open-source.js';
import { createServer, viewerListener } from './server.js';
import { clientUi } from './dev-ui.js';
import type { ViewerSource } from './source.js';

/** Starts the viewer: reads settings, opens the source read-only, listens. */
async function main(): Promise<void> {
  const env = readViewerEnv();
  const source: ViewerSource = await openSource(env);
  const server = createHttpServer();
  // `pnpm dev` passes --dev: islands and styles through Vite's dev server (with HMR), not dist/client.
  const ui = await clientUi(server, process.argv.includes('--dev'));
  const app = createServer({
    source,
    assets: ui.assets ?? loadClientAssets(env.clientDir),
    siteUrl: env.SITE_URL,
  });
  server.on('request', ui.handler(viewerListener(app)));
  server.listen(env.VIEWER_PORT, env.VIEWER_HOST, () => {
    process.stdout.write(
      `viewer: http://${env.VIEWER_HOST}:${env.VIEWER_PORT}/ (${env.VIEWER_SOURCE})\n`,
    );
  });
  const stop = (): void => {
    void ui.close().then(() => {
      server.close(() => void source.close().then(() => process.exit(0)));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`viewer: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof StoreOpenError) {
    process.stderr.write(
      'viewer: 请先启动管理端以创建数据库，或设置 VIEWER_SOURCE=memory 直接展示规范报告 (start the admin first, or set VIEWER_SOURCE=memory)\n',
    );
  }
  process.exit(1);
});
