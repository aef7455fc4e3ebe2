import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { NodeIdPrefixError, createNodeId, newNodeId } from '../src/index.js';

// Issue 16: createNodeId threw an undocumented ZodError. Every `throw` in the library is now
// either documented with @throws on the function that throws, or an internal invariant (a bug if
// it fires) marked `Invariant:` in the comment just above it. Tests and fixtures are left out.
const src = fileURLToPath(new URL('../src', import.meta.url));
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.fixture.ts'))
  .map((f) => `${src}/${f}`);

interface Throw {
  where: string;
  documented: boolean;
  invariant: boolean;
}

function hasThrowsTag(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n !== undefined; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isVariableStatement(n))
      if (ts.getJSDocTags(n).some((t) => t.tagName.text === 'throws')) return true;
  }
  return false;
}

function throwsIn(file: string): Throw[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: Throw[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isThrowStatement(node)) {
      // The comment lines right above the throw, or above the statement it ends (`if (…) throw`).
      const holder = ts.isIfStatement(node.parent) ? node.parent : node;
      const above = text.slice(0, holder.getStart(source)).split('\n').slice(-4).join('\n');
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      out.push({
        where: `${file.slice(src.length + 1)}:${line}`,
        documented: hasThrowsTag(node),
        invariant: /\/\/ Invariant:/u.test(above),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const all = files.flatMap(throwsIn);

describe('errors the library throws', () => {
  it('finds the throws it checks', () => {
    expect(all.length).toBeGreaterThanOrEqual(4);
  });

  it('are each documented with @throws or marked as an internal invariant', () => {
    expect(all.filter((t) => !t.documented && !t.invariant).map((t) => t.where)).toEqual([]);
  });

  it('are the documented NodeIdPrefixError for a bad id prefix, from createNodeId and newNodeId', () => {
    expect(() => createNodeId('Bad Prefix')).toThrow(NodeIdPrefixError);
    // newNodeId threw a ZodError before (issue 16).
    expect(() => newNodeId('Bad Prefix', '新的举措。', new Set())).toThrow(NodeIdPrefixError);
    expect(newNodeId('m', '新的举措。', new Set())).toMatch(/^m-[0-9a-f]{10}$/u);
  });
});
