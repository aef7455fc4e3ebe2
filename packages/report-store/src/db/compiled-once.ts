import type { Compilable, Kysely, QueryResult } from 'kysely';
import { CompiledQuery } from 'kysely';
import type { Engine, Tables } from './tables.js';

/**
 * The SQL of each statement a save runs, by engine and shape, compiled by Kysely once: building
 * and compiling a query again on every save cost more than running it (issue 13). null: Kysely's
 * parameters for it were not the ones the caller gives, in that order, so it is compiled each time.
 */
const compiledSql = new Map<string, string | null>();

const sameParameters = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Runs the query `build` makes, reusing its SQL for the same `shape` with new `parameters` (in the
 * order Kysely binds them: a row's values in the order of its keys, then those of the where
 * clause). The first run compiles it and keeps the SQL only if Kysely bound exactly `parameters`,
 * so a shape that inlines a value or binds in another order is never reused wrongly.
 */
export async function runCompiledOnce<R>(
  trx: Kysely<Tables>,
  engine: Engine,
  shape: string,
  build: () => Compilable<R>,
  parameters: readonly unknown[],
): Promise<QueryResult<R>> {
  const key = `${engine}\u0000${shape}`;
  const known = compiledSql.get(key);
  if (known === undefined) {
    const compiled = build().compile();
    compiledSql.set(key, sameParameters(compiled.parameters, parameters) ? compiled.sql : null);
    return trx.executeQuery(compiled);
  }
  if (known === null) return trx.executeQuery(build().compile());
  return trx.executeQuery<R>(CompiledQuery.raw(known, [...parameters]));
}

/** The key of a row's shape: its table and columns in order. */
export const rowShape = (statement: string, row: object): string =>
  `${statement}(${Object.keys(row).join(',')})`;
