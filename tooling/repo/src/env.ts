import { z } from 'zod';

/** The settings the repository scripts read: only where programs are looked up. */
export const RepoEnvSchema = z.object({
  PATH: z.string().default(''),
});

export const repoEnv = RepoEnvSchema.parse(process.env);
