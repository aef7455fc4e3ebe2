import { z } from 'zod';

// The one place the tests and benchmarks read the environment.
export const testEnv = z
  .object({
    PATH: z
      .string()
      .default('/usr/bin:/bin')
      .describe('Passed on to the admin processes the tests start.'),
    HOME: z.string().optional(),
    BENCH_SECONDS: z.coerce
      .number()
      .positive()
      .default(12)
      .describe('Length of each benchmark scenario.'),
    BENCH_ENGINES: z
      .enum(['both', 'sqlite'])
      .default('both')
      .describe('sqlite: the benchmark leaves PostgreSQL out (a quicker run of the save goal).'),
  })
  .parse(process.env);
