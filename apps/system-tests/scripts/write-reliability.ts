// Renders RELIABILITY.md (repository root) from the figures the reliability suite recorded in
// results/: run by scripts/test-reliability.mjs after the tests, or alone (`pnpm report`).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(packageDir, 'results');
const target = fileURLToPath(new URL('../../../RELIABILITY.md', import.meta.url));

type Json = Record<string, unknown>;

function read(name: string): Json {
  const file = join(resultsDir, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Json) : {};
}

const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const num = (v: unknown): string =>
  typeof v === 'number'
    ? v.toLocaleString('en-US')
    : typeof v === 'string'
      ? v
      : v === undefined || v === null
        ? '—'
        : JSON.stringify(v);
const cell = (v: unknown): string =>
  (typeof v === 'boolean' ? (v ? 'yes' : 'no') : num(v)).replaceAll('|', '\\|');
const table = (header: string[], rows: unknown[][]): string =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
const missing = (what: string): string =>
  `_No figures: ${what} did not record any (see the test results below)._`;

interface AssertionResult {
  title: string;
  ancestorTitles: string[];
  status: string;
  duration?: number;
  failureMessages: string[];
}
interface FileResult {
  name: string;
  assertionResults: AssertionResult[];
}

const run = read('run');
const vitest = read('vitest') as {
  testResults?: FileResult[];
  numTotalTests?: number;
  numPassedTests?: number;
  numFailedTests?: number;
};
const load = read('load');
const faults = read('faults');
const bad = read('bad-input');
const access = read('access');
const passed = vitest.numFailedTests === 0 && (vitest.numTotalTests ?? 0) > 0 && run.exitCode === 0;
const cpu = cpus();

const out: string[] = [];
out.push('# Reliability and security');
out.push('');
out.push(
  'Figures of the last run of the reliability and security suite (`pnpm test:reliability`, also run by `pnpm test` and so by `.ci/run`). ' +
    'The suite starts each process of the system on its own from the built apps, on a fresh SQLite store, export folder and free ports, ' +
    'and fails when any property below fails. This page is rewritten by every run; the code is in `apps/system-tests/reliability/`.',
);
out.push('');
out.push(
  table(
    ['run', 'value'],
    [
      [
        'result',
        passed
          ? `passed (${num(vitest.numPassedTests)} of ${num(vitest.numTotalTests)} tests)`
          : `**FAILED** (${num(vitest.numFailedTests)} of ${num(vitest.numTotalTests)} tests failed)`,
      ],
      [
        'date',
        typeof run.startedAt === 'string'
          ? run.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')
          : '—',
      ],
      ['duration', `${num(run.seconds)} s`],
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
const loadRows = ['home', 'api'].map((k) => obj(load[k])).filter((r) => r.target !== undefined);
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
          (r.paths as string[]).map((p) => `\`${decodeURIComponent(p)}\``).join(', '),
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
const fa = obj(faults.admin);
out.push(
  '**Admin killed during a burst of writes.** Concurrent clients add progress updates (each with a unique id) to a few shared measures, retrying on 409 with the revision the conflict names; the admin is killed after 60 acknowledged writes and restarted on the same file. Every acknowledged write must be in its revision (same hash) and once in the draft, the revision numbers must run 0..n without a hole or a duplicate, and the draft must validate. Writes that got no answer are sent again: a 422 (id taken) shows the write had been stored.',
  '',
);
out.push(
  Object.keys(fa).length === 0
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
            `${num(fa.restartToListeningMs)} ms`,
            `${num(fa.killToServingMs)} ms`,
          ],
        ],
      ),
);
const fw = obj(faults.worker);
out.push(
  '',
  '**Worker killed while it renders the PDF.** An edition is published; the worker is killed the moment it logs the claim of the PDF job, and a new worker is started (3 s leases). Every job must be done exactly once (one `job done` log line over both processes; the PDF on its second attempt), every file the viewer serves must have the size and sha256 of its artifact row, and no temporary file may be left or served.',
  '',
);
out.push(
  Object.keys(fw).length === 0
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
            `${num(fw.killToAllDoneMs)} ms`,
          ],
        ],
      ),
);
const fv = obj(faults.viewer);
out.push(
  '',
  '**Viewer killed under load.** autocannon loads the home page and the latest edition while four clients download the PDF; the viewer is killed and restarted on the same port. Every 200 must be whole (a page ends with `</html>`, an API answer parses, a file has its sha256); connection errors while the process is down are expected and counted.',
  '',
);
out.push(
  Object.keys(fv).length === 0
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
            `${num(fv.killToListeningMs)} ms`,
            `${num(fv.killToFirstWhole200Ms)} ms`,
          ],
        ],
      ),
);

out.push('', '## Bad input', '');
const corpus = obj(bad.corpus);
if (Object.keys(corpus).length === 0) out.push(missing('the hostile-input test'));
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
          Object.entries(obj(corpus.statuses))
            .map(([s, n]) => `${s}: ${num(n)}`)
            .join(', '),
        ],
        ['slowest answer', `${num(corpus.slowestMs)} ms`],
        ['store unchanged', corpus.storeUnchanged],
      ],
    ),
  );
  out.push('', table(['category', 'requests'], Object.entries(obj(corpus.byCategory))));
  out.push(
    '',
    table(
      ['route', 'requests'],
      Object.entries(obj(corpus.byRoute)).map(([r, n]) => [`\`${r}\``, n]),
    ),
  );
  const samples = corpus.failureSamples as string[] | undefined;
  if (samples !== undefined && samples.length > 0)
    out.push(
      '',
      'Failures (first 20):',
      '',
      ...samples.map((s) => `- \`${s.replaceAll('`', "'")}\``),
    );
}
const inert = obj(bad.inert);
out.push(
  '',
  '**Accepted text that looks like code.** Measure texts, the report title and a chapter title are set to script and HTML payloads, spreadsheet formulas (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-1+2`), a Markdown `javascript:` link and an RTL override; the draft is published and exported. Each must come out as the text typed and inert:',
  '',
);
if (Object.keys(inert).length === 0) out.push(missing('the inert-output test'));
else {
  out.push(
    table(
      ['where', 'result'],
      [
        ['payloads', inert.payloads],
        [
          'pages opened in Chromium',
          (inert.pagesChecked as string[]).map((p) => `\`${p}\``).join(', '),
        ],
        ['dialogs (alert) seen', inert.dialogs],
        ['injected elements found', inert.injectedElements],
        ...Object.entries(obj(inert.exports)).map(([format, how]) => [`export: ${format}`, how]),
      ],
    ),
  );
}

out.push('', '## Access', '');
const ac = obj(access.admin);
if (Object.keys(ac).length === 0) out.push(missing('the access tests'));
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
        ['session lifetime (SESSION_TTL_HOURS=0.001)', `${num(ac.sessionTtlMs)} ms`],
        ['session refused after', `${num(ac.expiredSessionRefusedAfterMs)} ms`],
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
  const checks = ac.wrongRoleChecks as string[] | undefined;
  if (checks !== undefined)
    out.push('', `Wrong-role checks: ${checks.map((c) => `\`${c}\``).join(', ')}.`);
  out.push(
    '',
    'Every part of the suite also scans every line its processes printed and every response body and header it received for the passwords it used (accounts and wrong guesses): none may appear.',
  );
}

out.push('', '## Tests', '');
const files = vitest.testResults ?? [];
if (files.length === 0) out.push('_The test runner recorded no results._');
for (const file of files) {
  out.push(`**${basename(file.name)}**`, '');
  for (const t of file.assertionResults) {
    const mark = t.status === 'passed' ? '✓' : t.status === 'failed' ? '✗' : '–';
    out.push(
      `- ${mark} ${[...t.ancestorTitles, t.title].join(' › ')}${t.duration === undefined ? '' : ` (${(t.duration / 1000).toFixed(1)} s)`}`,
    );
    if (t.status === 'failed')
      out.push(
        `  - \`${(t.failureMessages[0] ?? '').split('\n')[0]?.slice(0, 300).replaceAll('`', "'") ?? ''}\``,
      );
  }
  out.push('');
}

writeFileSync(target, `${out.join('\n').trimEnd()}\n`);
// In the repository's style (tables aligned), with the repository's prettier.
const prettier = fileURLToPath(new URL('../../../node_modules/.bin/prettier', import.meta.url));
if (existsSync(prettier))
  execFileSync(prettier, ['--write', '--log-level', 'warn', target], { stdio: 'inherit' });
process.stdout.write(`test:reliability: wrote ${target}\n`);
