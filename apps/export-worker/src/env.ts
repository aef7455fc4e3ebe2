import { z } from 'zod';

// pnpm runs package scripts in the package folder; INIT_CWD is where the user typed the command,
// so `--out ./exports` means the folder the user meant.
const EnvSchema = z.object({
  INIT_CWD: z.string().min(1).optional(),
});

export interface ExportEnv {
  initCwd: string | undefined;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): ExportEnv {
  const parsed = EnvSchema.safeParse(env);
  return { initCwd: parsed.success ? parsed.data.INIT_CWD : undefined };
}
