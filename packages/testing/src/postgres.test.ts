import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresCluster } from './postgres.js';
import { createDatabase, startPostgres } from './postgres.js';

let cluster: PostgresCluster;

beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => cluster.destroy());

async function currentDatabase(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT current_database() AS name')).rows[0];
  } finally {
    await client.end();
  }
}

describe('startPostgres', () => {
  it('gives each createDatabase call a new empty database of the cluster', async () => {
    const [a, b] = await Promise.all([
      createDatabase(cluster.url('postgres')),
      createDatabase(cluster.url('postgres')),
    ]);
    expect(a).not.toBe(b);
    expect(await currentDatabase(a)).toEqual({ name: new URL(a).pathname.slice(1) });
  });

  it('starts again after a crash, and destroy deletes its files', async () => {
    await cluster.stop('immediate');
    await cluster.start();
    expect(await currentDatabase(cluster.url('postgres'))).toEqual({ name: 'postgres' });
    const other = await startPostgres();
    await other.destroy();
    expect(existsSync(other.dataDir)).toBe(false);
  });
});
