import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Spawned {
  baseUrl: string;
  /** CPU time the server process has used so far, in ms (user + system, from /proc). */
  cpuMs(): number;
  stop(): void;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  // Fields after the command name (which may hold spaces): state is 3rd, utime 14th, stime 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Starts bench/serve.ts in a child process and resolves with its address once it listens. */
export function spawnServer(args: string[]): Promise<Spawned> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@leshan/source',
      fileURLToPath(new URL('./serve.ts', import.meta.url)),
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${String(code)}`)));
    child.stdout.once('data', (data: Buffer) => {
      resolve({
        baseUrl: `http://127.0.0.1:${data.toString().trim()}`,
        cpuMs: () => cpuMsOf(child.pid),
        stop: () => child.kill('SIGTERM'),
      });
    });
  });
}
