// Error shapes of the two drivers, recognised by code rather than by message text.

function code(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const value = error.code;
  return typeof value === 'string' ? value : undefined;
}

/** A UNIQUE or PRIMARY KEY constraint refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  const c = code(error);
  return c === '23505' || c === 'SQLITE_CONSTRAINT_UNIQUE' || c === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** SQLite's lock was still held by another connection when busy_timeout ran out. */
export function isSqliteBusy(error: unknown): boolean {
  const c = code(error);
  return c === 'SQLITE_BUSY' || c === 'SQLITE_BUSY_SNAPSHOT' || c === 'SQLITE_LOCKED';
}

/** PostgreSQL gave up on a transaction that may succeed if run again. */
export function isPostgresRetryable(error: unknown): boolean {
  const c = code(error);
  return c === '40001' || c === '40P01';
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Exponential backoff with full jitter, so retrying writers do not collide again in step. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}
