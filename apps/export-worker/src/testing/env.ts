// Settings of the machine running the tests must not leak into a worker under test.
const WORKER_SETTINGS =
  /^(DATA_DIR|EXPORT_DIR|SQLITE_FILE|DATABASE_URL|WORKER_.*|LEASE_MS|POLL_MS|RETRY_DELAY_MS|LOG_LEVEL)$/;

/** The test process's environment without the worker's own settings: the base of a child's. */
export function childBaseEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !WORKER_SETTINGS.test(entry[0]),
    ),
  );
}
