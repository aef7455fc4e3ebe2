import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, codeEntries } from '../scripts/entrypoints.js';
import { canonicalReport, listMeasures, sourceText } from '../src/index.js';
import { consumerFiles } from './helpers/consumer-files.js';
import type { ProcessResult } from './helpers/run-process.js';
import { STACK_LINE, runProcess } from './helpers/run-process.js';

// One `pnpm pack` of the build, one `npm install` of the tarball into a throwaway project; every
// test below reads what those produced. This is the package as a user receives it. The build is
// turbo's (`@leshan/report-core#test` depends on `build`): a test never builds or deletes dist/,
// which other tasks read while it runs.
const root = fileURLToPath(new URL('..', import.meta.url));
const tool = (name: string): string => join(root, 'node_modules/.bin', name);
const PKG = '@leshan/report-core';

let work = '';
let project = '';
let tarball = '';
let packed: string[] = [];
let publint: ProcessResult;
let attw: ProcessResult;
let install: ProcessResult;

function must(step: string, result: ProcessResult): ProcessResult {
  if (result.code !== 0)
    throw new Error(`${step} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result;
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
  project = join(work, 'consumer');
  mkdirSync(project);
  for (const [name, text] of Object.entries(consumerFiles()))
    writeFileSync(join(project, name), text);
  [publint, attw, install] = await Promise.all([
    runProcess(tool('publint'), ['run', tarball, '--strict']),
    // node16 profile: node10 resolution (no "exports") cannot reach subpaths and Node < 20.19 is
    // unsupported. source.txt is a text asset for fs/fetch, not a module TypeScript can type.
    runProcess(tool('attw'), [
      tarball,
      '--profile',
      'node16',
      '--exclude-entrypoints',
      './source.txt',
      '--no-color',
    ]),
    // zod comes from the registry (or npm's cache): the tarball must name its real version range.
    runProcess(
      'npm',
      ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
      {
        cwd: project,
        timeout: 240_000,
      },
    ),
  ]);
}, 480_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

const sourceExports = async (source: string): Promise<string[]> =>
  Object.keys((await import(join(root, source))) as object).sort();

describe('the packed @leshan/report-core', () => {
  it('holds the bundles, declarations, schema, source copy and README, and no tests', () => {
    for (const name of ['index', 'model', 'data']) {
      for (const ext of ['.mjs', '.cjs', '.d.mts', '.d.cts'])
        expect(packed).toContain(`package/dist/${name}${ext}`);
    }
    expect(packed).toContain('package/dist/cli.mjs');
    expect(packed).toContain('package/schema/report.schema.json');
    expect(packed).toContain('package/src/data/source/leshan-report-source.txt');
    expect(packed).toContain('package/README.md');
    expect(packed.filter((f) => /\.test\.ts$|^package\/(test|bench|scripts)\//u.test(f))).toEqual(
      [],
    );
  });

  it('publishes real version ranges, not pnpm catalog:/workspace: protocols', async () => {
    const manifest = must(
      'tar',
      await runProcess('tar', ['xzOf', tarball, 'package/package.json']),
    ).stdout;
    expect(manifest).not.toMatch(/"(catalog|workspace):/u);
    expect(
      (JSON.parse(manifest) as { dependencies: Record<string, string> }).dependencies['zod'],
    ).toMatch(/^\^4\./u);
  });

  it('passes publint --strict', () => {
    expect(publint.code, publint.stdout + publint.stderr).toBe(0);
    expect(publint.stdout).toContain('All good!');
  });

  it('passes @arethetypeswrong/cli for ESM and CJS under node16 and bundler resolution', () => {
    expect(attw.code, attw.stdout + attw.stderr).toBe(0);
  });

  it('installs into a fresh project with npm', () => {
    expect(install.code, install.stderr).toBe(0);
  });

  it('imports from ESM: validates, shares one schema across subpaths, exports what the source exports', async () => {
    const out = must('node esm.mjs', await runProcess('node', ['esm.mjs'], { cwd: project }));
    const got = JSON.parse(out.stdout) as Record<string, unknown> & {
      exportsOf: Record<string, string[]>;
    };
    expect(got).toMatchObject({
      valid: true,
      measures: listMeasures(canonicalReport).length,
      oneSchema: true,
      schemaTitle: expect.stringContaining(PKG) as unknown,
      sourceLength: sourceText.length,
    });
    for (const entry of codeEntries) {
      const specifier = entry.subpath === '.' ? PKG : `${PKG}/${entry.subpath.slice(2)}`;
      expect(got.exportsOf[specifier], specifier).toEqual(await sourceExports(entry.source));
    }
  }, 180_000);

  it('requires from CJS with the same exports as ESM and the source copy as a file', async () => {
    const esm = JSON.parse(
      must('node esm.mjs', await runProcess('node', ['esm.mjs'], { cwd: project })).stdout,
    ) as {
      exportsOf: unknown;
    };
    const out = must('node cjs.cjs', await runProcess('node', ['cjs.cjs'], { cwd: project }));
    expect(JSON.parse(out.stdout)).toEqual({
      valid: true,
      measures: listMeasures(canonicalReport).length,
      oneSchema: true,
      sourceFileMatches: true,
      exportsOf: esm.exportsOf,
    });
  }, 180_000);

  it('type-checks from .mts and .cts under moduleResolution nodenext, and those files run', async () => {
    const tsc = await runProcess(tool('tsc'), ['-p', 'tsconfig.json'], { cwd: project });
    expect(tsc.code, tsc.stdout).toBe(0);
    const expected = {
      valid: true,
      kind: 'ideology',
      id: canonicalReport.chapters[0]?.sections[0]?.measures[0]?.id,
      wrong: 'object',
    };
    for (const file of ['typed.mts', 'typed.cts']) {
      const out = must(`tsx ${file}`, await runProcess(tool('tsx'), [file], { cwd: project }));
      expect(JSON.parse(out.stdout), file).toEqual(expected);
    }
  }, 180_000);

  it('installs the report-core bin, which runs without a build step or extra files', async () => {
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
    expect(broken.stdout).toMatch(/^\(report\): .+ \(.+\)$/mu);
    expect(broken.stdout + broken.stderr).not.toMatch(STACK_LINE);
    const indicators = must(
      'indicators',
      await runProcess(bin, ['indicators', '新建铁路170公里。'], { cwd: project }),
    );
    expect(indicators.stdout).toMatch(/^170公里 +铁路 /u);
    const search = must(
      'search',
      await runProcess(bin, ['search', '旅游', '--limit', '1'], { cwd: project }),
    );
    expect(search.stdout).toContain('【旅游】');
    const usage = await runProcess(bin, ['nonsense'], { cwd: project });
    expect(usage.code).toBe(2);
  }, 180_000);
});
