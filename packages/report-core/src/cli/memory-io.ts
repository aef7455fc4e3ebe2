import type { CliIo } from './io.js';
import { tooLargeMessage } from './read-input.js';

/** A CliIo over an in-memory file table that records what the CLI printed; for tests. */
export interface MemoryIo extends CliIo {
  stdout: () => string;
  stderr: () => string;
}

/** `files` by path (`-` is standard input): a string is stored as its UTF-8 bytes. */
export function memoryIo(
  files: Readonly<Record<string, string | Uint8Array>> = {},
  version = '0.0.0-memory',
): MemoryIo {
  let stdout = '';
  let stderr = '';
  return {
    version,
    readBytes(path, maxBytes) {
      const content = files[path];
      if (content === undefined) {
        return {
          ok: false,
          message: { zh: `无法读取文件 ${path}`, en: `cannot read file ${path}` },
        };
      }
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      if (bytes.length > maxBytes)
        return { ok: false, message: tooLargeMessage(bytes.length, maxBytes) };
      return { ok: true, bytes };
    },
    out(text) {
      stdout += text;
    },
    err(text) {
      stderr += text;
    },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
