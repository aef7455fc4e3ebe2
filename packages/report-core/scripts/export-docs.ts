// The README's list of exports, read from the entry points (scripts/entrypoints.ts) with the
// TypeScript compiler: every export of every subpath, with the first sentence of its TSDoc.
// scripts/write-export-docs.ts writes it into README.md; test/readme-exports.test.ts checks it.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as api from '../src/index.js';
import { codeEntries } from './entrypoints.js';

export const EXPORTS_START =
  '<!-- exports:start (pnpm --filter @leshan/report-core docs:exports) -->';
export const EXPORTS_END = '<!-- exports:end -->';

export interface ExportDoc {
  name: string;
  kind: 'function' | 'const' | 'type' | 'class';
  summary: string;
  throws: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));

function kindOf(symbol: ts.Symbol): ExportDoc['kind'] {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Variable) return 'const';
  return 'type';
}

// The first sentence (or line) of a TSDoc comment, on one line.
function summaryOf(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  let depth = 0;
  for (let i = 0; i < flat.length; i += 1) {
    const c = flat.charAt(i);
    if (c === '(' || c === '（') depth += 1;
    else if (c === ')' || c === '）') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === '。') return flat.slice(0, i + 1);
    else if (
      depth === 0 &&
      '.;:'.includes(c) &&
      (i + 1 === flat.length || flat.charAt(i + 1) === ' ')
    )
      return `${flat.slice(0, i)}.`;
  }
  return flat;
}

// A zod schema's own `.describe()` text, which the JSON Schema carries too.
function schemaDescription(name: string): string {
  const value: unknown = (api as Record<string, unknown>)[name];
  if (typeof value !== 'object' || value === null || !('_zod' in value)) return '';
  const description = (value as { description?: unknown }).description;
  return typeof description === 'string' ? description : '';
}

function docOf(symbol: ts.Symbol, checker: ts.TypeChecker): ExportDoc {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const decl = target.declarations?.[0];
  let comment = ts.displayPartsToString(target.getDocumentationComment(checker));
  if (comment === '') comment = schemaDescription(symbol.name);
  // An inferred type (`type Measure = z.infer<typeof MeasureSchema>`) says what its schema says.
  if (comment === '' && decl !== undefined && ts.isTypeAliasDeclaration(decl)) {
    const inner = /typeof (\w+)/u.exec(decl.type.getText())?.[1];
    const schema =
      inner === undefined
        ? undefined
        : checker.resolveName(inner, decl, ts.SymbolFlags.Value, false);
    if (inner !== undefined && schema !== undefined)
      comment =
        ts.displayPartsToString(schema.getDocumentationComment(checker)) ||
        schemaDescription(inner);
  }
  const tags = target.declarations?.flatMap((d) => ts.getJSDocTags(d)) ?? [];
  const throws = tags
    .filter((t) => t.tagName.text === 'throws')
    .map((t) => {
      const type = ts.isJSDocThrowsTag(t) ? t.typeExpression?.type.getText() : undefined;
      const text = summaryOf(ts.getTextOfJSDocComment(t.comment) ?? '');
      return type === undefined ? text : `\`${type}\` ${text}`;
    });
  return { name: symbol.name, kind: kindOf(target), summary: summaryOf(comment), throws };
}

/** Every export of every code entry point, sorted by name, keyed by subpath. */
export function collectExportDocs(): Map<string, ExportDoc[]> {
  const files = codeEntries.map((e) => `${root}${e.source}`);
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true,
    strict: true,
    noEmit: true,
    customConditions: ['@leshan/source'],
  });
  const checker = program.getTypeChecker();
  const out = new Map<string, ExportDoc[]>();
  for (const entry of codeEntries) {
    const source = program.getSourceFile(`${root}${entry.source}`);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read ${entry.source}`);
    const docs = checker
      .getExportsOfModule(moduleSymbol)
      .map((s) => docOf(s, checker))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    out.set(entry.subpath, docs);
  }
  return out;
}

function importName(subpath: string): string {
  return subpath === '.' ? '@leshan/report-core' : `@leshan/report-core/${subpath.slice(2)}`;
}

/** The generated README block, markers included. */
export function renderExportDocs(docs: Map<string, ExportDoc[]>): string {
  const lines = [
    EXPORTS_START,
    '',
    '`@leshan/report-core` (the root) exports everything the subpaths below export, and nothing else.',
  ];
  for (const [subpath, list] of docs) {
    if (subpath === '.') continue;
    lines.push('', `#### \`${importName(subpath)}\``, '');
    for (const d of list) {
      const summary = d.summary === '' ? '(undocumented)' : d.summary;
      const throws = d.throws.length === 0 ? '' : ` **Throws** ${d.throws.join(' ')}`;
      lines.push(`- \`${d.name}\` (${d.kind}) — ${summary}${throws}`);
    }
  }
  lines.push('', EXPORTS_END);
  return lines.join('\n');
}

/** README.md with its export block replaced (the markers must be there). */
export function withExportDocs(readme: string, block: string): string {
  const start = readme.indexOf(EXPORTS_START);
  const end = readme.indexOf(EXPORTS_END);
  if (start === -1 || end < start) throw new Error('README.md has no export block markers');
  return readme.slice(0, start) + block + readme.slice(end + EXPORTS_END.length);
}
