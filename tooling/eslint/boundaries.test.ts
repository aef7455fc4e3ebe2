import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints the files under fixtures/ with the shared config (fixtures/eslint.config.js imports it)
// and reports the boundary rules' errors, plus any file the linter could not parse.
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const RULES = new Set([
  'no-restricted-imports',
  'import-x/no-relative-packages',
  'import-x/no-cycle',
  'react-hooks/rules-of-hooks',
]);

async function errors(file: string, configFile = 'eslint.config.js'): Promise<string[]> {
  const eslint = new ESLint({ cwd: FIXTURES, overrideConfigFile: `${FIXTURES}${configFile}` });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? [])
    .filter((m) => m.fatal === true || (m.ruleId !== null && RULES.has(m.ruleId)))
    .map((m) => `${m.line}: ${m.ruleId ?? m.message}`);
}

describe('the boundary rules of @leshan/eslint-config', () => {
  it('refuse an import of an app', async () => {
    expect(await errors('apps-import/imports-an-app.ts')).toEqual(['2: no-restricted-imports']);
  });

  it('refuse a relative import that leaves its package', async () => {
    expect(await errors('pkg-a/escapes.ts')).toEqual(['2: import-x/no-relative-packages']);
  });

  it('refuse an import cycle, on each side of it', async () => {
    expect(await errors('cycle/first.ts')).toEqual(['1: import-x/no-cycle']);
    expect(await errors('cycle/second.ts')).toEqual(['1: import-x/no-cycle']);
  });

  it('allow a relative import inside a package and a package by name', async () => {
    expect(await errors('pkg-a/stays-inside.ts')).toEqual([]);
  });
});

describe('@leshan/eslint-config/react', () => {
  it('refuses a hook called conditionally', async () => {
    expect(await errors('react/conditional-hook.tsx', 'react.eslint.config.js')).toEqual([
      '6: react-hooks/rules-of-hooks',
    ]);
  });
});
