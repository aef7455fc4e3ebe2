#!/usr/bin/env node
// Starts the whole system on one machine: the admin app first (it migrates and seeds the store),
// then the public viewer and the export worker. Ctrl-C stops all three cleanly.
import { spawn } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const adminHost = process.env.ADMIN_HOST ?? '127.0.0.1';
const adminPort = process.env.ADMIN_PORT ?? '4100';
const viewerHost = process.env.VIEWER_HOST ?? '127.0.0.1';
const viewerPort = process.env.VIEWER_PORT ?? '4200';
const viewerUrl = `http://${viewerHost}:${viewerPort}`;
// Where the admin keeps the SQLite store (same rule as apps/admin/src/env.ts), for the banner.
const dataDir = resolve(repoRoot, process.env.DATA_DIR ?? 'data');
const sqliteFile = relative(process.cwd(), resolve(dataDir, process.env.SQLITE_FILE ?? 'leshan.db')) || '.';
const env = { ...process.env, ADMIN_PORT: adminPort, VIEWER_PORT: viewerPort, VIEWER_URL: process.env.VIEWER_URL ?? viewerUrl };

const colours = { admin: 36, viewer: 32, worker: 35 };
const children = new Map();
let stopping = false;

function start(name) {
  const child = spawn('pnpm', ['--silent', '--filter', name === 'worker' ? 'export-worker' : name, 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `\x1b[${colours[name]}m${name.padEnd(6)}\x1b[0m │ `;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
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

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(code || 1);
  }, 15_000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('admin');
await waitFor(`http://${adminHost}:${adminPort}/readyz`, 'admin');
start('viewer');
start('worker');
await waitFor(`${viewerUrl}/`, 'viewer');
if (!stopping) {
  process.stdout.write(
    [
      '',
      '  乐山政府工作报告 — 系统已启动 (the system is running)',
      `  公众网站 (public viewer):  ${viewerUrl}/`,
      `  公开接口 (public API):     ${viewerUrl}/api/v1/editions/latest`,
      `  编辑后台 (admin app):      http://${adminHost}:${adminPort}/admin/`,
      `  数据 (data):               ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `${sqliteFile} (SQLite)`}`,
      '  首位管理员的账号和初始密码只在第一次启动时打印在上方 (first admin credentials are printed above on the first start).',
      '  按 Ctrl-C 停止 (press Ctrl-C to stop).',
      '',
    ].join('\n') + '\n',
  );
}
