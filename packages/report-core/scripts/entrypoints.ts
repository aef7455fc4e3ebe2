// The one list of the package's entry points. tsup.config.ts builds exactly these, and
// scripts/write-exports.ts writes package.json "exports" from them; test/entrypoints.test.ts
// fails when the two drift apart.

/** A code entry point: `subpath` in package.json exports, built from `source` to dist/<name>.*. */
export interface CodeEntry {
  subpath: string;
  name: string;
  source: string;
}

export const codeEntries: readonly CodeEntry[] = [
  { subpath: '.', name: 'index', source: 'src/index.ts' },
  { subpath: './model', name: 'model', source: 'src/model/index.ts' },
  { subpath: './data', name: 'data', source: 'src/data/index.ts' },
  { subpath: './parse', name: 'parse', source: 'src/parse/index.ts' },
  { subpath: './indicators', name: 'indicators', source: 'src/indicators/index.ts' },
  { subpath: './search', name: 'search', source: 'src/search/index.ts' },
  { subpath: './edit', name: 'edit', source: 'src/edit/index.ts' },
  { subpath: './hash', name: 'hash', source: 'src/hash/index.ts' },
  { subpath: './labels', name: 'labels', source: 'src/labels/index.ts' },
  { subpath: './sheet', name: 'sheet', source: 'src/sheet/index.ts' },
];

/** Files exported as they are: the generated JSON Schema, the source copy, the manifest. */
export const fileEntries: Readonly<Record<string, string>> = {
  './schema.json': './schema/report.schema.json',
  './source.txt': './src/data/source/leshan-report-source.txt',
  './package.json': './package.json',
};

/** The command-line tool: ESM only, built to dist/cli.mjs and published as `bin`. */
export const cliEntry = { name: 'cli', source: 'src/cli.ts' } as const;

export const SOURCE_CONDITION = '@leshan/source';

export interface CodeExport {
  [SOURCE_CONDITION]?: string;
  types: string;
  default: string;
}

/**
 * The export of one code entry: the source first (in the monorepo), then the ESM build and its
 * types. ESM only: Node ≥ 20.19 loads it from `require` too, so there is one module instance.
 */
export function codeExport(entry: CodeEntry): CodeExport {
  return {
    [SOURCE_CONDITION]: `./${entry.source}`,
    types: `./dist/${entry.name}.d.mts`,
    default: `./dist/${entry.name}.mjs`,
  };
}

/** package.json "exports", in the order the entries are listed. */
export function exportsMap(): Record<string, CodeExport | string> {
  const map: Record<string, CodeExport | string> = {};
  for (const entry of codeEntries) map[entry.subpath] = codeExport(entry);
  Object.assign(map, fileEntries);
  return map;
}

/**
 * The "exports" the packed manifest has (package.json publishConfig.exports, which pnpm pack
 * applies): without the source condition, whose files are not published.
 */
export function publishedExportsMap(): Record<string, CodeExport | string> {
  const map: Record<string, CodeExport | string> = {};
  for (const [subpath, target] of Object.entries(exportsMap())) {
    if (typeof target === 'string') map[subpath] = target;
    else map[subpath] = { types: target.types, default: target.default };
  }
  return map;
}

/** The tsup entry object: output name → source file. */
export function tsupEntries(): Record<string, string> {
  return Object.fromEntries(codeEntries.map((e) => [e.name, e.source]));
}
