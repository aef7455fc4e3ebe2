import { fileURLToPath } from 'node:url';

/** apps/system-tests */
export const packageDir = fileURLToPath(new URL('../..', import.meta.url));
/** The monorepo root. */
export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
/** Where each test file writes its figures (git-ignored); scripts/reliability-page.ts renders them. */
export const resultsDir = fileURLToPath(new URL('../../results', import.meta.url));
