import { fileURLToPath } from 'node:url';

/**
 * <repo>/data/leshan.db. This file and the bundle (dist/index.js) sit at the same depth in the
 * package, so the same relative URL reaches the repository root from both.
 */
export const DEFAULT_SQLITE_FILE = fileURLToPath(
  new URL('../../../data/leshan.db', import.meta.url),
);
