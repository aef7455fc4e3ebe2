import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeEntries } from '../scripts/entrypoints.js';
import { runProcess } from './helpers/run-process.js';

// Every ```ts block of the README is a program: written to a temp dir whose tsconfig maps
// `@leshan/report-core/*` to src/, then type-checked (tsc) and run (tsx). A block proves its
// claims with node:assert, so a README that drifts from the code fails here.
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gmu)].map((m) => m[1] ?? '');

let dir = '';
const fileOf = (i: number): string => `block-${String(i + 1).padStart(2, '0')}.ts`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'report-core-readme-'));
  const paths = Object.fromEntries(
    codeEntries.map((e) => [
      e.subpath === '.' ? '@leshan/report-core' : `@leshan/report-core/${e.subpath.slice(2)}`,
      [join(root, e.source)],
    ]),
  );
  paths['@leshan/report-core/schema.json'] = [join(root, 'schema/report.schema.json')];
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, 'tsconfig.json'),
      compilerOptions: { paths, typeRoots: [join(root, 'node_modules/@types')], noEmit: true },
      include: ['*.ts'],
    }),
  );
  // `export {}` makes each block a module, so top-level names do not clash across blocks.
  blocks.forEach((code, i) => writeFileSync(join(dir, fileOf(i)), `${code}\nexport {};\n`));
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('README.md examples', () => {
  it('has a ts example for each quick-start topic', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const name of [
      'validateReport',
      'canonicalReport',
      'listMeasures',
      'findNode',
      'parseReportText',
    ]) {
      expect(
        blocks.some((b) => b.includes(name)),
        name,
      ).toBe(true);
    }
  });

  it('type-check under the package tsconfig (strict, noUncheckedIndexedAccess, …)', async () => {
    const tsc = await runProcess(
      join(root, 'node_modules/.bin/tsc'),
      ['-p', join(dir, 'tsconfig.json')],
      { cwd: dir },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  }, 120_000);

  it('run without throwing', async () => {
    // One tsx process imports every block in turn (one start-up, not eight) and reports each failure.
    const runner = join(dir, 'run-all.mts');
    writeFileSync(
      runner,
      `const failures: string[] = [];
for (const file of ${JSON.stringify(blocks.map((_, i) => fileOf(i)))}) {
  try {
    await import(\`./\${file}\`);
  } catch (error) {
    failures.push(\`\${file}: \${error instanceof Error ? error.message : String(error)}\`);
  }
}
process.stdout.write(JSON.stringify(failures));
`,
    );
    const tsx = join(root, 'node_modules/.bin/tsx');
    const result = await runProcess(tsx, ['--tsconfig', join(dir, 'tsconfig.json'), runner], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    const failures = (JSON.parse(result.stdout) as string[]).map((f) => {
      const i = Number(/block-(\d+)/u.exec(f)?.[1] ?? 0) - 1;
      return `${f}\n${blocks[i] ?? ''}`;
    });
    expect(failures).toEqual([]);
  }, 120_000);
});
