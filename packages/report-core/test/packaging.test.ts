import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, codeEntries } from '../scripts/entrypoints.js';
import { canonicalReport, listMeasures, sourceText } from '../src/index.js';
import { consumerFiles } from './helpers/consumer-files.js';
import type { ProcessResult } from './helpers/run-process.js';
import { STACK_LINE, runProcess } from './helpers/run-process.js';

// One `pnpm pack` of the build, then one throwaway project per supported zod 4 minor (the oldest
// and the newest), each installing the tarball and that zod with npm. Every test below reads what
// those produced: the package as a user receives it. The build is turbo's
// (`@leshan/report-core#test` depends on `build`): a test never builds or deletes dist/, which
// other tasks read while it runs. npm installs with --prefer-offline, so after the first run the
// consumers install from npm's cache.
const root = fileURLToPath(new URL('..', import.meta.url));
const tool = (name: string): string => join(root, 'node_modules/.bin', name);
const PKG = '@leshan/report-core';
const MAX_PACKED_BYTES = 250 * 1024;

/** The oldest zod 4 minor the peer range allows, and the newest (the one report-core builds with). */
const OLDEST_ZOD = '4.1.0';
const NEWEST_ZOD = (
  JSON.parse(readFileSync(join(root, 'node_modules/zod/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const ZODS = [OLDEST_ZOD, NEWEST_ZOD] as const;

interface Manifest {
  name: string;
  license: string;
  keywords?: string[];
  homepage?: string;
  bugs?: { url: string };
  repository?: { type: string; url: string; directory: string };
  publishConfig?: { access?: string };
  exports: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  main?: string;
  types?: string;
}

let work = '';
let tarball = '';
let packed: string[] = [];
let manifestText = '';
let publint: ProcessResult;
let attw: ProcessResult;
let npmPack: ProcessResult;
const projects = new Map<string, string>();
const installs = new Map<string, ProcessResult>();

function must(step: string, result: ProcessResult): ProcessResult {
  if (result.code !== 0)
    throw new Error(`${step} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

function unpacked(file: string): string {
  return readFileSync(join(work, 'unpacked', 'package', file), 'utf8');
}

beforeAll(async () => {
  const built = [...codeEntries.map((e) => `dist/${e.name}.mjs`), `dist/${cliEntry.name}.mjs`];
  const missing = built.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0)
    throw new Error(
      `no build to pack (${missing.join(', ')} missing): run the tests through turbo, which builds first (pnpm turbo run test --filter=@leshan/report-core), or pnpm --filter @leshan/report-core build`,
    );
  work = mkdtempSync(join(tmpdir(), 'report-core-pack-'));
  must('pnpm pack', await runProcess('pnpm', ['pack', '--pack-destination', work], { cwd: root }));
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) ?? 'missing.tgz');
  packed = must('tar', await runProcess('tar', ['tzf', tarball]))
    .stdout.trim()
    .split('\n');
  mkdirSync(join(work, 'unpacked'));
  must('tar x', await runProcess('tar', ['xzf', tarball, '-C', join(work, 'unpacked')]));
  manifestText = unpacked('package.json');
  for (const zod of ZODS) {
    const project = join(work, `consumer-zod-${zod}`);
    mkdirSync(project);
    for (const [name, text] of Object.entries(consumerFiles()))
      writeFileSync(join(project, name), text);
    projects.set(zod, project);
  }
  const results = await Promise.all([
    runProcess(tool('publint'), ['run', tarball, '--strict']),
    // ESM only: a CommonJS caller loads it with require(esm) (Node ≥ 20.19, the engines range),
    // which attw reports as "CJS resolves to ESM". node10 resolution is unsupported (README).
    // source.txt is a text asset for fs/fetch, not a module TypeScript can type.
    runProcess(tool('attw'), [
      tarball,
      '--profile',
      'node16',
      '--ignore-rules',
      'cjs-resolves-to-esm',
      '--exclude-entrypoints',
      './source.txt',
      '--no-color',
    ]),
    runProcess('npm', ['pack', '--dry-run', '--loglevel=error'], { cwd: root }),
    // zod comes from the registry (or npm's cache): the tarball must name its real peer range.
    ...ZODS.map((zod) =>
      runProcess(
        'npm',
        [
          'install',
          tarball,
          `zod@${zod}`,
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
          '--loglevel=error',
        ],
        { cwd: projects.get(zod) ?? '', timeout: 240_000 },
      ),
    ),
  ]);
  [publint, attw, npmPack] = results as [ProcessResult, ProcessResult, ProcessResult];
  ZODS.forEach((zod, i) => installs.set(zod, results[3 + i] as ProcessResult));
}, 480_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

const sourceExports = async (source: string): Promise<string[]> =>
  Object.keys((await import(join(root, source))) as object).sort();

describe('the packed @leshan/report-core', () => {
  it('holds the bundles, declarations, schema, source copy, README, changelog, licence and data notice', () => {
    for (const name of codeEntries.map((e) => e.name)) {
      for (const ext of ['.mjs', '.d.mts']) expect(packed).toContain(`package/dist/${name}${ext}`);
    }
    for (const file of [
      'dist/cli.mjs',
      'schema/report.schema.json',
      'src/data/source/leshan-report-source.txt',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'DATA-NOTICE.md',
    ])
      expect(packed).toContain(`package/${file}`);
    expect(unpacked('LICENSE')).toMatch(/^MIT License/u);
  });

  it('issue 16: is lean: at most 250 KB packed, no source maps, sources, tests, fixtures or test helpers', () => {
    expect(statSync(tarball).size).toBeLessThanOrEqual(MAX_PACKED_BYTES);
    const offending = packed.filter(
      (f) =>
        /\.map$|\.test\.|\.fixture\.|memory-io|testing|^package\/(test|bench|scripts)\//u.test(f) ||
        (f.startsWith('package/src/') && f !== 'package/src/data/source/leshan-report-source.txt'),
    );
    expect(offending).toEqual([]);
    for (const file of packed.filter((f) => /\.(mjs|d\.mts)$/u.test(f))) {
      expect(unpacked(file.slice('package/'.length)), file).not.toContain('sourceMappingURL');
    }
  });

  it('issue 16: builds the CLI on the library’s own files instead of a second copy of it', () => {
    const cli = unpacked('dist/cli.mjs');
    expect(cli).toMatch(/from "\.\/model\.mjs"/u);
    // The report, its schemas and validator live in the library's files only.
    expect(cli).not.toContain(canonicalReport.meta.title);
    expect(cli).not.toMatch(/function validateReport\b|ReportShapeSchema = /u);
    expect(cli.length).toBeLessThan(80_000);
  });

  it('publishes real version ranges, zod as a peer, and the fields a registry page shows', () => {
    expect(manifestText).not.toMatch(/"(catalog|workspace):/u);
    const manifest = JSON.parse(manifestText) as Manifest;
    expect(manifest.dependencies?.['zod']).toBeUndefined();
    expect(manifest.peerDependencies?.['zod']).toBe(`^${OLDEST_ZOD}`);
    expect(manifest.license).toBe('MIT');
    expect(manifest.publishConfig?.access).toBe('public');
    expect(manifest.keywords?.length).toBeGreaterThan(3);
    expect(manifest.homepage).toMatch(/^https:\/\//u);
    expect(manifest.bugs?.url).toMatch(/^https:\/\//u);
    expect(manifest.repository).toMatchObject({
      type: 'git',
      directory: 'packages/report-core',
    });
  });

  it('is ESM only and publishes no monorepo source condition', () => {
    const manifest = JSON.parse(manifestText) as Manifest;
    expect(manifestText).not.toContain('@leshan/source');
    expect(packed.filter((f) => /\.(cjs|d\.cts)$/u.test(f))).toEqual([]);
    expect(manifest.main).toBe('./dist/index.mjs');
    expect(manifest.types).toBe('./dist/index.d.mts');
  });

  it('refuses `npm pack`, which would ship catalog:/workspace: ranges, saying to use pnpm', () => {
    expect(npmPack.code).not.toBe(0);
    expect(npmPack.stderr).toContain('pnpm pack');
  });

  it('passes publint --strict', () => {
    expect(publint.code, publint.stdout + publint.stderr).toBe(0);
    expect(publint.stdout).toContain('All good!');
  });

  it('passes @arethetypeswrong/cli under node16 (ESM and require(esm)) and bundler resolution', () => {
    expect(attw.code, attw.stdout + attw.stderr).toBe(0);
  });

  it('states node10 resolution unsupported in the README', () => {
    expect(unpacked('README.md')).toMatch(/node10[^.]*not supported/iu);
  });
});

describe.each(ZODS)('a consumer on zod %s', (zod) => {
  const project = (): string => projects.get(zod) ?? '';

  it('installs the tarball with npm', () => {
    expect(installs.get(zod)?.code, installs.get(zod)?.stderr).toBe(0);
  });

  it('imports from ESM: validates, composes with its zod, one instance, exports what the source exports', async () => {
    const out = must('node esm.mjs', await runProcess('node', ['esm.mjs'], { cwd: project() }));
    const got = JSON.parse(out.stdout) as Record<string, unknown> & {
      exportsOf: Record<string, string[]>;
    };
    expect(got).toMatchObject({
      valid: true,
      measures: listMeasures(canonicalReport).length,
      oneSchema: true,
      oneInstance: true,
      composed: true,
      zodVersion: zod,
      schemaTitle: expect.stringContaining(PKG) as unknown,
      sourceLength: sourceText.length,
    });
    for (const entry of codeEntries) {
      const specifier = entry.subpath === '.' ? PKG : `${PKG}/${entry.subpath.slice(2)}`;
      expect(got.exportsOf[specifier], specifier).toEqual(await sourceExports(entry.source));
    }
  }, 180_000);

  it('requires from CommonJS (require(esm)): the same exports and the same instance as import', async () => {
    const esm = JSON.parse(
      must('node esm.mjs', await runProcess('node', ['esm.mjs'], { cwd: project() })).stdout,
    ) as { exportsOf: unknown };
    const out = must('node cjs.cjs', await runProcess('node', ['cjs.cjs'], { cwd: project() }));
    expect(JSON.parse(out.stdout)).toEqual({
      valid: true,
      measures: listMeasures(canonicalReport).length,
      oneSchema: true,
      oneInstance: true,
      sourceFileMatches: true,
      exportsOf: esm.exportsOf,
    });
  }, 180_000);

  it('type-checks under node16, nodenext (.mts and .cts) and bundler resolution, and runs the .mts', async () => {
    for (const config of ['tsconfig.json', 'tsconfig.node16.json', 'tsconfig.bundler.json']) {
      const tsc = await runProcess(tool('tsc'), ['-p', config], {
        cwd: project(),
        timeout: 170_000,
      });
      expect(tsc.code, `${config}\n${tsc.stdout}`).toBe(0);
    }
    const expected = {
      valid: true,
      kind: 'ideology',
      id: canonicalReport.chapters[0]?.sections[0]?.measures[0]?.id,
      same: true,
      wrong: 'object',
      composed: true,
    };
    // typed.cts is only type-checked: tsx's require hook cannot load ES modules by require(esm)
    // (cjs.cjs runs the same require calls in plain Node above).
    const out = must(
      'tsx typed.mts',
      await runProcess(tool('tsx'), ['typed.mts'], { cwd: project() }),
    );
    expect(JSON.parse(out.stdout)).toEqual(expected);
  }, 600_000);

  it('bundles for the browser with Vite, with no Node built-in, and the bundle runs', async () => {
    const outDir = join(project(), 'bundle');
    await build({
      root: project(),
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir,
        minify: true,
        lib: { entry: join(project(), 'browser.js'), formats: ['es'], fileName: 'browser' },
      },
    });
    const file = join(outDir, readdirSync(outDir).find((f) => /\.m?js$/u.test(f)) ?? 'none.js');
    expect(readFileSync(file, 'utf8')).not.toMatch(/["']node:|require\(/u);
    await import(pathToFileURL(file).href);
    expect((globalThis as { reportCheck?: unknown }).reportCheck).toEqual({
      valid: true,
      hits: true,
    });
    delete (globalThis as { reportCheck?: unknown }).reportCheck;
  }, 180_000);
});

describe('the installed report-core bin', () => {
  it('runs without a build step or extra files', async () => {
    const project = projects.get(NEWEST_ZOD) ?? '';
    const bin = join(project, 'node_modules/.bin/report-core');
    const valid = await runProcess(bin, ['validate', '--canonical'], { cwd: project });
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain(canonicalReport.meta.title);
    const source = must(
      'print --source',
      await runProcess(bin, ['print', '--source'], { cwd: project }),
    );
    expect(source.stdout).toBe(
      readFileSync(join(root, 'src/data/source/leshan-report-source.txt'), 'utf8'),
    );
    writeFileSync(join(project, 'broken.json'), '[]');
    const broken = await runProcess(bin, ['validate', 'broken.json'], { cwd: project });
    expect(broken.code).toBe(1);
    expect(broken.stdout + broken.stderr).toMatch(/^\(report\): .+ \(.+\)$/mu);
    expect(broken.stdout + broken.stderr).not.toMatch(STACK_LINE);
    const indicators = must(
      'indicators',
      await runProcess(bin, ['indicators', '新建铁路170公里。'], { cwd: project }),
    );
    expect(indicators.stdout).toMatch(/^170公里 +新建铁路 /u);
    const search = must(
      'search',
      await runProcess(bin, ['search', '旅游', '--limit', '1'], { cwd: project }),
    );
    expect(search.stdout).toContain('【旅游】');
    const usage = await runProcess(bin, ['nonsense'], { cwd: project });
    expect(usage.code).toBe(2);
  }, 180_000);
});
