import type { CliIo } from './io.js';

/** A CliIo over an in-memory file table that records what the CLI printed; for tests. */
export interface MemoryIo extends CliIo {
  stdout: () => string;
  stderr: () => string;
}

export function memoryIo(files: Readonly<Record<string, string>> = {}): MemoryIo {
  let stdout = '';
  let stderr = '';
  return {
    readText(path) {
      const text = files[path];
      if (text === undefined) {
        return {
          ok: false,
          message: { zh: `无法读取文件 ${path}`, en: `cannot read file ${path}` },
        };
      }
      return { ok: true, text };
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
