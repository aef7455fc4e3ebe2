import { readdirSync, readFileSync } from 'node:fs';
import type { AppName } from '../../src/system.js';

// Issue 12: what a process holds, read from /proc (Linux), so a phase can show it gave back what
// it took: a leaked descriptor per HEAD or 304 once took the viewer from 31 to 3,049.

export interface Usage {
  fds: number;
  rssMb: number;
}

export function usage(pid: number): Usage {
  const fds = readdirSync(`/proc/${pid}/fd`).length;
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return { fds, rssMb: Math.round(rssKb / 102.4) / 10 };
}

const BUILT: Record<string, AppName> = {
  'dist/index.js': 'admin',
  'dist/server.js': 'viewer',
  'dist/main.js': 'worker',
};

/** The current pid of each process the start script runs (they change when one is restarted). */
export function appPids(startAllPid: number): Partial<Record<AppName, number>> {
  const pids: Partial<Record<AppName, number>> = {};
  let children: string;
  try {
    children = readFileSync(`/proc/${startAllPid}/task/${startAllPid}/children`, 'utf8');
  } catch {
    return pids;
  }
  for (const pid of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const app = BUILT[args[1] ?? ''];
      if (app !== undefined) pids[app] = pid;
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}
