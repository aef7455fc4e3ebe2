import { runExport } from './cli/run-export.js';
import { readEnv } from './env.js';

const code = await runExport({
  argv: process.argv.slice(2),
  cwd: readEnv().initCwd ?? process.cwd(),
  stdout: { write: (text) => process.stdout.write(text), isTTY: process.stdout.isTTY },
  stderr: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY },
});
process.exitCode = code;
