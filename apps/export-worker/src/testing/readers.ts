import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Independent readers for the tests: Debian's poppler-utils and pandoc (installed by .ci/run),
// so a file is judged by the tools people open it with, not by the code that wrote it.

function withTempFile<T>(bytes: Uint8Array, name: string, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'export-worker-test-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as pdftotext extracts it (what copy, search and screen readers see). */
export function pdfText(bytes: Uint8Array): string {
  return withTempFile(bytes, 'in.pdf', (path) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }),
  );
}

/** pdffonts' table: one line per font with its embedded/subset flags. */
export function pdfFonts(bytes: Uint8Array): string {
  return withTempFile(bytes, 'in.pdf', (path) =>
    execFileSync('pdffonts', [path], { encoding: 'utf8' }),
  );
}

/** pandoc converting a document (markdown, html, docx) to another format, output as text. */
export function pandoc(bytes: Uint8Array, from: string, to: string, extension: string): string {
  return withTempFile(bytes, `in.${extension}`, (path) =>
    execFileSync('pandoc', ['-f', from, '-t', to, '--wrap=none', path], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
}

/** Text without any whitespace: line wrapping in PDF and plain-text output must not hide a match. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}
