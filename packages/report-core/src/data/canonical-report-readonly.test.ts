import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DeepReadonly, Report } from '../model/index.js';
import { findNode, listMeasures } from '../model/index.js';
import { canonicalReport, editableCopy } from './index.js';

// Issue 16: canonicalReport was frozen at run time but typed mutable, so a write compiled and
// then threw. tsc (the package's typecheck) checks the @ts-expect-error lines below.
describe('canonicalReport is read-only in its type as at run time', () => {
  it('refuses a write to a chapter number at compile time and at run time', () => {
    const write = (): void => {
      const [first] = canonicalReport.chapters;
      if (first === undefined) throw new Error('no chapter');
      // @ts-expect-error -- the canonical report is deeply read-only
      first.number = 5;
    };
    expect(write).toThrow(TypeError);
    expect(canonicalReport.chapters[0]?.number).toBe(1);
  });

  it('has no mutating array methods on its lists', () => {
    const push = (): void => {
      // @ts-expect-error -- its arrays are read-only too
      canonicalReport.notes.push(canonicalReport.notes[0]);
    };
    expect(push).toThrow(TypeError);
    expectTypeOf(canonicalReport).toEqualTypeOf<DeepReadonly<Report>>();
  });

  it('gives read-only nodes from read-only reports and mutable ones from mutable reports', () => {
    expectTypeOf(listMeasures(canonicalReport)[0]?.measure.text).toEqualTypeOf<
      string | undefined
    >();
    const copy = editableCopy(canonicalReport);
    const found = findNode(copy, 'm38');
    if (found?.kind !== 'measure') throw new Error('m38 is not a measure');
    found.node.text = '改写后的文字。';
    expect(findNode(canonicalReport, 'm38')?.node).not.toHaveProperty('text', '改写后的文字。');
    const frozen = findNode(canonicalReport, 'm38');
    if (frozen?.kind !== 'measure') throw new Error('m38 is not a measure');
    const node = frozen.node;
    const write = (): void => {
      // @ts-expect-error -- a node found in the canonical report is read-only
      node.text = '';
    };
    expect(write).toThrow(TypeError);
  });
});

describe('editableCopy', () => {
  it('gives a deep, unfrozen copy equal to the report', () => {
    const copy = editableCopy(canonicalReport);
    expect(copy).toEqual(canonicalReport);
    expect(Object.isFrozen(copy.chapters[0])).toBe(false);
    expectTypeOf(copy).toEqualTypeOf<Report>();
    const [first] = copy.chapters;
    if (first === undefined) throw new Error('no chapter');
    first.number = 5;
    expect(canonicalReport.chapters[0]?.number).toBe(1);
  });
});
