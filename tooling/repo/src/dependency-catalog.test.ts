import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// A dependency that two workspace packages name has one version, pinned once in the `catalog:` of
// pnpm-workspace.yaml: two hand-written ranges drift apart (15 of them had, issue 20).

const FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;
const Ranges = z.record(z.string(), z.string()).optional();
const ManifestSchema = z.object({
  name: z.string(),
  dependencies: Ranges,
  devDependencies: Ranges,
  peerDependencies: Ranges,
  optionalDependencies: Ranges,
});
type Manifest = z.infer<typeof ManifestSchema>;

const repoRoot = resolve(import.meta.dirname, '../../..');
const WorkspaceListSchema = z.array(z.object({ name: z.string(), path: z.string() }));

/** Every `package.json` of the workspace (the root included), as pnpm lists them. */
function workspaceManifests(): Manifest[] {
  const listed = WorkspaceListSchema.parse(
    JSON.parse(
      execFileSync('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], {
        cwd: repoRoot,
        encoding: 'utf8',
      }),
    ),
  );
  return listed.map((p) =>
    ManifestSchema.parse(JSON.parse(readFileSync(join(p.path, 'package.json'), 'utf8'))),
  );
}

function peerOverCatalog(m: Manifest, field: (typeof FIELDS)[number], dep: string): boolean {
  return field === 'peerDependencies' && m.devDependencies?.[dep] === 'catalog:';
}

/** `package: dependency@specifier` for each use of a shared, non-workspace dependency not from the catalog. */
function sharedOutsideCatalog(manifests: Manifest[]): string[] {
  const uses = new Map<string, { pkg: string; specifier: string }[]>();
  for (const m of manifests)
    for (const field of FIELDS)
      for (const [dep, specifier] of Object.entries(m[field] ?? {}))
        // A peer range is what a package accepts from its consumers (report-core: any zod 4 from
        // 4.1, issue 16), not a pin; the version it develops against is its catalog devDependency.
        if (!specifier.startsWith('workspace:') && !peerOverCatalog(m, field, dep))
          uses.set(dep, [...(uses.get(dep) ?? []), { pkg: m.name, specifier }]);
  return [...uses]
    .filter(([, list]) => new Set(list.map((u) => u.pkg)).size > 1)
    .flatMap(([dep, list]) =>
      list.filter((u) => u.specifier !== 'catalog:').map((u) => `${u.pkg}: ${dep}@${u.specifier}`),
    )
    .sort();
}

describe('the dependency catalog', () => {
  it('pins every dependency used by two or more workspace packages (catalog: in each)', () => {
    const manifests = workspaceManifests();
    expect(manifests.length).toBeGreaterThan(5);
    expect(sharedOutsideCatalog(manifests)).toEqual([]);
  });

  it('flags a shared dependency with its own range in one package; one used by one package is free', () => {
    const drifted = sharedOutsideCatalog([
      { name: 'a', dependencies: { pg: 'catalog:', left: '^1.0.0', '@leshan/x': 'workspace:*' } },
      { name: 'b', devDependencies: { pg: '^8.0.0', '@leshan/x': 'workspace:*' } },
      {
        name: 'c',
        devDependencies: { eslint: 'catalog:' },
        peerDependencies: { eslint: '^10.0.0' },
      },
    ]);
    expect(drifted).toEqual(['b: pg@^8.0.0']);
  });
});
