import type { Message } from '../model/index.js';

/** What a read gives the CLI: the bytes, or why they could not be read. */
export type ReadBytesResult = { ok: true; bytes: Uint8Array } | { ok: false; message: Message };

/** What reading an input gives a command: its text, or why it cannot be used. */
export type ReadResult = { ok: true; text: string } | { ok: false; message: Message };

/** The path that means standard input, as in most Unix tools. */
export const STDIN = '-';

/**
 * Everything the CLI does to the outside world. src/cli.ts passes the Node implementation;
 * tests pass memoryIo, so commands run in-process without touching disk or the console.
 */
export interface CliIo {
  /** The package version, for --version. */
  version: string;
  /**
   * The bytes of `path` (`-`: standard input), refusing anything over `maxBytes` before reading
   * it whole.
   */
  readBytes(path: string, maxBytes: number): ReadBytesResult;
  /** Results: what the command was asked for. */
  out(text: string): void;
  /** Diagnostics: problems with the input or the command line, notes on what was done. */
  err(text: string): void;
}

/** Exit codes: 0 success, 1 the input or report is invalid, 2 the command line is wrong. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
