// The `report-core` command (bin → dist/cli.mjs). Only this file touches Node's file system
// and process; the commands in src/cli/ get it through CliIo, so tests run them in memory.
import { readFileSync } from 'node:fs';
import type { CliIo } from './cli/io.js';
import { runCli } from './cli/run.js';

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

const nodeIo: CliIo = {
  readText(path) {
    try {
      return { ok: true, text: readFileSync(path, 'utf8') };
    } catch (error) {
      switch (errorCode(error)) {
        case 'ENOENT':
          return { ok: false, message: { zh: '文件不存在', en: 'no such file' } };
        case 'EISDIR':
          return {
            ok: false,
            message: { zh: '这是目录而不是文件', en: 'is a directory, not a file' },
          };
        case 'EACCES':
          return { ok: false, message: { zh: '没有读取权限', en: 'permission denied' } };
        default:
          return {
            ok: false,
            message: { zh: '无法读取文件', en: `cannot read file (${errorCode(error)})` },
          };
      }
    }
  },
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

process.exitCode = await runCli(process.argv.slice(2), nodeIo);
