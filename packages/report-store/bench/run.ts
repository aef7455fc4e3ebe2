import { runBenchFiles } from '@leshan/bench';

await runBenchFiles(new URL('.', import.meta.url), process.argv[2]);
