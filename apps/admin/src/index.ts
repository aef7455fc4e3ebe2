import { createServer as createHttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { EXPORT_FORMATS, openStore } from '@leshan/report-store';
import { join } from 'node:path';
import { bootstrapAdmin, FIRST_ADMIN_PASSWORD_FILE } from './bootstrap-admin.js';
import { readAdminEnv } from './env.js';
import { createServer } from './server.js';
import { webUi } from './web-ui.js';

const env = readAdminEnv();
const logger = pino({ level: env.LOG_LEVEL, base: { app: 'admin' } });
const store = await openStore({ databaseUrl: env.DATABASE_URL, sqliteFile: env.sqliteFile });

const admin = await bootstrapAdmin(store, {
  email: env.ADMIN_EMAIL,
  password: env.ADMIN_PASSWORD,
  passwordFile: join(env.dataDir, FIRST_ADMIN_PASSWORD_FILE),
});
if (admin.created) {
  // Issue 15: the generated password never goes to a log or the terminal, only to a file that its
  // owner alone can read; this line says where it is.
  process.stdout.write(
    `\n首位管理员已创建 (first admin created): ${admin.email}\n` +
      (admin.passwordFile === null
        ? '\n'
        : `初始密码文件 (initial password file, owner-only): ${admin.passwordFile}\n` +
          '首次登录后须修改密码 (the password must be changed at the first sign-in)\n\n'),
  );
}

const server = createHttpServer();
// `pnpm dev` passes --dev: the editing UI through Vite's dev server (with HMR) instead of dist/web.
const ui = await webUi(server, process.argv.includes('--dev'));
const app = createServer({
  store,
  logger,
  config: {
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    loginMaxAttempts: env.LOGIN_MAX_ATTEMPTS,
    loginWindowMs: env.LOGIN_WINDOW_MINUTES * 60_000,
    loginAddressMaxAttempts: env.LOGIN_ADDRESS_MAX_ATTEMPTS,
    loginAccountFreeAttempts: env.LOGIN_ACCOUNT_FREE_ATTEMPTS,
    loginDelayCapMs: env.LOGIN_DELAY_CAP_SECONDS * 1000,
    viewerUrl: env.VIEWER_URL,
    webDir: ui.dev ? undefined : fileURLToPath(new URL('../dist/web', import.meta.url)),
    exportFormats: EXPORT_FORMATS,
    trustProxy: env.TRUST_PROXY,
    bodyLimit: '4mb',
    publicBodyLimit: '16kb',
    maxJsonDepth: 64,
  },
});

server.on('request', ui.handler(app));
server.listen(env.ADMIN_PORT, env.ADMIN_HOST, () => {
  // The port actually bound: ADMIN_PORT=0 lets the system pick a free one.
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.ADMIN_PORT;
  logger.info(
    { url: `http://${env.ADMIN_HOST}:${port}/admin/`, port, engine: store.engine },
    'admin listening',
  );
});

// Graceful shutdown: stop accepting, let in-flight requests finish, then close the store.
let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // Vite (dev only) first: its HMR WebSockets would otherwise hold the server open.
  void ui.close().then(() => {
    server.close(() => {
      void store.close().then(() => process.exit(0));
    });
    server.closeIdleConnections();
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
