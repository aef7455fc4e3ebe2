import type { Message } from '../model/index.js';

/** What a file read gives the CLI: the text, or why it could not be read. */
export type ReadResult = { ok: true; text: string } | { ok: false; message: Message };

/**
 * Everything the CLI does to the outside world. src/cli.ts passes the Node implementation;
 * tests pass memoryIo, so commands run in-process without touching disk or the console.
 */
export interface CliIo {
  readText(path: string): ReadResult;
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 success, 1 the input or report is invalid, 2 the command line is wrong. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
