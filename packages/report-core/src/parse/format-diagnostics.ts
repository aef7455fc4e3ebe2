import type { Diagnostic } from './diagnostic.js';
import { formatLines } from './diagnostic.js';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;
const MAX_LINES_WIDTH = 24;

/** Display width in a terminal: CJK and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const c of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        c,
      )
        ? 2
        : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

/** The lines column, cut short so one diagnostic about 64 copies does not push the message off screen. */
function linesCell(lines: readonly number[]): string {
  const text = lines.length === 0 ? '—' : formatLines(lines);
  return text.length <= MAX_LINES_WIDTH ? text : `${text.slice(0, MAX_LINES_WIDTH - 1)}…`;
}

/** A plain-text table (severity, code, lines, Chinese message), one diagnostic a row, for the CLI. */
export function formatDiagnosticsTable(diagnostics: readonly Diagnostic[]): string {
  const header = ['级别 severity', '代码 code', '行 lines', '说明 message'];
  const rows = diagnostics.map((d) => [
    `${SEVERITY_ZH[d.severity]} ${d.severity}`,
    d.code,
    linesCell(d.lines),
    d.message.zh,
  ]);
  const widths = [0, 1, 2].map((c) =>
    [header, ...rows].reduce((w, r) => Math.max(w, width(r[c] ?? '')), 0),
  );
  const render = (row: readonly string[]): string =>
    row
      .map((cell, c) => (c < 3 ? pad(cell, widths[c] ?? 0) : cell))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ') + '  ' + '─'.repeat(12);
  const summary = `${diagnostics.length} 条诊断 diagnostics`;
  return [render(header), rule, ...rows.map(render), rule, summary].join('\n');
}
