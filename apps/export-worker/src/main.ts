import { readWorkerEnv } from './env.js';

// The export worker process: `pnpm --filter export-worker start` (src/serve.ts does the work).

const settings = readWorkerEnv();
if (!settings.ok) {
  process.stderr.write(`${settings.message}\n`);
  process.exit(1);
}
// Loaded only after the settings check, so a bad setting fails at once, before the renderers load.
const { serve } = await import('./serve.js');
await serve(settings.env);
