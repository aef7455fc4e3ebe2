import { z } from 'zod';

// The one place the reliability suite reads its environment.
export const suiteEnv = z
  .object({
    PATH: z
      .string()
      .default('/usr/bin:/bin')
      .describe('Passed on to the processes the suite starts.'),
    HOME: z.string().optional(),
    RELIABILITY_LOAD_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(30)
      .describe('Length of each load run.'),
    RELIABILITY_CONNECTIONS: z.coerce
      .number()
      .int()
      .min(1)
      .default(200)
      .describe('Concurrent clients of each load run.'),
  })
  .parse(process.env);
