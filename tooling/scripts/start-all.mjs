#!/usr/bin/env node
// Starts the whole system on one machine: the admin app first (it migrates and seeds the store),
// then the public viewer and the export worker. Ctrl-C stops all three cleanly.
//
// - Every process's settings are checked first (tooling/scripts/check-env.ts, the apps' own zod
//   schemas): a bad variable stops the start with a message naming it, and nothing is started.
// - Each process runs in its own process group, so Ctrl-C reaches only this script, which passes
//   exactly one SIGINT to each (a second Ctrl-C passes another: the worker then drops its job).
import { spawn, spawnSync } from 'node:child_process';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const adminHost = process.env.ADMIN_HOST ?? '127.0.0.1';
const adminPort = process.env.ADMIN_PORT ?? '4100';
const viewerHost = process.env.VIEWER_HOST ?? '127.0.0.1';
const viewerPort = process.env.VIEWER_PORT ?? '4200';
const adminUrl = `http://${adminHost}:${adminPort}`;
const viewerUrl = `http://${viewerHost}:${viewerPort}`;
// Where the processes keep their data (the same rules as apps/*/src/env.ts), for the banner.
const dataDir = resolve(repoRoot, process.env.DATA_DIR ?? 'data');
const sqliteFile = resolve(dataDir, process.env.SQLITE_FILE ?? 'leshan.db');
const exportDir = resolve(repoRoot, process.env.EXPORT_DIR ?? join(dataDir, 'exports'));

const isUrl = (text) => {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
};
// The admin links to the viewer and the viewer's feeds name their site: both follow VIEWER_HOST and
// VIEWER_PORT unless set. A bad port is left for the check below to name (not as a bad URL).
const env = {
  ...process.env,
  ADMIN_HOST: adminHost,
  ADMIN_PORT: adminPort,
  VIEWER_HOST: viewerHost,
  VIEWER_PORT: viewerPort,
};
if (isUrl(viewerUrl)) {
  env.VIEWER_URL = process.env.VIEWER_URL ?? viewerUrl;
  env.SITE_URL = process.env.SITE_URL ?? viewerUrl;
}

const APPS = {
  admin: { dir: 'apps/admin', args: ['dist/index.js'] },
  // The viewer's `start` script (tsx), run in this process so its pid is the server's.
  viewer: {
    dir: 'apps/viewer',
    args: ['--conditions=@leshan/source', '--import', 'tsx', 'src/server/index.ts'],
  },
  worker: { dir: 'apps/export-worker', args: ['dist/main.js'] },
};
const colours = { admin: 36, viewer: 32, worker: 35 };
const children = new Map();
// The first admin's e-mail and generated password, when the admin printed them on this start:
// repeated in the banner so they are not lost among the log lines.
const firstAdmin = { email: null, password: null };
let stopping = false;

const shown = (path) => {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
};

const settings = spawnSync(
  process.execPath,
  [
    '--conditions=@leshan/source',
    '--import',
    'tsx',
    join(repoRoot, 'tooling/scripts/check-env.ts'),
  ],
  { cwd: join(repoRoot, APPS.viewer.dir), env, encoding: 'utf8' },
);
if (settings.status !== 0) {
  process.stderr.write(
    settings.stderr ||
      settings.stdout ||
      `settings check failed (${settings.signal ?? settings.status})\n`,
  );
  process.stderr.write(
    '未启动任何进程 (nothing was started): 请修正上面的环境变量后重试 (fix the variables named above and start again).\n',
  );
  process.exit(1);
}

function start(name) {
  const child = spawn(process.execPath, APPS[name].args, {
    cwd: join(repoRoot, APPS[name].dir),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a terminal's Ctrl-C reaches this script only, which passes it on once.
    detached: true,
  });
  const prefix = `\x1b[${colours[name]}m${name.padEnd(6)}\x1b[0m │ `;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (name === 'admin') {
          firstAdmin.email ??= line.match(/first admin created\): (\S+)/)?.[1] ?? null;
          firstAdmin.password ??= line.match(/initial password, shown once\): (\S+)/)?.[1] ?? null;
        }
        process.stdout.write(prefix + line + '\n');
      }
    });
  }
  child.on('error', (error) => {
    process.stdout.write(`${prefix}无法启动 (cannot start): ${error.message}\n`);
  });
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      process.stdout.write(`${prefix}已退出 (exited: ${signal ?? code})，正在停止其余进程\n`);
      stop(1);
      return;
    }
    // Each process says how it ended, so a stop that was not clean is visible (and the exit code shows it).
    process.stdout.write(`${prefix}已停止 (stopped: ${signal ?? code})\n`);
    if (code !== 0) process.exitCode = 1;
    if (children.size === 0) process.exit(process.exitCode ?? 0);
  });
  children.set(name, child);
}

async function waitFor(url, name) {
  for (let i = 0; i < 600; i += 1) {
    if (stopping) return false;
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${name} did not become ready at ${url}`);
}

function signalAll(signal) {
  for (const child of children.values()) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function stop(code = 0) {
  if (stopping) {
    // A second Ctrl-C: pass it on (the worker then abandons its current job at once).
    signalAll('SIGINT');
    return;
  }
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  signalAll('SIGINT');
  setTimeout(() => {
    for (const [name, child] of children) {
      process.stdout.write(`${name}: 15 秒内未停止，强制结束 (did not stop within 15 s; killed)\n`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(1);
  }, 15_000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));
// If this script ends for any other reason, it takes its processes with it.
process.on('exit', () => signalAll('SIGTERM'));

try {
  start('admin');
  await waitFor(`${adminUrl}/readyz`, 'admin');
  if (!stopping) {
    start('viewer');
    start('worker');
  }
  await waitFor(`${viewerUrl}/`, 'viewer');
} catch (error) {
  process.stdout.write(`${error instanceof Error ? error.message : String(error)}\n`);
  stop(1);
}
if (!stopping) {
  const pid = (name) => children.get(name)?.pid ?? '-';
  process.stdout.write(
    [
      '',
      '  乐山政府工作报告 — 系统已启动 (the system is running)',
      `  公众网站 (public viewer):  ${viewerUrl}/`,
      `  公开接口 (public API):     ${viewerUrl}/api/v1/editions/latest`,
      `  编辑后台 (admin app):      ${adminUrl}/admin/`,
      `  数据 (data):               ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `${shown(sqliteFile)} (SQLite)`}`,
      `  导出文件 (exports):        ${shown(exportDir)}`,
      `  进程 (processes):          admin ${pid('admin')} · viewer ${pid('viewer')} · worker ${pid('worker')}`,
      ...(firstAdmin.email === null
        ? [
            '  首位管理员的账号和初始密码只在第一次启动时打印 (the first admin’s credentials are printed on the first start only).',
          ]
        : [
            `  首位管理员 (first admin):  ${firstAdmin.email}`,
            ...(firstAdmin.password === null
              ? []
              : [
                  `  初始密码 (password):      ${firstAdmin.password}  — 只显示这一次，请登录后修改 (shown once)`,
                ]),
          ]),
      '  按 Ctrl-C 停止 (press Ctrl-C to stop).',
      '',
    ].join('\n') + '\n',
  );
}
