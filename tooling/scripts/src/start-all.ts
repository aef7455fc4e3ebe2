// Starts the whole system on one machine: the admin app first (it migrates and seeds the store),
// then the public viewer and the export worker. Ctrl-C stops all three cleanly.
//
// - Every process's settings are checked first (check-env.ts, the apps' own zod readers): a bad
//   variable stops the start with a message naming it, and nothing is started.
// - Each process runs in its own process group, so Ctrl-C reaches only this script, which passes
//   exactly one SIGINT to each (a second Ctrl-C passes another: the worker then drops its job).
// - A process that exits on its own is started again after a backoff (restart-policy.ts: 0.5 s
//   doubling to 10 s, from 0.5 s again after a healthy minute), logged; the others keep serving.
// - `--dev` (`pnpm dev`): the sources, restarted on change, and both UIs through Vite's dev server.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { commandFor } from './apps.js';
import type { AppName } from './apps.js';
import { banner } from './banner.js';
import { checkSettings } from './check-env.js';
import { childEnv } from './child-env.js';
import { devMode, scriptEnv } from './env.js';
import { DEFAULT_RESTART_POLICY, nextRestart } from './restart-policy.js';
import type { RestartState } from './restart-policy.js';

// This file (src/start-all.ts) and its build (dist/start-all.js) sit two levels below the root.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const dev = devMode();
const env = childEnv(scriptEnv(), repoRoot);

const checked = checkSettings(env);
if (!checked.ok) {
  process.stderr.write(`${checked.problems.join('\n')}\n`);
  process.stderr.write(
    '未启动任何进程 (nothing was started): 请修正上面的环境变量后重试 (fix the variables named above and start again).\n',
  );
  process.exit(1);
}
const { settings } = checked;
const adminUrl = `http://${settings.admin.ADMIN_HOST}:${settings.admin.ADMIN_PORT}`;
const viewerUrl = `http://${settings.viewer.VIEWER_HOST}:${settings.viewer.VIEWER_PORT}`;

const colours: Record<AppName, number> = { admin: 36, viewer: 32, worker: 35 };
const children = new Map<AppName, ChildProcess>();
const restarts = new Map<AppName, RestartState>();
// Restarts waiting for their backoff: Ctrl-C cancels them.
const pending = new Map<AppName, NodeJS.Timeout>();
// The first admin's e-mail and the owner-only file with its generated password, when the admin
// printed them on this start: repeated in the banner so they are not lost among the log lines.
// The password itself is never printed (issue 15).
const firstAdmin: { email: string | null; passwordFile: string | null } = {
  email: null,
  passwordFile: null,
};
let stopping = false;
// Processes that have printed a line: the worker's first is its start (signal handlers in place).
const spoke = new Set<AppName>();

function start(name: AppName): void {
  const startedAt = Date.now();
  const command = commandFor(name, repoRoot, dev);
  const child = spawn(process.execPath, command.args, {
    cwd: command.dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a terminal's Ctrl-C reaches this script only, which passes it on once.
    detached: true,
  });
  const prefix = `\x1b[${colours[name]}m${name.padEnd(6)}\x1b[0m │ `;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        spoke.add(name);
        if (name === 'admin') {
          firstAdmin.email ??= line.match(/first admin created\): (\S+)/)?.[1] ?? null;
          firstAdmin.passwordFile ??=
            line.match(/initial password file, owner-only\): (\S+)/)?.[1] ?? null;
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
      const next = nextRestart(
        DEFAULT_RESTART_POLICY,
        restarts.get(name) ?? { streak: 0 },
        Date.now() - startedAt,
      );
      restarts.set(name, next.state);
      process.stdout.write(
        `${prefix}意外退出 (exited unexpectedly: ${signal ?? code})，${next.delayMs / 1000} 秒后重启 (restart ${next.state.streak} in ${next.delayMs} ms)\n`,
      );
      pending.set(
        name,
        setTimeout(() => {
          pending.delete(name);
          if (!stopping) start(name);
        }, next.delayMs),
      );
      return;
    }
    // Each process says how it ended, so a stop that was not clean is visible (and the exit code shows it).
    process.stdout.write(`${prefix}已停止 (stopped: ${signal ?? code})\n`);
    if (code !== 0) process.exitCode = 1;
    if (children.size === 0) process.exit(process.exitCode ?? 0);
  });
  children.set(name, child);
}

async function waitFor(url: string, name: string): Promise<boolean> {
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

/** Until the process printed its first line (the worker has no address to ask). */
async function waitForOutput(name: AppName): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (stopping || spoke.has(name)) return;
    await sleep(200);
  }
  throw new Error(`${name} did not start within 120 s`);
}

function signalAll(signal: NodeJS.Signals): void {
  for (const child of children.values()) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function stop(code = 0): void {
  if (stopping) {
    // A second Ctrl-C: pass it on (the worker then abandons its current job at once).
    signalAll('SIGINT');
    return;
  }
  stopping = true;
  process.exitCode = code;
  for (const timer of pending.values()) clearTimeout(timer);
  pending.clear();
  if (children.size === 0) process.exit(code);
  signalAll('SIGINT');
  setTimeout(() => {
    for (const [name, child] of children) {
      process.stdout.write(`${name}: 15 秒内未停止，强制结束 (did not stop within 15 s; killed)\n`);
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
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
  await waitForOutput('worker');
} catch (error) {
  process.stdout.write(`${error instanceof Error ? error.message : String(error)}\n`);
  stop(1);
}
if (!stopping) {
  const pid = (name: AppName): string => String(children.get(name)?.pid ?? '-');
  process.stdout.write(
    banner({
      viewerUrl,
      adminUrl,
      sqliteFile: settings.admin.DATABASE_URL === undefined ? settings.admin.sqliteFile : undefined,
      exportDir: settings.worker.exportDir,
      pids: `admin ${pid('admin')} · viewer ${pid('viewer')} · worker ${pid('worker')}`,
      dev,
      firstAdmin,
      cwd: env.INIT_CWD ?? process.cwd(),
    }),
  );
}
