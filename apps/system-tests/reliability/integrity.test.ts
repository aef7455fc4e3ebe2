import { randomUUID } from 'node:crypto';
import { readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { applyCommands } from '@leshan/report-core/edit';
import { canonicalContent, contentHash } from '@leshan/report-core/hash';
import { listMeasures } from '@leshan/report-core/model';
import type { Report } from '@leshan/report-core/model';
import type { ArtifactOfEdition, Store } from '@leshan/report-store';
import { openStore } from '@leshan/report-store';
import { waitUntil } from '@leshan/testing/wait';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppName, RunningSystem } from '../src/system.js';
import { killLeftovers, removeDir, startSystem, tempDataDir } from '../src/system.js';
import { sha256 } from './lib/report.js';
import type { ResourceFigures } from './lib/figures.js';
import { appPids, usage } from './lib/resources.js';
import { resultsDir } from './lib/paths.js';
import { recordFigures } from './lib/results.js';

// Issue 12: the system keeps itself up and what it serves is what was published. One system
// under `pnpm start` (the built start script), phase after phase; each phase checks that every
// process gives back the descriptors and memory it took.

const APPS: AppName[] = ['admin', 'viewer', 'worker'];
const FORMATS = 10; // EXPORT_FORMATS of the store
const FD_BOUND = 16;
const RSS_BOUND_MB = 128;

let system: RunningSystem;
let store: Store;
let dataDir: string;
const resources: ResourceFigures[] = [];

beforeAll(async () => {
  dataDir = tempDataDir();
  system = await startSystem({
    dataDir,
    env: { POLL_MS: '100', LEASE_MS: '5000', RECONCILE_MS: '500', WORKER_CONCURRENCY: '1' },
  });
  store = await openStore({ sqliteFile: join(dataDir, 'leshan.db'), seed: false });
  await allWhole(1, 120_000);
});

afterAll(async () => {
  await store.close();
  const exit = await system.stop();
  // What the three processes printed, beside the figures (git-ignored), for a failed run.
  writeFileSync(join(resultsDir, 'integrity-output.log'), exit.output);
  killLeftovers();
  removeDir(dataDir);
  expect(exit.code, exit.output.slice(-3000)).toBe(0);
});

const since = (start: number): number => Math.round(performance.now() - start);

function pids(): Record<AppName, number> {
  const current = appPids(system.pid);
  const out = {} as Record<AppName, number>;
  for (const app of APPS) {
    const pid = current[app];
    if (pid === undefined) throw new Error(`no ${app} process under the start script`);
    out[app] = pid;
  }
  return out;
}

/** Runs a phase and checks that each process (the same pid before and after) gave back what it took. */
async function watched<T>(phase: string, run: () => Promise<T>): Promise<T> {
  const before = pids();
  const used = Object.fromEntries(APPS.map((app) => [app, usage(before[app])]));
  const result = await run();
  // Closes settle: idle keep-alive connections of the phase's clients end after the server's
  // keep-alive timeout (5 s), so descriptors are given up to 12 s to come back, never longer.
  const settleBy = Date.now() + 12_000;
  do await new Promise((resolve) => setTimeout(resolve, 500));
  while (
    Date.now() < settleBy &&
    APPS.some((app) => {
      const pid = pids()[app];
      const start = used[app];
      return pid === before[app] && start !== undefined && usage(pid).fds > start.fds + FD_BOUND;
    })
  );
  const after = pids();
  for (const app of APPS) {
    if (after[app] !== before[app]) continue; // restarted by the phase: nothing to compare
    const start = used[app] ?? usage(after[app]);
    const end = usage(after[app]);
    resources.push({
      phase,
      app,
      fdsBefore: start.fds,
      fdsAfter: end.fds,
      rssMbBefore: start.rssMb,
      rssMbAfter: end.rssMb,
    });
  }
  recordFigures('integrity', 'resources', resources);
  for (const r of resources.filter((x) => x.phase === phase)) {
    expect(r.fdsAfter, `${r.app} descriptors after ${phase}`).toBeLessThanOrEqual(
      r.fdsBefore + FD_BOUND,
    );
    expect(r.rssMbAfter, `${r.app} memory after ${phase}`).toBeLessThanOrEqual(
      r.rssMbBefore + RSS_BOUND_MB,
    );
  }
  return result;
}

const whole = (artifact: ArtifactOfEdition): boolean => {
  try {
    const bytes = readFileSync(artifact.path);
    return bytes.length === artifact.size && sha256(bytes) === artifact.sha256;
  } catch {
    return false;
  }
};

/** Until edition `number` has every file recorded and on disk as recorded. */
function allWhole(number: number, timeoutMs = 60_000): Promise<ArtifactOfEdition[]> {
  return waitUntil(
    `every file of edition ${number} whole`,
    async () => {
      const files = (await store.listAllArtifacts()).filter((a) => a.editionNumber === number);
      return files.length === FORMATS && files.every(whole) ? files : undefined;
    },
    timeoutMs,
    100,
  );
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

const health: Record<AppName, () => Promise<boolean>> = {
  admin: () => answers(`${system.adminUrl}/readyz`),
  viewer: () => answers(`${system.viewerUrl}/`),
  // The worker has no port: it is back when a new process runs and the store still answers it.
  worker: () => Promise.resolve(appPids(system.pid).worker !== undefined),
};

function nextReport(base: Report, label: string): Report {
  const measure = listMeasures(base)[0];
  if (measure === undefined) throw new Error('no measure');
  const edited = applyCommands(base, [
    { type: 'measure.update', id: measure.id, patch: { text: `${measure.text}（${label}）` } },
  ]);
  if (!edited.ok) throw new Error(edited.error.message.en);
  return edited.value.report;
}

async function latestReport(): Promise<{ number: number; report: Report }> {
  const edition = await store.latestEdition();
  if (edition === null) throw new Error('no edition');
  return edition;
}

describe('issue 12: the system keeps itself up and serves what was published', () => {
  it('kill -9 of each process under pnpm start: the others keep answering, the dead one is back within 10 s', async () => {
    const kills = [];
    for (const app of APPS) {
      const before = pids();
      const others = APPS.filter((a) => a !== app && a !== 'worker');
      const killedAt = performance.now();
      process.kill(before[app], 'SIGKILL');
      let othersAnswered = true;
      await waitUntil(
        `${app} back under the start script`,
        async () => {
          for (const other of others) if (!(await health[other]())) othersAnswered = false;
          const now = appPids(system.pid)[app];
          return now !== undefined && now !== before[app] && (await health[app]());
        },
        15_000,
        100,
      );
      const backMs = since(killedAt);
      kills.push({ app, othersAnsweredDuringOutage: othersAnswered, killToBackMs: backMs });
      recordFigures('integrity', 'kills', kills);
      expect(othersAnswered, `${others.join(' and ')} answered while ${app} was down`).toBe(true);
      expect(backMs).toBeLessThan(10_000);
    }
    expect(system.output()).toMatch(/worker\s*│ 意外退出 \(exited unexpectedly: SIGKILL\)/);
    // The next phases measure settled processes: the new worker past its start.
    await waitUntil(
      'the restarted worker running',
      () => system.logs('worker').filter((l) => l.msg === 'worker running').length >= 2,
      15_000,
      100,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  });

  it('a crash between publishing and queuing (an edition left without jobs) still gets every file', async () => {
    await watched('crash between publishing and queuing', async () => {
      const latest = await latestReport();
      const start = performance.now();
      // What a crashed admin of the release before left: the edition committed, no job queued.
      const published = await store.publishReport({
        report: nextReport(latest.report, '崩溃之后'),
        publishedBy: 'reliability',
      });
      if (!published.ok) throw new Error(published.error.message.en);
      expect(await store.listExportJobs(published.edition.id)).toEqual([]);
      await allWhole(published.edition.number);
      recordFigures('integrity', 'publishCrashToFilesMs', since(start));
    });
  });

  it('an unreadable, a vanished, a corrupted and a deleted export file are made again by the reconcile loop', async () => {
    await watched('broken export files', async () => {
      const latest = await latestReport();
      const files = await allWhole(latest.number);
      const pick = (format: string): ArtifactOfEdition => {
        const file = files.find((f) => f.format === format);
        if (file === undefined) throw new Error(`no ${format}`);
        return file;
      };
      const start = performance.now();
      const json = pick('json');
      const bytes = readFileSync(json.path);
      bytes[10] = (bytes[10] ?? 0) ^ 0x20; // corrupted, same size
      writeFileSync(json.path, bytes);
      rmSync(pick('md').path); // deleted
      const csv = pick('csv-measures').path; // unreadable: a folder in its place
      rmSync(csv);
      mkdirSync(csv);
      // vanished: the edition 1 folder, with every file in it
      const first = (await store.listAllArtifacts()).find((a) => a.editionNumber === 1);
      if (first === undefined) throw new Error('edition 1 has no files');
      rmSync(dirname(first.path), { recursive: true });
      await allWhole(latest.number);
      await allWhole(1);
      recordFigures('integrity', 'brokenFiles', 3 + FORMATS);
      recordFigures('integrity', 'brokenToWholeMs', since(start));
    });
  });

  it('floods of HEAD, conditional, Range and aborted downloads leave the viewer’s descriptors where they were', async () => {
    await watched('download floods', async () => {
      const latest = await store.latestEdition();
      const pdf = (await store.listAllArtifacts()).find(
        (a) => a.editionNumber === latest?.number && a.format === 'pdf',
      );
      if (latest === null || pdf === undefined) throw new Error('no pdf');
      const path = `/api/v1/editions/${latest.id}/files/${encodeURIComponent(pdf.fileName)}`;
      const url = `${system.viewerUrl}${path}`;
      const first = await fetch(url);
      await first.arrayBuffer();
      const etag = first.headers.get('etag') ?? '';
      const N = 600;
      const counts: Record<string, number> = {};
      const flood = async (name: string, one: () => Promise<void>) => {
        for (let i = 0; i < N; i += 50) await Promise.all(Array.from({ length: 50 }, one));
        counts[name] = N;
      };
      await flood('head', async () => {
        const res = await fetch(url, { method: 'HEAD' });
        expect(res.status).toBe(200);
      });
      await flood('conditional', async () => {
        const res = await fetch(url, { headers: { 'if-none-match': etag } });
        await res.arrayBuffer();
        expect(res.status).toBe(304);
      });
      await flood('range', async () => {
        const res = await fetch(url, { headers: { range: 'bytes=0-99' } });
        expect((await res.arrayBuffer()).byteLength).toBe(100);
        expect(res.status).toBe(206);
      });
      await flood('aborted', () => abortedDownload(Number(new URL(system.viewerUrl).port), path));
      recordFigures('integrity', 'floodRequests', counts);
      expect(await health.viewer()).toBe(true);
    });
  });

  it('500 editions: the store takes them and the viewer keeps answering', async () => {
    await watched('500 editions', async () => {
      const latest = await latestReport();
      const EDITIONS = 500;
      const start = performance.now();
      // Written as the store writes an edition (canonical JSON, its content hash), in one
      // transaction: publishing 500 through the store's diffing took 45 s of the suite's budget.
      const db = new Database(join(dataDir, 'leshan.db'), { timeout: 10_000 });
      try {
        const insert = db.prepare(
          `INSERT INTO editions (id, number, content_hash, report, published_by, published_at, draft_revision, change_summary)
           VALUES (?, ?, ?, ?, 'reliability', ?, NULL, NULL)`,
        );
        db.transaction(() => {
          for (let i = 1; i <= EDITIONS; i += 1) {
            const report = structuredClone(latest.report);
            const target = report.chapters[0]?.sections[0]?.measures[0];
            if (target === undefined) throw new Error('no measure');
            target.text = `${target.text}（第${i}次）`;
            const { json, hash } = canonicalContent(report);
            insert.run(randomUUID(), latest.number + i, hash, json, new Date().toISOString());
          }
        }).immediate();
      } finally {
        db.close();
      }
      recordFigures('integrity', 'editions', (await store.listEditions()).length);
      recordFigures('integrity', 'publishEditionsMs', since(start));
      const home = performance.now();
      const res = await fetch(`${system.viewerUrl}/`, { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      recordFigures('integrity', 'homeAfterEditionsMs', since(home));
      expect(res.status).toBe(200);
      const pass = await waitUntil(
        'a reconcile pass that queued the new editions’ files',
        () =>
          system
            .logs('worker')
            .find((l) => l.msg === 'reconciled exports' && Number(l.queued) >= EDITIONS),
        30_000,
        200,
      );
      recordFigures('integrity', 'firstReconcileAfterEditionsMs', Number(pass.ms));
    });
  });

  it('a tampered edition row is refused by the triggers; forced past them, the viewer answers 503', async () => {
    const db = new Database(join(dataDir, 'leshan.db'), { timeout: 10_000 });
    try {
      const paths = [
        `UPDATE editions SET report = replace(report, '乐山', '某市') WHERE number = 1`,
        `DELETE FROM editions WHERE number = 1`,
        `INSERT OR REPLACE INTO editions SELECT * FROM editions WHERE number = 1`,
        `REPLACE INTO editions SELECT * FROM editions WHERE number = 1`,
        `INSERT INTO editions SELECT * FROM editions WHERE number = 1 ON CONFLICT (id) DO UPDATE SET report = '{}'`,
      ];
      for (const statement of paths) expect(() => db.exec(statement)).toThrow(/immutable/);
      recordFigures('integrity', 'tamperPathsRefused', paths.length);

      // Forced: the triggers dropped, a new latest edition whose report is not its content hash.
      const latest = await latestReport();
      const tampered = nextReport(latest.report, '篡改');
      db.transaction(() => {
        for (const { name } of db
          .prepare(
            `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'editions'`,
          )
          .all() as { name: string }[])
          db.exec(`DROP TRIGGER ${name}`);
        db.prepare(
          `INSERT INTO editions (id, number, content_hash, report, published_by, published_at, draft_revision, change_summary)
           VALUES (?, ?, ?, ?, 'mallory', ?, NULL, NULL)`,
        ).run(
          `tampered-${latest.number + 1}`,
          latest.number + 1,
          contentHash(latest.report),
          JSON.stringify(tampered),
          new Date().toISOString(),
        );
      }).immediate(); // the write lock from the start: the worker writes all the time
    } finally {
      db.close();
    }
    const status = await waitUntil(
      'the viewer to refuse the tampered edition',
      async () => {
        const res = await fetch(`${system.viewerUrl}/`);
        await res.arrayBuffer();
        return res.status === 503 ? res.status : undefined;
      },
      5_000,
      100,
    ).catch(() => 0);
    recordFigures('integrity', 'tamperedViewerStatus', status);
    expect(status).toBe(503);
  });
});

/** A download the client drops after its first bytes. */
function abortedDownload(port: number, path: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
      res.once('end', resolve);
    });
    req.once('error', () => resolve());
    req.end();
  });
}
