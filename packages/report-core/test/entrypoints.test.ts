import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import tsupConfig from '../tsup.config.js';
import {
  SOURCE_CONDITION,
  cliEntry,
  codeEntries,
  exportsMap,
  fileEntries,
  tsupEntries,
} from '../scripts/entrypoints.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  files: string[];
};

describe('the entry point list (scripts/entrypoints.ts)', () => {
  it('is exactly what package.json exports, in order (run `pnpm exports` to rewrite it)', () => {
    expect(pkg.exports).toEqual(exportsMap());
    expect(Object.keys(pkg.exports)).toEqual(Object.keys(exportsMap()));
  });

  it('is exactly what tsup builds: the library entries, then the CLI', () => {
    const configs = Array.isArray(tsupConfig) ? tsupConfig : [];
    expect(configs.map((c) => c.entry)).toEqual([
      tsupEntries(),
      { [cliEntry.name]: cliEntry.source },
    ]);
    expect(pkg.bin).toEqual({ 'report-core': `./dist/${cliEntry.name}.mjs` });
  });

  it('puts the source condition first in every code export, pointing at a file that exists', () => {
    for (const entry of codeEntries) {
      const conditions = pkg.exports[entry.subpath] as Record<string, string>;
      expect(Object.keys(conditions)[0]).toBe(SOURCE_CONDITION);
      expect(existsSync(`${root}/${entry.source}`), entry.source).toBe(true);
    }
  });

  it('exports only files that exist and that the package publishes', () => {
    for (const target of Object.values(fileEntries)) {
      expect(existsSync(`${root}/${target}`), target).toBe(true);
      const path = target.replace(/^\.\//, '');
      const top = path.split('/')[0] ?? '';
      expect(
        top === 'package.json' || pkg.files.includes(top) || pkg.files.includes(path),
        target,
      ).toBe(true);
    }
  });

  it('has the root entry re-export every area', () => {
    const index = readFileSync(`${root}/src/index.ts`, 'utf8');
    for (const entry of codeEntries.filter((e) => e.subpath !== '.')) {
      expect(index).toContain(`export * from './${entry.subpath.slice(2)}/index.js';`);
    }
  });
});
