import type { Report } from './report.js';

/**
 * `T` with every property, array and nested object read-only, as frozen data is at run time
 * (issue 16: `canonicalReport.chapters[0]!.number = 5` must not compile). Functions keep their
 * behaviour on plain values and become readable with `readonly` ones.
 */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends ReadonlyMap<infer K, infer V>
    ? ReadonlyMap<DeepReadonly<K>, DeepReadonly<V>>
    : T extends ReadonlySet<infer V>
      ? ReadonlySet<DeepReadonly<V>>
      : T extends readonly unknown[]
        ? { readonly [I in keyof T]: DeepReadonly<T[I]> }
        : T extends object
          ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
          : T;

/** A report that may be frozen (`canonicalReport`): what every read-only function accepts. */
export type ReadonlyReport = DeepReadonly<Report>;

/**
 * A mutable deep copy of a report, for code that changes it in place (`structuredClone`).
 * `canonicalReport` is frozen; edit commands (`applyCommand`) never need this.
 */
export function editableCopy(report: ReadonlyReport): Report {
  return structuredClone(report) as Report;
}
