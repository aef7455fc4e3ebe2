import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suiteEnv } from '../env.js';
import type { Capture } from './capture.js';
import { repoRoot } from './paths.js';

/** One JSON log line (pino) of a process. */
export interface LogLine {
  level?: number;
  msg?: string;
  [field: string]: unknown;
}

export type AppName = 'admin' | 'viewer' | 'worker';

/** One running process of the system, started on the built app. */
export interface AppProcess {
  name: AppName;
  child: ChildProcess;
  /** Lines printed so far, stdout and stderr. */
  lines: string[];
  /** The lines that were JSON log records. */
  logs: LogLine[];
  /** Resolves with the exit code or the signal once the process is gone. */
  exited: Promise<number | string>;
  /** Resolves with the first line (already printed or to come) the predicate accepts. */
  waitForLine: (
    predicate: (line: string, log: LogLine | undefined) => boolean,
    timeoutMs: number,
    what: string,
  ) => Promise<string>;
}

/** The store and folders of one system under test, in a fresh temporary folder. */
export interface SystemFiles {
  dataDir: string;
  sqliteFile: string;
  exportDir: string;
  remove: () => void;
}

export function systemFiles(label: string): SystemFiles {
  const dataDir = mkdtempSync(join(tmpdir(), `leshan-reliability-${label}-`));
  return {
    dataDir,
    sqliteFile: join(dataDir, 'leshan.db'),
    exportDir: join(dataDir, 'exports'),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

const COMMANDS: Record<AppName, { cwd: string; args: string[] }> = {
  // As `pnpm start` runs them: the built admin, viewer and worker.
  admin: { cwd: repoRoot, args: ['apps/admin/dist/index.js'] },
  viewer: { cwd: repoRoot, args: ['apps/viewer/dist/server.js'] },
  worker: { cwd: repoRoot, args: ['apps/export-worker/dist/main.js'] },
};

/**
 * Starts one app as its own process with an environment built from scratch (nothing of the
 * caller's leaks in), recording every line it prints into the capture.
 */
export function startApp(name: AppName, env: Record<string, string>, capture: Capture): AppProcess {
  const { cwd, args } = COMMANDS[name];
  const child = spawn(process.execPath, args, {
    cwd,
    env: {
      PATH: suiteEnv.PATH,
      ...(suiteEnv.HOME === undefined ? {} : { HOME: suiteEnv.HOME }),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const logs: LogLine[] = [];
  const wake = new Set<() => void>();
  let ended = false;
  const onText = (): ((chunk: string) => void) => {
    let buffer = '';
    return (chunk: string) => {
      const parts = (buffer + chunk).split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        if (line.trim() === '') continue;
        lines.push(line);
        capture.line(name, line);
        if (line.startsWith('{')) {
          try {
            logs.push(JSON.parse(line) as LogLine);
          } catch {
            // not a log record
          }
        }
      }
      for (const w of wake) w();
    };
  };
  child.stdout.setEncoding('utf8').on('data', onText());
  child.stderr.setEncoding('utf8').on('data', onText());
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => {
      ended = true;
      for (const w of wake) w();
      resolve(code ?? signal ?? -1);
    });
  });
  const parsed = (line: string): LogLine | undefined => {
    if (!line.startsWith('{')) return undefined;
    try {
      return JSON.parse(line) as LogLine;
    } catch {
      return undefined;
    }
  };
  const waitForLine = (
    predicate: (line: string, log: LogLine | undefined) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<string> =>
    new Promise((resolve, reject) => {
      let seen = 0;
      const check = (): void => {
        for (; seen < lines.length; seen += 1) {
          const line = lines[seen] ?? '';
          if (predicate(line, parsed(line))) {
            done();
            resolve(line);
            return;
          }
        }
        if (ended) {
          done();
          reject(new Error(`${name} exited before ${what}:\n${lines.slice(-30).join('\n')}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(`${name}: no ${what} within ${timeoutMs} ms:\n${lines.slice(-30).join('\n')}`),
        );
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        wake.delete(check);
      };
      wake.add(check);
      check();
    });
  return { name, child, lines, logs, exited, waitForLine };
}

/** Sends the signal (unless the process is gone) and waits until it is. */
export async function stopApp(
  app: AppProcess,
  signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM',
): Promise<number | string> {
  if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill(signal);
  return app.exited;
}
