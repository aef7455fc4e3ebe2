// The `report-core` command (bin → dist/cli.mjs). Only this file touches Node's file system
// and process; the commands in src/cli/ get it through CliIo, so tests run them in memory.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { CliIo, ReadBytesResult } from './cli/io.js';
import { STDIN } from './cli/io.js';
import { tooLargeMessage } from './cli/read-input.js';
import { runCli } from './cli/run.js';

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function readError(error: unknown): ReadBytesResult {
  switch (errorCode(error)) {
    case 'ENOENT':
      return { ok: false, message: { zh: '文件不存在', en: 'no such file' } };
    case 'EISDIR':
      return { ok: false, message: { zh: '这是目录而不是文件', en: 'is a directory, not a file' } };
    case 'EACCES':
      return { ok: false, message: { zh: '没有读取权限', en: 'permission denied' } };
    default:
      return {
        ok: false,
        message: { zh: '无法读取文件', en: `cannot read file (${errorCode(error)})` },
      };
  }
}

/** Reads a descriptor to its end, but never more than maxBytes + 1 bytes (a pipe has no size). */
function readBounded(fd: number, maxBytes: number): ReadBytesResult {
  const size = fstatSync(fd).size;
  if (size > maxBytes) return { ok: false, message: tooLargeMessage(size, maxBytes) };
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(64 * 1024);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if (errorCode(error) === 'EAGAIN') continue;
      if (errorCode(error) === 'EOF') break;
      // Invariant: any other read error goes to readBytes, which answers it as a read error.
      throw error;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) return { ok: false, message: tooLargeMessage(total, maxBytes) };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

const nodeIo: CliIo = {
  version,
  readBytes(path, maxBytes) {
    if (path === STDIN) return readBounded(0, maxBytes);
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      if (fstatSync(fd).isDirectory()) return readError({ code: 'EISDIR' });
      return readBounded(fd, maxBytes);
    } catch (error) {
      return readError(error);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  },
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

// A reader that stops early (`report-core print | head -1`) closes the pipe: stop quietly, as
// Unix tools do, instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (errorCode(error) === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Invariant: a stream error other than a closed pipe is a fault of the machine, not of input.
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), nodeIo);
