import { z } from 'zod';

// The one place the system tests read the environment.

/** Settings of the tests themselves. */
export const testEnv = z
  .object({
    PG_BIN: z
      .string()
      .min(1)
      .optional()
      .describe('Folder of initdb and pg_ctl, when not under /usr/lib/postgresql.'),
  })
  .parse(process.env);

/** What the started processes inherit (PATH, HOME, …); system.ts removes the system's own settings. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
