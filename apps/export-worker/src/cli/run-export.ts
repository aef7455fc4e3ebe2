import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatMessage } from '@leshan/report-core';
import { canonicalEdition } from '../canonical-edition.js';
import { sha256Hex } from '@leshan/report-core/hash';
import { renderFormat } from '../formats.js';
import type { ExportInput } from '../schemas.js';
import { USAGE, parseExportArgs } from './args.js';
import type { Output } from './progress.js';
import { Progress } from './progress.js';
import { writeFileAtomic } from './write-file.js';

export interface RunExportOptions {
  argv: readonly string[];
  /** Folder a relative --out is resolved against. */
  cwd: string;
  stdout: Output;
  stderr: Output;
  /** The edition to render; the canonical report unless a test passes another. */
  edition?: () => ExportInput;
}

function formatSize(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1024 ** 2).toFixed(2)} MiB`;
}

/** The `export` command: 0 on success, 1 when a file cannot be written, 2 on a usage error. */
export async function runExport(options: RunExportOptions): Promise<number> {
  const parsed = parseExportArgs(options.argv);
  if (!parsed.ok) {
    options.stderr.write(`错误 Error: ${formatMessage(parsed.error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    options.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { formats, out } = parsed.args;
  const dir = resolve(options.cwd, out);
  const input = (options.edition ?? canonicalEdition)();
  const progress = new Progress(options.stdout, formats.length);
  try {
    await mkdir(dir, { recursive: true });
    for (const format of formats) {
      progress.start(format);
      const file = await renderFormat(input, format);
      await writeFileAtomic(dir, file.fileName, file.bytes);
      progress.finish(
        `${file.fileName.padEnd(44)} ${formatSize(file.bytes.length).padStart(10)}  sha256 ${sha256Hex(file.bytes)}`,
      );
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    options.stderr.write(`\n错误 Error: 导出失败 (export failed): ${detail}\n`);
    return 1;
  }
  options.stdout.write(
    `已导出 ${formats.length} 个文件到 ${dir} (wrote ${formats.length} files)\n`,
  );
  return 0;
}
