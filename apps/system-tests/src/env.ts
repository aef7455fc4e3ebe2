// The one place the system tests read the environment (PG_BIN and CHROMIUM_PATH: @leshan/testing).

/** What the started processes inherit (PATH, HOME, …); system.ts removes the system's own settings. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
