import { runBenchFiles } from '@leshan/bench';

// `pnpm --filter admin bench [prefix]`
await runBenchFiles(new URL('.', import.meta.url), process.argv[2]);
