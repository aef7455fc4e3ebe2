// The one place the start script reads its environment: every variable passes on to the three
// processes, which check their own (check-env.ts runs their readers first).

/** The environment this script was started with. */
export function scriptEnv(): Record<string, string | undefined> {
  return { ...process.env };
}

/** `--dev`: the sources through tsx watch and Vite, instead of the builds. */
export function devMode(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--dev');
}
