import { canonicalReport } from '@leshan/report-core/data';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/index.js';
import { startChild } from './children.js';
import { cleanUp, engines, open, rawConnection } from './engines.js';
import type { Target } from './engines.js';
import { measures } from './measures.js';
import { createDatabase, startPostgres } from '@leshan/testing/postgres';

afterAll(cleanUp);

const sqlite = engines[0];

async function auditTargets(store: Store): Promise<Set<string>> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await store.listAudit({ limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    if (!page.ok) throw new Error(page.error.message.en);
    for (const entry of page.entries) if (entry.target !== null) seen.add(entry.target);
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
}

/** Starts a child writing audit lines as fast as it can, kills it with SIGKILL mid-burst. */
async function killMidBurst(target: Target): Promise<string[]> {
  const child = startChild({ target, mode: 'audit-burst', prefix: 'burst-' });
  await child.waitFor((lines) => lines.filter((l) => l.startsWith('ack ')).length >= 150);
  child.process.kill('SIGKILL');
  expect(await child.exited).toBe('SIGKILL');
  return child.lines.filter((l) => l.startsWith('ack ')).map((l) => `burst-${l.slice(4)}`);
}

describe.each(engines)('several processes on one database ($name)', (engine) => {
  it('lands every edit of two processes appending concurrently', async () => {
    const target = await engine.fresh();
    await open(target);
    const ids = measures(canonicalReport).map((m) => m.id);
    const children = [
      startChild({ target, mode: 'edit', measures: ids.slice(0, 10), prefix: 'A' }),
      startChild({ target, mode: 'edit', measures: ids.slice(10, 20), prefix: 'B' }),
    ];
    expect(await Promise.all(children.map((c) => c.exited))).toEqual([0, 0]);
    for (const child of children)
      expect(child.lines.filter((l) => l.startsWith('ack')).length).toBe(10);
    const store = await open(target);
    expect((await store.getDraft())?.revision).toBe(20);
  });
});

describe('durability after SIGKILL', () => {
  it('sqlite: reopens cleanly with every acknowledged write', async () => {
    const target = (await sqlite?.fresh()) ?? {};
    await open(target);
    const acked = await killMidBurst(target);
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
      rawConnection(target).db,
    );
    expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
    const seen = await auditTargets(await open(target));
    expect(acked.filter((t) => !seen.has(t))).toEqual([]);
  });

  it('postgres: every acknowledged write survives the client’s SIGKILL and a server crash', async () => {
    // Its own cluster with fsync on: the shared test cluster trades durability for speed.
    const cluster = await startPostgres({ durable: true });
    try {
      const target = { databaseUrl: await createDatabase(cluster.url('postgres')) };
      const setup = await open(target);
      await setup.close();
      const acked = await killMidBurst(target);
      await cluster.stop('immediate');
      await cluster.start();
      const seen = await auditTargets(await open(target));
      expect(acked.filter((t) => !seen.has(t))).toEqual([]);
      expect(acked.length).toBeGreaterThanOrEqual(150);
    } finally {
      await cleanUp();
      await cluster.destroy();
    }
  });
});
