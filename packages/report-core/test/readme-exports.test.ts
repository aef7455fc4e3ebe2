import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EXPORTS_END,
  EXPORTS_START,
  collectExportDocs,
  renderExportDocs,
} from '../scripts/export-docs.js';

// Issue 16: the README documented 24 of 115 root exports. The list is now generated from the
// entry points; this test reads README.md and never writes it.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const docs = collectExportDocs();
const block = readme.slice(
  readme.indexOf(EXPORTS_START),
  readme.indexOf(EXPORTS_END) + EXPORTS_END.length,
);
const listed = new Set([...block.matchAll(/^- `(\w+)` \(/gmu)].map((m) => m[1] ?? ''));

describe('the README export list', () => {
  it('is the one generated from the entry points (run `pnpm docs:exports` when this fails)', () => {
    expect(block).toBe(renderExportDocs(docs));
  });

  it('names every export of every subpath, and nothing that is not exported', () => {
    const exported = new Set(
      [...docs].filter(([s]) => s !== '.').flatMap(([, d]) => d.map((x) => x.name)),
    );
    expect([...exported].filter((n) => !listed.has(n))).toEqual([]);
    expect([...listed].filter((n) => !exported.has(n))).toEqual([]);
  });

  it('covers the root, which exports exactly what the subpaths export', () => {
    const rootNames = (docs.get('.') ?? []).map((d) => d.name).sort();
    expect(rootNames.length).toBeGreaterThan(100);
    expect(rootNames).toEqual([...listed].sort());
  });

  it('says what each export is for', () => {
    const lines = block.split('\n').filter((l) => l.startsWith('- `'));
    expect(lines.filter((l) => /— \(undocumented\)|— $/u.test(l))).toEqual([]);
  });
});
