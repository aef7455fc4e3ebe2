import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testEnv } from './env.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));

export interface AdminProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> of the running server. */
  baseUrl: string;
  /** Everything the process printed so far, stdout and stderr. */
  output: () => string;
  /** Resolves with the exit code or signal once the process ended. */
  exited: Promise<number | string>;
}

/** Where the store lives and who the first admin is: the only settings the tests vary. */
export interface AdminProcessEnv {
  SQLITE_FILE?: string;
  DATABASE_URL?: string;
  ADMIN_EMAIL: string;
  ADMIN_PASSWORD: string;
  LOG_LEVEL?: string;
}

/**
 * Starts src/index.ts as its own Node process (tsx, source condition) on a port the system picks,
 * and resolves once it logged that it listens. The environment is built from scratch, so nothing of
 * the caller's (a DATABASE_URL, say) leaks in.
 */
export async function startAdminProcess(
  env: AdminProcessEnv,
  options: { keepOutput?: boolean } = {},
): Promise<AdminProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=@leshan/source', '--import', 'tsx', 'src/index.ts'],
    {
      cwd: appDir,
      env: {
        PATH: testEnv.PATH,
        ...(testEnv.HOME === undefined ? {} : { HOME: testEnv.HOME }),
        ADMIN_PORT: '0',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let listening = false;
  // A benchmark drains the request log without keeping it (it would grow by megabytes a second).
  child.stdout?.on('data', (chunk: Buffer) => {
    if (!listening || options.keepOutput !== false) out += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? signal ?? -1));
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`admin did not start within 60 s:\n${out}`)),
      60_000,
    );
    const onData = (): void => {
      const found = /"port":(\d+)[^\n]*"msg":"admin listening"/.exec(out);
      if (found !== null && !listening) {
        listening = true;
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`admin exited (${how}) before listening:\n${out}`));
    });
  });
  return { child, baseUrl: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** Stops the process with SIGTERM (graceful) or SIGKILL and waits until it is gone. */
export async function stopAdminProcess(
  admin: AdminProcess,
  signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM',
): Promise<number | string> {
  if (admin.child.exitCode === null && admin.child.signalCode === null) admin.child.kill(signal);
  return admin.exited;
}

export interface HttpSession {
  cookie: string;
  csrf: string;
}

/** Signs in over HTTP; the cookie is kept as a header value. */
export async function httpSignIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}
