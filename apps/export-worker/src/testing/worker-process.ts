import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childBaseEnv } from './env.js';

const appDir = fileURLToPath(new URL('../..', import.meta.url));
const main = fileURLToPath(new URL('../main.ts', import.meta.url));

/** One pino log line of the worker process. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface WorkerProcess {
  process: ChildProcess;
  logs: LogLine[];
  /** Exit code, or the signal that ended it, once the process is gone and its output read. */
  exited: Promise<number | string>;
  /** Resolves with the first log line matching `predicate` (also one already logged). */
  waitForLog: (predicate: (line: LogLine) => boolean) => Promise<LogLine>;
  stderr: () => string;
}

/** Starts the real process entry (src/main.ts, through tsx) with `env` on top of ours. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--conditions=@leshan/source', '--import', 'tsx', main], {
    cwd: appDir,
    env: { ...childBaseEnv(), LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const wake: (() => void)[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (buffer + chunk).split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) if (part.trim() !== '') logs.push(JSON.parse(part) as LogLine);
    for (const w of wake.splice(0)) w();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let ended = false;
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => {
      ended = true;
      for (const w of wake.splice(0)) w();
      resolve(code ?? signal ?? -1);
    });
  });
  const waitForLog = async (predicate: (line: LogLine) => boolean): Promise<LogLine> => {
    for (;;) {
      const found = logs.find(predicate);
      if (found !== undefined) return found;
      if (ended) {
        const out = logs.map((l) => JSON.stringify(l)).join('\n');
        throw new Error(`worker exited first; stderr:\n${stderr}\nlogs:\n${out}`);
      }
      await new Promise<void>((resolve) => wake.push(resolve));
    }
  };
  return { process: child, logs, exited, waitForLog, stderr: () => stderr };
}

/** Target settings as the worker reads them from its environment. */
export function storeEnv(target: {
  sqliteFile?: string | undefined;
  databaseUrl?: string | undefined;
}): Record<string, string> {
  return target.databaseUrl !== undefined
    ? { DATABASE_URL: target.databaseUrl }
    : { SQLITE_FILE: target.sqliteFile ?? '' };
}
