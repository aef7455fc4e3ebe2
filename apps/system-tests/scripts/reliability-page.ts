// RELIABILITY.md from the figures of the last reliability run (results/, read and checked by
// reliability/lib/results.ts): scripts/test-reliability.ts renders it into results/ after each
// run, and `pnpm reliability:write` (scripts/write-reliability.ts) writes the repository's page.
import { writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { basename } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Results } from '../reliability/lib/figures.js';
import { accountsSection } from './accounts-section.js';
import { integritySection } from './integrity-section.js';
import { missing, msCell, num, table } from './markdown-table.js';

/** The page's Markdown (before prettier aligns its tables). */
export function renderReliabilityPage({ parts, run, vitest }: Results): string {
  const { load, faults, access } = parts;
  const bad = parts['bad-input'];
  const passed =
    vitest !== undefined &&
    vitest.numFailedTests === 0 &&
    vitest.numTotalTests > 0 &&
    run?.exitCode === 0;
  const cpu = cpus();

  const out: string[] = [];
  out.push('# Reliability and security');
  out.push('');
  out.push(
    'Figures of a run of the reliability and security suite (`pnpm test:reliability`, also run by `pnpm test` and so by `.ci/run`). ' +
      'The suite starts each process of the system on its own from the built apps, on a fresh SQLite store, export folder and free ports, ' +
      'and fails when any property below fails. Every run leaves its figures and this page in `apps/system-tests/results/` (git-ignored); ' +
      '`pnpm reliability:write` writes this page from them. The code is in `apps/system-tests/reliability/`.',
  );
  out.push('');
  out.push(
    table(
      ['run', 'value'],
      [
        [
          'result',
          vitest === undefined
            ? '**FAILED** (the test runner wrote no report)'
            : passed
              ? `passed (${num(vitest.numPassedTests)} of ${num(vitest.numTotalTests)} tests)`
              : vitest.numFailedTests > 0
                ? `**FAILED** (${num(vitest.numFailedTests)} of ${num(vitest.numTotalTests)} tests failed)`
                : `**FAILED** (no test failed, but vitest exited with ${run === undefined ? 'no recorded code' : num(run.exitCode)})`,
        ],
        [
          'date',
          run === undefined ? '—' : run.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
        ],
        ['duration', run === undefined ? '—' : `${num(run.seconds)} s`],
        [
          'machine',
          `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${type()} ${release()}`,
        ],
        ['Node.js', process.version],
      ],
    ),
  );

  out.push('', '## Load', '');
  out.push(
    'autocannon on the running viewer, every client sending its next request as soon as the last is answered. Passes when errors, timeouts (no answer within the timeout) and non-2xx answers are all 0. ' +
      'All clients connect in the same millisecond; a saturated Node server accepts one new connection per event-loop turn (libuv ≥ 1.45, libuv/libuv#3696), so the last clients to be accepted wait seconds for their first answer: that is the max column. With autocannon’s default 10 s timeout those first requests would count as timeouts on this machine.',
    '',
  );
  const loadRows = [load.home, load.api].filter((r) => r !== undefined);
  out.push(
    loadRows.length === 0
      ? missing('the load tests')
      : table(
          [
            'target',
            'paths',
            'clients',
            'seconds',
            'timeout s',
            'requests',
            'req/s',
            'p50 ms',
            'p99 ms',
            'max ms',
            'errors',
            'timeouts',
            'non-2xx',
            'MB read',
          ],
          loadRows.map((r) => [
            r.target,
            r.paths.map((p) => `\`${decodeURIComponent(p)}\``).join(', '),
            r.connections,
            r.seconds,
            r.timeoutSeconds,
            r.requests,
            r.reqPerSec,
            r.latencyP50Ms,
            r.latencyP99Ms,
            r.latencyMaxMs,
            r.errors,
            r.timeouts,
            r.non2xx,
            r.megabytes,
          ]),
        ),
  );

  out.push('', '## Faults (`kill -9`, then a restart)', '');
  const fa = faults.admin;
  out.push(
    '**Admin killed during a burst of writes.** Concurrent clients add progress updates (each with a unique id) to a few shared measures, retrying on 409 with the revision the conflict names; the admin is killed after 60 acknowledged writes and restarted on the same file. Every acknowledged write must be in its revision (same hash) and once in the draft, the revision numbers must run 0..n without a hole or a duplicate, and the draft must validate. Writes that got no answer are sent again: a 422 (id taken) shows the write had been stored.',
    '',
  );
  out.push(
    fa === undefined
      ? missing('the admin fault test')
      : table(
          [
            'clients',
            'acknowledged before kill',
            'in flight at kill',
            'of those found stored',
            'acknowledged in all',
            'found after restart',
            '409s retried',
            'revisions',
            'holes/duplicates',
            'draft valid',
            'restart → listening',
            'kill → serving',
          ],
          [
            [
              fa.clients,
              fa.writesAcknowledgedBeforeKill,
              fa.writesInFlightAtKill,
              fa.inFlightFoundStored,
              fa.writesAcknowledgedTotal,
              fa.acknowledgedFoundAfterRestart,
              fa.conflictsRetried,
              fa.revisions,
              fa.revisionHoles,
              fa.draftValid,
              msCell(fa.restartToListeningMs),
              msCell(fa.killToServingMs),
            ],
          ],
        ),
  );
  const fw = faults.worker;
  out.push(
    '',
    '**Worker killed while it renders the PDF.** An edition is published; the worker is killed the moment it logs the claim of the PDF job, and a new worker is started (3 s leases). Every job must be done exactly once (one `job done` log line over both processes; the PDF on its second attempt), every file the viewer serves must have the size and sha256 of its artifact row, and no temporary file may be left or served.',
    '',
  );
  out.push(
    fw === undefined
      ? missing('the worker fault test')
      : table(
          [
            'jobs',
            'done before kill',
            'done once',
            'done twice',
            'PDF attempts',
            'files served',
            'sha256 matches',
            'temp files left by the kill',
            'temp files after restart',
            'kill → all done',
          ],
          [
            [
              fw.jobs,
              fw.jobsDoneBeforeKill,
              fw.jobsDoneOnce,
              fw.jobsDoneTwice,
              fw.pdfAttempts,
              fw.filesServed,
              fw.filesMatchingSha256,
              fw.tempFilesLeftByKill,
              fw.tempFilesAfterRestart,
              msCell(fw.killToAllDoneMs),
            ],
          ],
        ),
  );
  const fv = faults.viewer;
  out.push(
    '',
    '**Viewer killed under load.** autocannon loads the home page and the latest edition while four clients download the PDF; the viewer is killed and restarted on the same port. Every 200 must be whole (a page ends with `</html>`, an API answer parses, a file has its sha256); connection errors while the process is down are expected and counted.',
    '',
  );
  out.push(
    fv === undefined
      ? missing('the viewer fault test')
      : table(
          [
            'clients',
            'seconds',
            'requests',
            'whole 200s',
            'broken 200s',
            'whole 200s after restart',
            'connection errors (outage)',
            'timeouts',
            'file downloads whole',
            'broken',
            'failed (outage)',
            'kill → listening',
            'kill → first 200',
          ],
          [
            [
              fv.connections,
              fv.seconds,
              fv.requests,
              fv.whole200,
              fv.broken200,
              fv.whole200AfterRestart,
              fv.connectionErrorsDuringOutage,
              fv.timeouts,
              fv.fileDownloadsWhole,
              fv.fileDownloadsBroken,
              fv.fileDownloadsFailedDuringOutage,
              msCell(fv.killToListeningMs),
              msCell(fv.killToFirstWhole200Ms),
            ],
          ],
        ),
  );

  out.push(...integritySection(parts.integrity));

  out.push('', '## Bad input', '');
  const corpus = bad.corpus;
  if (corpus === undefined) out.push(missing('the hostile-input test'));
  else {
    out.push(
      `A corpus of **${num(corpus.total)} hostile requests**, generated from the OpenAPI documents of the admin API (${num(corpus.adminRoutes)} operations) and the public API (${num(corpus.viewerRoutes)} operations), so a new route is attacked without a change to the suite, plus import texts that are no report. ` +
        'Each must get a 4xx (never a 5xx, never a hang: 15 s limit) with the one JSON error body `{ error, code, issues }` whose message is Chinese, and the store must be unchanged afterwards (draft revision and hash, revisions, editions, users, public edition list).',
      '',
    );
    out.push(
      table(
        ['result', 'value'],
        [
          ['failures', corpus.failures],
          [
            'statuses seen',
            Object.entries(corpus.statuses)
              .map(([s, n]) => `${s}: ${num(n)}`)
              .join(', '),
          ],
          ['slowest answer', msCell(corpus.slowestMs)],
          ['store unchanged', corpus.storeUnchanged],
        ],
      ),
    );
    out.push('', table(['category', 'requests'], Object.entries(corpus.byCategory)));
    out.push(
      '',
      table(
        ['route', 'requests'],
        Object.entries(corpus.byRoute).map(([r, n]) => [`\`${r}\``, n]),
      ),
    );
    const samples = corpus.failureSamples;
    if (samples.length > 0)
      out.push(
        '',
        'Failures (first 20):',
        '',
        ...samples.map((s) => `- \`${s.replaceAll('`', "'")}\``),
      );
  }
  const inert = bad.inert;
  out.push(
    '',
    '**Accepted text that looks like code.** Measure texts, the report title and a chapter title are set to script and HTML payloads, spreadsheet formulas (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-1+2`), a Markdown `javascript:` link and an RTL override; the draft is published and exported. Each must come out as the text typed and inert:',
    '',
  );
  if (inert === undefined) out.push(missing('the inert-output test'));
  else {
    out.push(
      table(
        ['where', 'result'],
        [
          ['payloads', inert.payloads],
          ['pages opened in Chromium', inert.pagesChecked.map((p) => `\`${p}\``).join(', ')],
          ['dialogs (alert) seen', inert.dialogs],
          ['injected elements found', inert.injectedElements],
          ...Object.entries(inert.exports).map(([format, how]) => [`export: ${format}`, how]),
        ],
      ),
    );
  }

  out.push('', '## Access', '');
  const ac = access.admin;
  if (ac === undefined) out.push(missing('the access tests'));
  else {
    out.push(
      'Every operation of the admin OpenAPI document is called; the store must be unchanged by the refusals.',
      '',
    );
    out.push(
      table(
        ['check', 'count / value'],
        [
          ['operations in the OpenAPI document', ac.routes],
          ['anonymous requests refused (401)', ac.anonymousRefused],
          ['forged session cookies refused (401)', ac.forgedCookieRefused],
          ['state-changing requests without CSRF token refused (403)', ac.missingCsrfRefused],
          ['wrong-role requests refused (403)', ac.wrongRoleRefused],
          ['session lifetime (SESSION_TTL_HOURS=0.001)', msCell(ac.sessionTtlMs)],
          ['session refused after', msCell(ac.expiredSessionRefusedAfterMs)],
          ['failed sign-ins before the pause (LOGIN_MAX_ATTEMPTS)', ac.loginAttemptsBeforePause],
          ['sign-ins refused while paused (429), right password included', ac.pausedAttempts],
          ['right password refused while paused', ac.rightPasswordRefusedWhilePaused],
          ['Retry-After', `${num(ac.retryAfterSeconds)} s`],
          ['log lines scanned for passwords (this part)', ac.linesScanned],
          ['responses scanned for passwords (this part)', ac.responsesScanned],
          ['passwords found', ac.passwordLeaks],
        ],
      ),
    );
    out.push('', `Wrong-role checks: ${ac.wrongRoleChecks.map((c) => `\`${c}\``).join(', ')}.`);
    out.push(
      '',
      'Every part of the suite also scans every line its processes printed and every response body and header it received for the passwords it used (accounts and wrong guesses): none may appear.',
    );
  }

  out.push(...accountsSection(parts.accounts));

  out.push('', '## Tests', '');
  const files = vitest?.testResults ?? [];
  if (files.length === 0) out.push('_The test runner recorded no results._');
  for (const file of files) {
    out.push(`**${basename(file.name)}**`, '');
    for (const t of file.assertionResults) {
      const mark = t.status === 'passed' ? '✓' : t.status === 'failed' ? '✗' : '–';
      out.push(
        `- ${mark} ${[...t.ancestorTitles, t.title].join(' › ')}${t.duration === undefined || t.duration === null ? '' : ` (${(t.duration / 1000).toFixed(1)} s)`}`,
      );
      if (t.status === 'failed')
        out.push(
          `  - \`${(t.failureMessages[0] ?? '').split('\n')[0]?.slice(0, 300).replaceAll('`', "'") ?? ''}\``,
        );
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Writes the page to `target`, in the repository's prettier style (tables aligned). */
export async function writeReliabilityPage(results: Results, target: string): Promise<void> {
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(
    target,
    await format(renderReliabilityPage(results), { ...options, parser: 'markdown' }),
  );
}
