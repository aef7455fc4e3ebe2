import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./child/store-child.ts', import.meta.url));

export interface Child {
  process: ChildProcess;
  lines: string[];
  /** Resolves with the exit code (or signal) once the process ended and its output was read. */
  exited: Promise<number | string>;
  /** Resolves once `predicate` holds for the lines printed so far. */
  waitFor: (predicate: (lines: string[]) => boolean) => Promise<void>;
}

/** Starts test/child/store-child.ts in a new Node process with TypeScript support (and `env` added). */
export function startChild(args: object, env: Record<string, string> = {}): Child {
  const child = spawn(
    process.execPath,
    ['--conditions=@leshan/source', '--import', 'tsx', script, JSON.stringify(args)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // eslint-disable-next-line no-restricted-properties -- the child inherits this environment, plus the test's
      env: { ...process.env, ...env },
    },
  );
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => {
      for (const wake of waiters.splice(0)) wake();
      resolve(code ?? signal ?? -1);
    });
  });
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const waitFor = async (predicate: (lines: string[]) => boolean): Promise<void> => {
    while (!predicate(lines)) {
      if (ended)
        throw new Error(`child exited early; stderr:\n${stderr}\nstdout:\n${lines.join('\n')}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { process: child, lines, exited, waitFor };
}
