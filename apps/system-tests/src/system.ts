import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@leshan/testing/ports';
import { waitUntil } from '@leshan/testing/wait';
import { inheritedEnv } from './env.js';

/** The repository root: the start script resolves `data/` and the apps from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// The start script as `pnpm start` runs it after its build (@leshan/scripts, built by tsup).
const START_ALL = join(REPO_ROOT, 'tooling', 'scripts', 'dist', 'start-all.js');

/**
 * Every setting the three processes read; a test never inherits them from the shell or CI
 * (INIT_CWD too: relative paths, the banner's among them, are then the repository root's).
 */
const SETTING =
  /^(INIT_CWD|DATABASE_URL|DATA_DIR|SQLITE_FILE|EXPORT_DIR|ADMIN_.*|VIEWER_.*|SITE_URL|SESSION_TTL_HOURS|LOGIN_.*|TRUST_PROXY|WORKER_.*|LEASE_MS|POLL_MS|LOG_LEVEL|STATIC_OUT_DIR)$/;
const RESERVED_PORTS = [4100, 4200];

export type AppName = 'admin' | 'viewer' | 'worker';

/** A free TCP port on 127.0.0.1, never the defaults a person's own `pnpm start` may be using. */
export function systemPort(taken: readonly number[] = []): Promise<number> {
  return freePort([...RESERVED_PORTS, ...taken]);
}

/** A temporary folder for one system's data (never the repository's `data/`). */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'leshan-system-'));
}

/** The inherited environment without any of the system's settings, plus the given ones. */
export function cleanEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(inheritedEnv()))
    if (!SETTING.test(key)) env[key] = value;
  return { ...env, ...settings };
}

// eslint-disable-next-line no-control-regex -- the prefixes the start script colours
const ANSI = /\x1b\[[0-9;]*m/g;

/** Everything a process group printed, as text without colours, line by line. */
class Output {
  private text = '';
  constructor(child: ChildProcess) {
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        this.text += chunk.replace(ANSI, '');
      });
    }
  }
  get all(): string {
    return this.text;
  }
}

/** Process groups started here, killed by killLeftovers() if a test failed before stopping them. */
const groups = new Set<number>();
// Even when the test process ends early (an error, a timeout), it takes the systems with it.
process.once('exit', () => killLeftovers());

/** True while a process with this id exists (a zombie not yet reaped counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\S+\s+\S+\s+Z/.test(readStat(pid));
  } catch {
    return false;
  }
}

/** True while any process of the process group led by `pgid` exists. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function readStat(pid: number): string {
  // /proc/<pid>/stat: "pid (comm) state ..."; comm may contain spaces but not ") ".
  return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/\(.*\)/, '(comm)');
}

/** Kills (SIGKILL) every process group a test started and did not stop; for afterAll. */
export function killLeftovers(): void {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  groups.clear();
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  /** From the signal (or from the start, for a run that ended by itself) to the exit. */
  ms: number;
}

function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

export interface Credentials {
  email: string;
  password: string;
}

export interface RunningSystem {
  adminUrl: string;
  viewerUrl: string;
  dataDir: string;
  /** The export folder the banner reports. */
  exportDir: string;
  /**
   * The first admin's e-mail and password, when this start created it: the generated password
   * read from the owner-only file the banner names, already changed to a new one at the first
   * sign-in as the admin requires (issue 15).
   */
  credentials: Credentials | null;
  /** That file and what the first sign-in answered, for the tests of the first start. */
  firstAdmin: { passwordFile: string; generated: string; mustChangePassword: boolean } | null;
  /** start-all's own pid (the leader of its process group) and the three processes' pids. */
  pid: number;
  pids: Record<AppName, number>;
  output(): string;
  /** The JSON log lines one process printed (pino), in order. */
  logs(app: AppName): Record<string, unknown>[];
  /** Ctrl-C: SIGINT to start-all's process group; resolves when start-all has exited. */
  stop(): Promise<Exit>;
}

export interface StartOptions {
  /** Reuse a data folder (a second start); a new temporary one by default. */
  dataDir?: string;
  /** More settings (DATABASE_URL, POLL_MS, …). */
  env?: Record<string, string>;
  /** How long to wait for the banner. */
  timeoutMs?: number;
  /** `pnpm dev` (the sources, reloaded on change, UIs through Vite) instead of the built start. */
  dev?: boolean;
}

function spawnStartAll(
  env: NodeJS.ProcessEnv,
  dev = false,
): { child: ChildProcess; output: Output } {
  // Exactly the first command after its build step: `node tooling/scripts/dist/start-all.js` from
  // the repository root, in its own process group (as a terminal runs it); or `pnpm dev`.
  const [command, args] = dev ? ['pnpm', ['dev']] : [process.execPath, [START_ALL]];
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('system: cannot start the start script');
  groups.add(child.pid);
  return { child, output: new Output(child) };
}

const BANNER_END = '按 Ctrl-C 停止';

function match(text: string, pattern: RegExp, what: string): RegExpMatchArray {
  const found = text.match(pattern);
  if (found === null) throw new Error(`system: the output has no ${what}:\n${text}`);
  return found;
}

/** Lines of one process, as the start script prefixes them ("worker │ …"). */
function linesOf(text: string, app: AppName): string[] {
  const prefix = `${app.padEnd(6)} │ `;
  return text
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(prefix.length));
}

export function jsonLines(lines: readonly string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a partial or non-JSON line
    }
  }
  return out;
}

/**
 * Starts the system as the README's first command does after its build, on free ports and a
 * temporary data folder, and resolves once the banner is printed.
 */
export async function startSystem(options: StartOptions = {}): Promise<RunningSystem> {
  const dataDir = options.dataDir ?? tempDataDir();
  if (resolve(dataDir).startsWith(join(REPO_ROOT, 'data'))) {
    throw new Error(`system: a test must not use the repository's data/ (${dataDir})`);
  }
  const adminPort = await systemPort();
  const viewerPort = await systemPort([adminPort]);
  const env = cleanEnv({
    DATA_DIR: dataDir,
    ADMIN_PORT: String(adminPort),
    VIEWER_PORT: String(viewerPort),
    ...options.env,
  });
  const { child, output } = spawnStartAll(env, options.dev);
  const pid = child.pid as number;
  let ended = false;
  void exited(child).then(() => {
    ended = true;
  });
  await waitUntil(
    () => `the banner of the start script:\n${output.all}`,
    () => output.all.includes(BANNER_END) || ended,
    options.timeoutMs ?? 90_000,
    200,
  );
  if (!output.all.includes(BANNER_END))
    throw new Error(`system: the start script exited before it printed its banner:\n${output.all}`);
  const text = output.all;
  const pids = match(
    text,
    /进程 \(processes\):\s+admin (\d+) · viewer (\d+) · worker (\d+)/,
    'process ids',
  );
  // The banner repeats the credentials the admin printed on this start (only the first).
  const email = text.match(/首位管理员 \(first admin\):\s+(\S+)/);
  const passwordFile = text.match(/初始密码文件 \(password file\):\s+(\S+)/)?.[1];
  const adminUrl = match(
    text,
    /编辑后台 \(admin app\):\s+(http\S+?)\/admin\//,
    'admin URL',
  )[1] as string;
  const first =
    email === null || passwordFile === undefined
      ? null
      : await takeOverFirstAdmin(adminUrl, email[1] as string, passwordFile);
  const system: RunningSystem = {
    adminUrl,
    viewerUrl: match(
      text,
      /公众网站 \(public viewer\):\s+(http\S+?)\/\s*$/m,
      'viewer URL',
    )[1] as string,
    exportDir: resolve(
      REPO_ROOT,
      match(text, /导出文件 \(exports\):\s+(.+?)\s*$/m, 'export folder')[1] as string,
    ),
    dataDir,
    credentials: first?.credentials ?? null,
    firstAdmin: first?.firstAdmin ?? null,
    pid,
    pids: { admin: Number(pids[1]), viewer: Number(pids[2]), worker: Number(pids[3]) },
    output: () => output.all,
    logs: (app) => jsonLines(linesOf(output.all, app)),
    async stop() {
      const from = Date.now();
      if (!ended) process.kill(-pid, 'SIGINT');
      const { code, signal } = await exited(child);
      groups.delete(pid);
      return { code, signal, output: output.all, ms: Date.now() - from };
    },
  };
  return system;
}

/**
 * The first sign-in of a generated admin: the password from its file, then the change the admin
 * requires before anything else (POST /api/session/password).
 */
async function takeOverFirstAdmin(
  adminUrl: string,
  email: string,
  passwordFile: string,
): Promise<{ credentials: Credentials; firstAdmin: NonNullable<RunningSystem['firstAdmin']> }> {
  const generated = readFileSync(passwordFile, 'utf8').split('\n')[1] ?? '';
  const signIn = await fetch(`${adminUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: generated }),
  });
  const body = (await signIn.json()) as {
    csrfToken: string;
    user: { mustChangePassword: boolean };
  };
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .join('; ');
  const password = `system tests changed ${generated}`;
  const changed = await fetch(`${adminUrl}/api/session/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrfToken },
    body: JSON.stringify({ currentPassword: generated, newPassword: password }),
  });
  if (changed.status !== 200)
    throw new Error(`system: the first admin's password change failed: HTTP ${changed.status}`);
  return {
    credentials: { email, password },
    firstAdmin: { passwordFile, generated, mustChangePassword: body.user.mustChangePassword },
  };
}

/** Runs the start script with the given settings until it exits by itself (a refused start). */
export async function runUntilExit(
  settings: Record<string, string>,
  timeoutMs = 30_000,
): Promise<Exit> {
  const from = Date.now();
  const { child, output } = spawnStartAll(cleanEnv(settings));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await exited(child);
  clearTimeout(timer);
  groups.delete(child.pid as number);
  return { code, signal, output: output.all, ms: Date.now() - from };
}

export interface ExtraProcess {
  pid: number;
  output(): string;
  logs(): Record<string, unknown>[];
  /** SIGTERM to its process group; resolves when nothing of it is left. */
  stop(): Promise<void>;
}

/**
 * One more viewer or worker against the same store, started as the README's scale-out section
 * says (`pnpm --filter viewer start`, `pnpm --filter export-worker start`).
 */
export function startExtra(
  app: 'viewer' | 'worker',
  settings: Record<string, string>,
): ExtraProcess {
  const child = spawn(
    'pnpm',
    ['--silent', '--filter', app === 'worker' ? 'export-worker' : 'viewer', 'start'],
    {
      cwd: REPO_ROOT,
      env: cleanEnv(settings),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (child.pid === undefined) throw new Error(`system: cannot start an extra ${app}`);
  const pid = child.pid;
  groups.add(pid);
  const output = new Output(child);
  return {
    pid,
    output: () => output.all,
    logs: () => jsonLines(output.all.split('\n')),
    async stop() {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await waitUntil(`the extra ${app} to stop`, () => !groupAlive(pid), 20_000, 200).catch(() => {
        process.kill(-pid, 'SIGKILL');
      });
      groups.delete(pid);
    },
  };
}

/** Deletes a temporary data folder. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
