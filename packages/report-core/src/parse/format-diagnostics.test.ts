import { describe, expect, it } from 'vitest';
import { diagnostic, formatLines } from './diagnostic.js';
import { formatDiagnosticsTable } from './format-diagnostics.js';

describe('formatDiagnosticsTable', () => {
  it('prints one aligned row per diagnostic with severity, code, lines and the Chinese message', () => {
    const table = formatDiagnosticsTable([
      diagnostic(
        'heading-without-measures',
        'warning',
        { zh: '节标题下面没有举措', en: 'no measures' },
        [82],
      ),
      diagnostic('repeated-block', 'error', { zh: '重复', en: 'repeated' }, [128, 130, 132, 134]),
    ]);
    const lines = table.split('\n');
    expect(lines[2]).toBe('警告 warning   heading-without-measures  82        节标题下面没有举措');
    expect(lines[3]).toBe('错误 error     repeated-block            128–134   重复');
    expect(lines[lines.length - 1]).toBe('2 条诊断 diagnostics');
  });

  it('cuts a long list of lines short and prints an empty table for no diagnostics', () => {
    const many = diagnostic(
      'duplicate-sentence',
      'error',
      { zh: '重复', en: 'x' },
      Array.from({ length: 64 }, (_, i) => 10 + i * 300),
    );
    expect(formatDiagnosticsTable([many])).toContain('…');
    expect(formatDiagnosticsTable([]).split('\n')).toHaveLength(4);
  });
});

describe('formatLines', () => {
  it('joins lines at most one blank line apart into ranges', () => {
    expect(formatLines([30, 128, 130, 132, 134, 200, 201])).toBe('30, 128–134, 200–201');
    expect(formatLines([])).toBe('');
  });
});
