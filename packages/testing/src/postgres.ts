import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { testingEnv } from './env.js';
import { freePort } from './ports.js';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster for tests, started from the machine's PostgreSQL binaries. */
export interface PostgresCluster {
  port: number;
  dataDir: string;
  /** Connection URL of a database in this cluster (user postgres, trust auth, 127.0.0.1). */
  url: (database: string) => string;
  /** Stops the server: 'fast' for a clean shutdown, 'immediate' to simulate a crash. */
  stop: (mode?: 'fast' | 'immediate') => Promise<void>;
  start: () => Promise<void>;
  /** Stops the server and deletes its files. */
  destroy: () => Promise<void>;
}

const MISSING =
  'PostgreSQL binaries not found (looked in /usr/lib/postgresql/*/bin and PG_BIN). ' +
  'These tests need a real PostgreSQL: install it with ' +
  '`apt-get update && apt-get install -y postgresql` (CI does this), or set PG_BIN to the folder of initdb and pg_ctl.';

/** The folder of initdb and pg_ctl: `fromEnv` (PG_BIN) when it has them, else the newest installed. */
export function findPostgresBin(fromEnv: string | undefined = testingEnv.PG_BIN): string {
  if (fromEnv !== undefined && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) throw new Error(MISSING);
  return join(root, newest, 'bin');
}

// initdb and postgres refuse to run as root: as root, run them as the postgres user.
async function postgresIds(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Starts a new cluster in a temporary folder on a free port; `durable` keeps fsync on. */
export async function startPostgres(
  options: { durable?: boolean; bin?: string } = {},
): Promise<PostgresCluster> {
  const bin = findPostgresBin(options.bin);
  const ids = await postgresIds();
  const exec = (tool: string, args: string[]) =>
    ids === null
      ? run(join(bin, tool), args)
      : run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]);
  const root = mkdtempSync(join(tmpdir(), 'leshan-pg-'));
  if (ids !== null) chownSync(root, ids.uid, ids.gid);
  const dataDir = join(root, 'data');
  const port = await freePort();
  await exec('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  // A test cluster trades crash safety for speed, unless a test checks exactly that.
  const speed =
    options.durable === true
      ? []
      : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
  const serverOptions = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    ...speed,
  ].join(' ');
  const start = async (): Promise<void> => {
    await exec('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      join(root, 'server.log'),
      '-o',
      serverOptions,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast'): Promise<void> => {
    await exec('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
  };
  await start();
  return {
    port,
    dataDir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop,
    destroy: async () => {
      await stop('fast').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** Creates an empty database in the cluster at `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  counter += 1;
  const name = `store_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
