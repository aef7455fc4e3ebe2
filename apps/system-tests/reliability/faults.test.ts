import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntil } from '@leshan/testing/wait';
import { capture } from './lib/capture.js';
import { call } from './lib/http.js';
import type { Answer } from './lib/http.js';
import { runLoad } from './lib/load.js';
import type { AppProcess, LogLine } from './lib/processes.js';
import { stopApp } from './lib/processes.js';
import {
  allRevisions,
  draftOf,
  edit,
  exportsOf,
  measuresOf,
  publish,
  sha256,
} from './lib/report.js';
import { recordFigures } from './lib/results.js';
import { ALL_PASSWORDS } from './lib/secrets.js';
import { System } from './lib/system.js';

// Faults: kill -9 of each process at its worst moment, a restart, and what survived.

const systems: System[] = [];
afterAll(async () => {
  for (const s of systems) await s.stop();
});

async function newSystem(label: string): Promise<System> {
  const system = await System.create(label);
  systems.push(system);
  return system;
}

const since = (start: number): number => Math.round(performance.now() - start);

describe('kill -9 of the admin during a burst of writes', () => {
  const CLIENTS = 8;
  const KILL_AFTER_ACKS = 60;

  interface Write {
    id: string;
    measureId: string;
    /** The revision the API acknowledged, or null while unknown (no answer). */
    revision: number | null;
    hash: string | null;
    conflicts: number;
  }

  it('keeps every acknowledged write, with revision numbers without holes or duplicates, and a valid draft', async () => {
    const system = await newSystem('fault-admin');
    await system.startAdmin();
    const { editor } = await system.sessions();
    const measures = measuresOf((await draftOf(system.api, editor)).report).map((m) => m.id);
    const acked: Write[] = [];
    const unknown: Write[] = [];
    let conflicts = 0;
    let killed = false;
    let killAt = 0;

    /** One write as a client makes it: progress.add on baseRevision, again on 409 with the revision it names. */
    async function write(
      client: number,
      serial: number,
      base: { revision: number },
    ): Promise<Write | 'down'> {
      const measureId = measures[(client * 5 + serial) % 12] ?? 'm1'; // few measures: clients collide
      const w: Write = {
        id: `c${client}-w${serial}`,
        measureId,
        revision: null,
        hash: null,
        conflicts: 0,
      };
      for (;;) {
        let res: Answer;
        try {
          res = await system.api.request('post', '/api/draft/commands', {
            session: editor,
            json: {
              baseRevision: base.revision,
              commands: [
                {
                  type: 'progress.add',
                  measureId,
                  update: {
                    id: w.id,
                    date: '2026-11-29',
                    note: `客户端 ${client} 第 ${serial} 次写入`,
                  },
                },
              ],
            },
            timeoutMs: 10_000,
          });
        } catch {
          unknown.push(w);
          return 'down';
        }
        if (res.status === 200) {
          const body = res.json as { revision: number; hash: string };
          w.revision = body.revision;
          w.hash = body.hash;
          base.revision = body.revision;
          acked.push(w);
          return w;
        }
        if (res.status === 409) {
          w.conflicts += 1;
          conflicts += 1;
          base.revision = (res.json as { currentRevision: number }).currentRevision;
          continue;
        }
        throw new Error(`write ${w.id} refused: ${res.status} ${res.text}`);
      }
    }

    const admin = system.admin as AppProcess;
    const burst = Array.from({ length: CLIENTS }, async (_, client) => {
      const base = { revision: 0 };
      for (let serial = 0; ; serial += 1) {
        const result = await write(client, serial, base);
        if (result === 'down') return;
        if (!killed && acked.length >= KILL_AFTER_ACKS) {
          killed = true;
          killAt = performance.now();
          admin.child.kill('SIGKILL');
        }
      }
    });
    await Promise.all(burst);
    expect(await admin.exited).toBe('SIGKILL');
    const ackedBeforeKill = acked.length;

    // Restart on the same file and port; the sessions live in the store, so clients go on.
    const restartAt = performance.now();
    await system.startAdmin();
    const listeningMs = since(restartAt);
    await waitUntil(
      'the draft after restart',
      async () =>
        (await system.api.request('get', '/api/draft', { session: editor })).status === 200
          ? true
          : undefined,
      30_000,
    );
    const recoveryMs = since(killAt);

    // A client that got no answer sends its write again: 422 (id taken) means it had been stored.
    let inFlightStored = 0;
    for (const w of unknown) {
      const draft = await draftOf(system.api, editor);
      const again = await system.api.request('post', '/api/draft/commands', {
        session: editor,
        json: {
          baseRevision: draft.revision,
          commands: [
            {
              type: 'progress.add',
              measureId: w.measureId,
              update: { id: w.id, date: '2026-11-29', note: '重试' },
            },
          ],
        },
      });
      expect([200, 422]).toContain(again.status);
      if (again.status === 422) inFlightStored += 1;
      else {
        const body = again.json as { revision: number; hash: string };
        acked.push({ ...w, revision: body.revision, hash: body.hash });
      }
    }

    const revisions = await allRevisions(system.api, editor);
    const numbers = revisions.map((r) => r.number);
    const draft = await draftOf(system.api, editor);
    const updateIds = measuresOf(draft.report).flatMap((m) => m.tracking.updates.map((u) => u.id));

    // No holes, no duplicates: 0..n, each once.
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i));
    expect(draft.revision).toBe(numbers.at(-1));
    // Every acknowledged write is in its revision, with the hash the client was told, and in the draft once.
    const byNumber = new Map(revisions.map((r) => [r.number, r]));
    const lost = acked.filter(
      (w) =>
        w.revision === null ||
        byNumber.get(w.revision)?.hash !== w.hash ||
        updateIds.filter((id) => id === w.id).length !== 1,
    );
    expect(lost).toEqual([]);
    for (const w of acked.slice(0, 20)) {
      const detail = await system.api.get<{ commands: { update?: { id: string } }[] }>(
        `/api/revisions/${w.revision ?? -1}`,
        editor,
      );
      expect(detail.commands.map((c) => c.update?.id)).toContain(w.id);
    }
    expect(updateIds).toHaveLength(new Set(updateIds).size);
    expect(draft.validation.ok).toBe(true);
    // Nothing is in the draft that no client sent.
    expect(updateIds.every((id) => /^c\d+-w\d+$/.test(id))).toBe(true);

    recordFigures('faults', 'admin', {
      clients: CLIENTS,
      writesAcknowledgedBeforeKill: ackedBeforeKill,
      writesInFlightAtKill: unknown.length,
      inFlightFoundStored: inFlightStored,
      writesAcknowledgedTotal: acked.length,
      acknowledgedFoundAfterRestart: acked.length - lost.length,
      conflictsRetried: conflicts,
      revisions: numbers.length,
      revisionHoles: 0,
      draftValid: draft.validation.ok,
      restartToListeningMs: listeningMs,
      killToServingMs: recoveryMs,
    });
  });
});

/** The system of the worker test, with its files exported: the viewer test loads it. */
let exported: System | undefined;

describe('kill -9 of the export worker while it renders the PDF', () => {
  it('finishes every job exactly once after a restart, and serves only whole files whose sha256 matches', async () => {
    const system = await newSystem('fault-worker');
    exported = system;
    await system.startAdmin();
    await system.startViewer();
    const { publisher } = await system.sessions();
    const measure = measuresOf((await draftOf(system.api, publisher)).report)[0];
    await edit(system.api, publisher, [
      { type: 'tracking.set', measureId: measure?.id ?? 'm1', progress: 40 },
    ]);
    const edition = await publish(system.api, publisher);

    const first = await system.startWorker('first');
    const claim = await first.waitForLine(
      (_l, log) =>
        log?.msg === 'job claimed' && log.format === 'pdf' && log.editionId === edition.id,
      180_000,
      'the claim of the pdf job',
    );
    first.child.kill('SIGKILL');
    const killAt = performance.now();
    expect(await first.exited).toBe('SIGKILL');
    const pdfJobId = String((JSON.parse(claim) as LogLine).jobId);
    const doneBeforeKill = first.logs.filter((l) => l.msg === 'job done').length;
    const editionDir = join(system.files.exportDir, edition.id);
    // Killed before any file of the edition was begun (the pdf job claimed first), the edition
    // has no folder yet: no temporary file is left either (fresh-clone run, ENOENT here).
    const tempLeft = existsSync(editionDir)
      ? readdirSync(editionDir).filter((f) => f.endsWith('.tmp'))
      : [];

    const abandoned = await exportsOf(system.api, publisher, edition.id);
    expect(abandoned.jobs.find((j) => j.id === pdfJobId)).toMatchObject({
      state: 'running',
      attempts: 1,
    });
    expect(abandoned.artifacts.find((a) => a.format === 'pdf')).toBeUndefined();

    const second = await system.startWorker('second');
    const finished = await waitUntil(
      'every export job done',
      async () => {
        const now = await exportsOf(system.api, publisher, edition.id);
        return now.jobs.length > 0 && now.jobs.every((j) => j.state === 'done') ? now : undefined;
      },
      240_000,
      250,
    );
    const recoveryMs = since(killAt);

    // Each job done once: one 'job done' line over both processes; the PDF took a second attempt.
    const doneLogs = [...first.logs, ...second.logs].filter((l) => l.msg === 'job done');
    const doneCount = new Map<string, number>();
    for (const l of doneLogs)
      doneCount.set(String(l.jobId), (doneCount.get(String(l.jobId)) ?? 0) + 1);
    expect(finished.jobs.map((j) => [j.format, doneCount.get(j.id) ?? 0])).toEqual(
      finished.jobs.map((j) => [j.format, 1]),
    );
    expect(finished.jobs.find((j) => j.id === pdfJobId)?.attempts).toBe(2);
    expect(finished.jobs.filter((j) => j.id !== pdfJobId).every((j) => j.attempts === 1)).toBe(
      true,
    );
    expect(finished.artifacts.map((a) => a.format).sort()).toEqual(
      finished.jobs.map((j) => j.format).sort(),
    );

    // What the viewer serves is each file whole: size and sha256 as recorded.
    const served: { format: string; status: number; sizeOk: boolean; shaOk: boolean }[] = [];
    for (const a of finished.artifacts) {
      const res = await call(
        `${system.viewerUrl}/api/v1/editions/${edition.id}/files/${encodeURIComponent(a.fileName)}`,
      );
      served.push({
        format: a.format,
        status: res.status,
        sizeOk: res.bytes.length === a.size,
        shaOk: sha256(res.bytes) === a.sha256,
      });
    }
    expect(served.filter((s) => s.status !== 200 || !s.sizeOk || !s.shaOk)).toEqual([]);
    // No temporary file is left or served.
    const onDisk = readdirSync(editionDir).sort();
    expect(onDisk).toEqual(finished.artifacts.map((a) => a.fileName).sort());
    for (const temp of tempLeft) {
      expect(
        (
          await call(
            `${system.viewerUrl}/api/v1/editions/${edition.id}/files/${encodeURIComponent(temp)}`,
          )
        ).status,
      ).toBe(404);
    }

    recordFigures('faults', 'worker', {
      jobs: finished.jobs.length,
      jobsDoneBeforeKill: doneBeforeKill,
      jobsDoneOnce: [...doneCount.values()].filter((n) => n === 1).length,
      jobsDoneTwice: [...doneCount.values()].filter((n) => n > 1).length,
      pdfAttempts: finished.jobs.find((j) => j.id === pdfJobId)?.attempts ?? null,
      filesServed: served.length,
      filesMatchingSha256: served.filter((s) => s.shaOk && s.sizeOk).length,
      tempFilesLeftByKill: tempLeft.length,
      tempFilesAfterRestart: onDisk.filter((f) => f.endsWith('.tmp')).length,
      killToAllDoneMs: recoveryMs,
    });
    await stopApp(second, 'SIGTERM');
  });
});

describe('kill -9 of the viewer under load', () => {
  it('serves again after a restart, and never a broken 200 (pages, API answers and the PDF)', async () => {
    const system = exported;
    if (system === undefined)
      throw new Error('the worker test did not leave a system with exports');
    const viewer = system.viewer as AppProcess;
    const editions = (await call(`${system.viewerUrl}/api/v1/editions`)).json as {
      editions: { id: string }[];
    };
    const latest = editions.editions[0]?.id ?? '';
    const artifacts = (await call(`${system.viewerUrl}/api/v1/editions/${latest}/artifacts`))
      .json as { artifacts: { fileName: string; sha256: string; format: string }[] };
    const pdf = artifacts.artifacts.find((a) => a.format === 'pdf');
    if (pdf === undefined) throw new Error('no pdf artifact');

    const checks = { ok: 0, broken: 0, other: 0, brokenSamples: [] as string[], okAfterRestart: 0 };
    let restarted = false;
    const check = (path: string, status: number, body: string): void => {
      const complete = completeBody(path, body);
      if (status !== 200) {
        checks.other += 1;
        return;
      }
      if (complete) {
        checks.ok += 1;
        if (restarted) checks.okAfterRestart += 1;
      } else {
        checks.broken += 1;
        if (checks.brokenSamples.length < 5)
          checks.brokenSamples.push(`${path} (${body.length} chars): …${body.slice(-60)}`);
      }
    };
    // autocannon may hand a response to the callback of the next request in its list, so the kind
    // of answer is told from the body: a page must end with </html>, an API answer must parse.
    const completeBody = (_path: string, body: string): boolean => {
      const start = body.trimStart();
      if (start.startsWith('<')) return body.trimEnd().endsWith('</html>');
      try {
        return typeof (JSON.parse(body) as { id?: unknown }).id === 'string';
      } catch {
        return false;
      }
    };

    // Files (binary) are checked by their sha256 by a few fetch clients beside autocannon.
    let loading = true;
    const downloads = { ok: 0, broken: 0, failed: 0 };
    const fileUrl = `${system.viewerUrl}/api/v1/editions/${latest}/files/${encodeURIComponent(pdf.fileName)}`;
    const downloaders = Array.from({ length: 4 }, async () => {
      while (loading) {
        try {
          const res = await call(fileUrl, { timeoutMs: 10_000 });
          if (res.status === 200) {
            if (sha256(res.bytes) === pdf.sha256) downloads.ok += 1;
            else downloads.broken += 1;
          } else downloads.failed += 1;
        } catch {
          downloads.failed += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    });

    const load = runLoad({
      target: 'viewer during kill -9 and restart',
      baseUrl: system.viewerUrl,
      paths: ['/', '/api/v1/editions/latest'],
      connections: 200,
      seconds: 15,
      timeoutSeconds: 30,
      onResponse: (path, status, body) => check(path, status, body),
    });
    await waitUntil(
      'load to be served',
      () => Promise.resolve(checks.ok > 2_000 ? true : undefined),
      30_000,
      50,
    );
    const killAt = performance.now();
    viewer.child.kill('SIGKILL');
    expect(await viewer.exited).toBe('SIGKILL');
    await system.startViewer();
    restarted = true;
    const listeningMs = since(killAt);
    await waitUntil(
      'a whole answer after restart',
      () => Promise.resolve(checks.okAfterRestart > 0 ? true : undefined),
      30_000,
      20,
    );
    const servingMs = since(killAt);
    const figures = await load;
    loading = false;
    await Promise.all(downloaders);

    expect(checks.brokenSamples).toEqual([]);
    expect(checks.broken).toBe(0);
    expect(downloads.broken).toBe(0);
    expect(checks.okAfterRestart).toBeGreaterThan(0);
    expect(downloads.ok).toBeGreaterThan(0);
    const home = await call(`${system.viewerUrl}/`);
    expect(home.status).toBe(200);

    recordFigures('faults', 'viewer', {
      connections: figures.connections,
      seconds: figures.seconds,
      requests: figures.requests,
      whole200: checks.ok,
      broken200: checks.broken,
      whole200AfterRestart: checks.okAfterRestart,
      non200: checks.other,
      connectionErrorsDuringOutage: figures.errors,
      timeouts: figures.timeouts,
      fileDownloadsWhole: downloads.ok,
      fileDownloadsBroken: downloads.broken,
      fileDownloadsFailedDuringOutage: downloads.failed,
      killToListeningMs: listeningMs,
      killToFirstWhole200Ms: servingMs,
    });
  });
});

describe('passwords', () => {
  it('never appear in what the processes logged or the clients received', () => {
    expect(capture.lines.length).toBeGreaterThan(0);
    expect(capture.leaks(ALL_PASSWORDS)).toEqual([]);
  });
});
