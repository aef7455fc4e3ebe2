import { z } from 'zod';

// The one place the shared test helpers read the environment.
export const testingEnv = z
  .object({
    PG_BIN: z
      .string()
      .min(1)
      .optional()
      .describe('Folder of initdb and pg_ctl, when not under /usr/lib/postgresql.'),
    CHROMIUM_PATH: z
      .string()
      .min(1)
      .default('/usr/bin/chromium')
      .describe("Debian's chromium; never a downloaded browser."),
  })
  .parse(process.env);
