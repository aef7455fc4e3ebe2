import { z } from 'zod';

// The one place the tests read the environment.
export const testEnv = z
  .object({
    PG_BIN: z
      .string()
      .min(1)
      .optional()
      .describe('Folder of initdb and pg_ctl, when not under /usr/lib/postgresql.'),
  })
  .parse(process.env);
