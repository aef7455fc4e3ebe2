import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Spawned {
  baseUrl: string;
  stop(): void;
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
        stop: () => child.kill('SIGTERM'),
      });
    });
  });
}
