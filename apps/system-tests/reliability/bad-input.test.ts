import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { ErrorBodySchema } from '@leshan/http-kit';
import { listMeasures } from '@leshan/report-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@leshan/testing/chromium';
import { waitUntil } from '@leshan/testing/wait';
import type { InertReport } from './lib/figures.js';
import { inspectHtml, inspectUrl } from './lib/browser.js';
import { capture } from './lib/capture.js';
import type { HostileCase } from './lib/hostile.js';
import { CATEGORIES, hostileCases } from './lib/hostile.js';
import { call } from './lib/http.js';
import type { Answer, Session } from './lib/http.js';
import type { Operation } from './lib/openapi.js';
import { operationsOf } from './lib/openapi.js';
import type { ArtifactView } from './lib/report.js';
import { allRevisions, draftOf, exportsOf, measuresOf, publish, sha256 } from './lib/report.js';
import { recordFigures } from './lib/results.js';
import { ALL_PASSWORDS } from './lib/secrets.js';
import { System } from './lib/system.js';

// Bad input: a generated corpus of hostile requests against every route of both APIs and the
// import; then text that is rightly accepted, followed out to every place it is shown.

let system: System;
let sessions: { admin: Session; publisher: Session; editor: Session };
const CJK = /[\u4e00-\u9fff]/;

/** What must not change: the draft, its history, the editions and the accounts. */
async function snapshot(): Promise<unknown> {
  const draft = await draftOf(system.api, sessions.admin);
  const editions = await system.api.get<{ editions: { id: string; hash: string }[] }>(
    '/api/editions',
    sessions.admin,
  );
  const users = await system.api.get<{ users: unknown[] }>('/api/users', sessions.admin);
  const publicEditions = (await call(`${system.viewerUrl}/api/v1/editions`)).json;
  return {
    draft: [draft.revision, draft.hash],
    revisions: (await allRevisions(system.api, sessions.admin)).length,
    editions: editions.editions,
    users: users.users,
    publicEditions,
  };
}

beforeAll(async () => {
  // Failed sign-ins of the corpus must not pause the suite's own sign-ins.
  system = await System.create('bad-input', { LOGIN_MAX_ATTEMPTS: '100000' });
  await system.startAdmin();
  await system.startViewer();
  sessions = await system.sessions();
});
afterAll(async () => {
  await system.stop();
});

describe('hostile input', () => {
  it('answers every hostile request to every admin route, the import and the public API with a clear 4xx, and changes nothing', async () => {
    const before = await snapshot();
    const draft = await draftOf(system.api, sessions.admin);
    const users = await system.api.get<{ users: { id: string; email: string }[] }>(
      '/api/users',
      sessions.admin,
    );
    const editorId = users.users.find((u) => u.email === sessions.editor.email)?.id ?? '';
    const editionId =
      (await system.api.get<{ editions: { id: string }[] }>('/api/editions', sessions.admin))
        .editions[0]?.id ?? '';
    const measureId = measuresOf(draft.report)[0]?.id ?? 'm1';
    const rev = draft.revision;
    const validBodies: Record<string, Record<string, unknown>> = {
      'POST /api/session': {
        email: 'nobody@reliability.example.org',
        password: 'not the password at all',
      },
      'POST /api/draft/commands': {
        baseRevision: rev,
        commands: [{ type: 'tracking.set', measureId, progress: 5 }],
      },
      'POST /api/revisions/{number}/restore': { baseRevision: rev },
      'POST /api/import/preview': { text: '第一章 标题' },
      'POST /api/import': { text: '第一章 标题', baseRevision: rev, confirm: true },
      'POST /api/editions': { baseRevision: rev },
      'POST /api/users': {
        email: 'new-user@reliability.example.org',
        displayName: '新用户',
        role: 'editor',
        password: 'a long enough password',
      },
      'PATCH /api/users/{id}': { displayName: '改名' },
    };
    const params: Record<string, string> = {
      number: '0',
      id: editorId,
      edition: editionId,
      fileName: 'x.json',
    };
    const adminOps = operationsOf((await system.api.request('get', '/api/openapi.json')).json);
    const viewerOps = operationsOf((await call(`${system.viewerUrl}/api/v1/openapi.json`)).json);
    const input = {
      validBody: (op: Operation) => validBodies[`${op.method.toUpperCase()} ${op.path}`] ?? {},
      validParam: (_op: Operation, name: string) => params[name] ?? 'x1',
    };
    const corpus: (HostileCase & { api: 'admin' | 'viewer' })[] = [
      ...adminOps.flatMap((op) =>
        hostileCases(op, '', input).map((c) => ({ ...c, api: 'admin' as const })),
      ),
      ...viewerOps.flatMap((op) =>
        hostileCases(op, '/api/v1', input).map((c) => ({
          ...c,
          api: 'viewer' as const,
          route: `GET /api/v1${op.path}`,
        })),
      ),
    ];
    // The import, with text that is a string of the right size but no report at all.
    for (const [label, text] of [
      ['script lines', '<script>alert(1)</script>\n<img src=x onerror=alert(2)>'],
      [
        'formula lines',
        '=HYPERLINK("http://evil.example","点我")\n+cmd|\' /C calc\'!A0\n@SUM(1+1)',
      ],
      ['path names', '../../../../etc/passwd\n..\\..\\windows\\win.ini'],
    ] as const) {
      const category =
        label === 'script lines'
          ? 'script-html'
          : label === 'formula lines'
            ? 'formula'
            : 'path-traversal';
      corpus.push({
        api: 'admin',
        category,
        route: 'POST /api/import',
        method: 'post',
        url: '/api/import',
        label: `import of ${label}`,
        body: Buffer.from(JSON.stringify({ text, baseRevision: rev, confirm: true })),
      });
    }
    expect(corpus.length).toBeGreaterThanOrEqual(200);

    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    const byCategory: Record<string, number> = {};
    const byRoute: Record<string, number> = {};
    let slowest = 0;
    for (const c of corpus) {
      byCategory[c.category] = (byCategory[c.category] ?? 0) + 1;
      byRoute[c.route] = (byRoute[c.route] ?? 0) + 1;
      let res: Answer;
      try {
        res =
          c.api === 'admin'
            ? await system.api.request(c.method, c.url, {
                session: sessions.admin,
                ...(c.body === undefined ? {} : { raw: c.body }),
                timeoutMs: 15_000,
              })
            : await call(`${system.viewerUrl}${c.url}`, { timeoutMs: 15_000 });
      } catch (error) {
        failures.push(`${c.route} [${c.category}] ${c.label}: no answer (${String(error)})`);
        continue;
      }
      slowest = Math.max(slowest, res.ms);
      statuses[String(res.status)] = (statuses[String(res.status)] ?? 0) + 1;
      // Both APIs answer the one error body of @leshan/http-kit, its message in Chinese.
      const body = ErrorBodySchema.safeParse(res.json);
      const clear = body.success && CJK.test(body.data.error);
      if (res.status < 400 || res.status >= 500 || !clear) {
        failures.push(
          `${c.route} [${c.category}] ${c.label}: ${res.status} ${res.text.slice(0, 160)}`,
        );
      }
    }
    const after = await snapshot();

    recordFigures('bad-input', 'corpus', {
      total: corpus.length,
      adminRoutes: adminOps.length,
      viewerRoutes: viewerOps.length,
      byCategory: Object.fromEntries(CATEGORIES.map((k) => [k, byCategory[k] ?? 0])),
      byRoute,
      statuses,
      failures: failures.length,
      failureSamples: failures.slice(0, 20),
      slowestMs: Math.round(slowest),
      storeUnchanged: JSON.stringify(after) === JSON.stringify(before),
    });
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
  });
});

// Accepted text that only looks like code: stored as typed, published, exported, shown as text.
const APPENDED = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<svg/onload=alert(3)>',
  '<iframe src="javascript:alert(4)"></iframe>',
  '"><b onmouseover=alert(5)>粗体</b>',
  '[点我](javascript:alert(6)) gnp.exe',
];
const WHOLE = [
  '=HYPERLINK("http://evil.example","点我")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '-1+2',
];
const TITLE = '乐山<script>alert(7)</script>政府工作报告';
const CHAPTER_TITLE = '<img src=x onerror=alert(8)>第一章';
/** Raw markup that must never reach an HTML document unescaped. */
const MARKUP = [
  '<script>alert(',
  '<img src=x',
  '<svg/onload',
  '<iframe src="javascript',
  '<b onmouseover',
];

describe('accepted text that looks like code', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('is stored, published and exported as the exact text, and shown inert in the viewer, the admin app and every export', async () => {
    const draft = await draftOf(system.api, sessions.editor);
    const measures = listMeasures(draft.report);
    const plain = measures.filter(
      (m) => m.indicators.length === 0 && m.measure.places.length === 0,
    );
    const formulaTargets = plain.slice(0, WHOLE.length);
    const appendTargets = measures
      .filter((m) => !formulaTargets.includes(m))
      .slice(0, APPENDED.length);
    expect(formulaTargets).toHaveLength(WHOLE.length);
    const expected = new Map<string, string>();
    const commands: object[] = [];
    formulaTargets.forEach((m, i) => {
      const text = WHOLE[i] ?? '';
      expected.set(m.id, text);
      commands.push({ type: 'measure.update', id: m.id, patch: { text } });
    });
    appendTargets.forEach((m, i) => {
      const text = `${m.text}${APPENDED[i] ?? ''}`;
      expected.set(m.id, text);
      commands.push({ type: 'measure.update', id: m.id, patch: { text } });
    });
    const chapter = draft.report.chapters[0];
    commands.push(
      { type: 'meta.update', patch: { title: TITLE } },
      { type: 'chapter.update', id: chapter?.id ?? 'c1', patch: { title: CHAPTER_TITLE } },
    );
    const saved = await system.api.request('post', '/api/draft/commands', {
      session: sessions.editor,
      json: { baseRevision: draft.revision, commands },
    });
    expect(saved.status, saved.text).toBe(200);
    const edition = await publish(system.api, sessions.publisher);
    await system.startWorker('inert');

    const texts = [...expected.values(), TITLE, CHAPTER_TITLE];
    const reports: InertReport[] = [];
    const context = await browser.newContext();

    // Viewer pages: the raw HTML carries no payload as markup, and Chromium runs none of it.
    const chapters = new Set(
      measures.filter((m) => expected.has(m.id)).map((m) => m.chapterNumber),
    );
    const paths = ['/', ...[...chapters].map((n) => `/chapters/${n}`)];
    const onPageOf = (path: string): string[] =>
      path === '/'
        ? [TITLE]
        : texts.filter((t) =>
            measures.some(
              (m) => expected.get(m.id) === t && `/chapters/${m.chapterNumber}` === path,
            ),
          );
    for (const path of paths) {
      const res = await call(`${system.viewerUrl}${path}`);
      expect(res.status).toBe(200);
      expect(
        MARKUP.filter((m) => res.text.includes(m)),
        path,
      ).toEqual([]);
      reports.push(await inspectUrl(context, `${system.viewerUrl}${path}`, onPageOf(path)));
    }
    const search = await inspectUrl(
      context,
      `${system.viewerUrl}/search?q=${encodeURIComponent('alert(1)')}`,
      [],
    );
    reports.push(search);

    // The admin app: the preview is the public site drawn from the draft (home and chapter
    // pages at /admin/preview/…), and shows the same texts as text.
    const admin = await browser.newContext();
    await admin.addCookies([
      {
        name: 'leshan_session',
        value: sessions.editor.cookie.split('=')[1] ?? '',
        domain: '127.0.0.1',
        path: '/',
      },
    ]);
    for (const path of paths)
      reports.push(
        await inspectUrl(
          admin,
          `${system.adminUrl}/admin/preview${path === '/' ? '' : path}`,
          onPageOf(path),
        ),
      );
    await admin.close();

    // Every export format, once the worker has made them all.
    const files = await waitUntil(
      'every export of the edition',
      async () => {
        const now = await exportsOf(system.api, sessions.publisher, edition.id);
        return now.jobs.length > 0 && now.jobs.every((j) => j.state === 'done')
          ? now.artifacts
          : undefined;
      },
      240_000,
      250,
    );
    const file = async (format: string): Promise<{ meta: ArtifactView; bytes: Buffer }> => {
      const meta = files.find((a) => a.format === format);
      if (meta === undefined) throw new Error(`no ${format} export`);
      const res = await call(
        `${system.viewerUrl}/api/v1/editions/${edition.id}/files/${encodeURIComponent(meta.fileName)}`,
      );
      expect(res.status).toBe(200);
      expect(sha256(res.bytes)).toBe(meta.sha256);
      return { meta, bytes: res.bytes };
    };
    const exportChecks: Record<string, string> = {};

    // JSON: the exact strings.
    const strings = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.add(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
    };
    walk(JSON.parse((await file('json')).bytes.toString('utf8')));
    expect(texts.filter((t) => !strings.has(t))).toEqual([]);
    exportChecks.json = 'every text exact';

    // HTML: escaped, and inert in Chromium.
    const html = (await file('html')).bytes.toString('utf8');
    expect(MARKUP.filter((m) => html.includes(m))).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    reports.push(await inspectHtml(context, 'HTML export', html, texts));
    exportChecks.html = 'escaped; no script ran and no element was injected in Chromium';

    // Markdown: no raw HTML or link passes through; pandoc renders it as text.
    const md = (await file('md')).bytes.toString('utf8');
    expect(md.match(/(?<!\\)<(script|img|svg|iframe|b )/g) ?? []).toEqual([]);
    expect(md.match(/(?<!\\)\]\(javascript:/g) ?? []).toEqual([]);
    const mdHtml = execFileSync('pandoc', ['-f', 'gfm', '-t', 'html'], {
      input: md,
      encoding: 'utf8',
    });
    expect(MARKUP.filter((m) => mdHtml.includes(m))).toEqual([]);
    expect(mdHtml).not.toContain('href="javascript:');
    reports.push(
      await inspectHtml(
        context,
        'Markdown export rendered by pandoc',
        `<!doctype html><html><body>${mdHtml}</body></html>`,
        [],
      ),
    );
    exportChecks.md = 'no raw HTML or javascript: link; pandoc renders every payload as text';

    // CSV (and the data package's CSVs): a cell that starts like a formula starts with an apostrophe.
    const formulaCells = (csv: string): string[] =>
      parseCsv(csv)
        .flat()
        .filter((cell) => WHOLE.some((w) => cell.includes(w)));
    const measuresCsv = formulaCells((await file('csv-measures')).bytes.toString('utf8'));
    expect(measuresCsv.length).toBeGreaterThanOrEqual(WHOLE.length);
    expect(measuresCsv.filter((cell) => !cell.startsWith("'"))).toEqual([]);
    const zipped = unzipSync((await file('datapackage')).bytes);
    const innerCsv = Object.entries(zipped).filter(([name]) => name.endsWith('.csv'));
    const innerCells = innerCsv.flatMap(([, bytes]) => formulaCells(strFromU8(bytes)));
    expect(innerCells.filter((cell) => !cell.startsWith("'"))).toEqual([]);
    exportChecks.csv = `${measuresCsv.length} formula-like cells, each led by an apostrophe (data package: ${innerCells.length})`;

    // XLSX: the texts are string cells; no cell holds a formula.
    const xlsx = unzipSync((await file('xlsx')).bytes);
    const sheets = Object.entries(xlsx).filter(
      ([name]) => name.startsWith('xl/worksheets/') && name.endsWith('.xml'),
    );
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.filter(([, bytes]) => /<f[\s>]/.test(strFromU8(bytes))).map(([n]) => n)).toEqual(
      [],
    );
    const xlsxText = Object.entries(xlsx)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(xlsxText).toContain('HYPERLINK(');
    expect(MARKUP.filter((m) => xlsxText.includes(m))).toEqual([]);
    exportChecks.xlsx = 'no formula cell; payloads stored as (XML-escaped) string cells';

    // DOCX: XML-escaped text.
    const docx = strFromU8(
      unzipSync((await file('docx')).bytes)['word/document.xml'] ?? new Uint8Array(),
    );
    expect(docx).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(MARKUP.filter((m) => docx.includes(m))).toEqual([]);
    exportChecks.docx = 'XML-escaped text';

    // PDF: no JavaScript action; the payload is printed as text.
    const pdf = (await file('pdf')).bytes;
    expect(pdf.toString('latin1')).not.toMatch(/\/(JavaScript|JS|OpenAction|Launch)\b/);
    const dir = mkdtempSync(join(tmpdir(), 'reliability-pdf-'));
    try {
      writeFileSync(join(dir, 'e.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'e.pdf'), '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain('alert(1)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    exportChecks.pdf = 'no JavaScript or launch action; payload printed as text';
    await context.close();

    const bad = reports.filter(
      (r) => r.dialogs.length + r.pageErrors.length + r.injected.length + r.missingText.length > 0,
    );
    recordFigures('bad-input', 'inert', {
      payloads: APPENDED.length + WHOLE.length + 2,
      pagesChecked: reports.map((r) =>
        r.where.replace(system.viewerUrl, 'viewer ').replace(system.adminUrl, 'admin app '),
      ),
      dialogs: reports.reduce((n, r) => n + r.dialogs.length, 0),
      injectedElements: reports.reduce((n, r) => n + r.injected.length, 0),
      exports: exportChecks,
      problems: bad,
    });
    expect(bad).toEqual([]);
  });

  it('logged and sent no password', () => {
    expect(capture.leaks(ALL_PASSWORDS)).toEqual([]);
  });
});

/** RFC 4180 CSV into rows of cells (quotes undone), enough for the exports. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
