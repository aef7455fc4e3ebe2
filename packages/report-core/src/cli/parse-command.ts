import { z } from 'zod';
import { formatDiagnosticsTable, parseReportText } from '../parse/index.js';
import { defineCommand } from './command.js';
import { EXIT } from './io.js';

const ParseArgsSchema = z.object({
  positionals: z
    .array(z.string())
    .length(1, { error: '请给出一个原文文件 (give exactly one source text file)' }),
  json: z.boolean().optional(),
  issuer: z.string().optional(),
  period: z.string().optional(),
  title: z.string().optional(),
  scope: z.string().optional(),
  id: z.string().optional(),
});

/** --period 2024 or 2022-2026 as the parser's period option; anything else is passed as is, for the parser to report. */
function periodOption(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const match = /^(\d{4})(?:[-–—至](\d{4}))?$/u.exec(text.trim());
  if (match === null) return text;
  return { start: Number(match[1]), end: Number(match[2] ?? match[1]) };
}

export const parseCommand = defineCommand({
  name: 'parse',
  usage: [
    'parse <file.txt> [--json] [--issuer <发布机关>] [--period <2024 | 2022-2026>] [--title <标题>] [--scope <范围>] [--id <编号>]',
  ],
  summary: {
    zh: '解析原文，列出需要编辑决定的问题',
    en: 'Parse a source text and list what an editor must decide',
  },
  details: {
    zh: '解析一份政府工作报告（标题、主要目标、指导思想、一、/1/第一章/（一）编号的章节），输出诊断表（级别、代码、行号、说明）；--json 改为输出解析得到的报告。发布机关、年份、标题、范围取自选项，否则取自原文，都没有时列为诊断。有“错误”级诊断时退出码为 1（报告不能按解析结果发布）。',
    en: 'Parses a government work report (title, main goals, ideology, chapters numbered 一、/1/第一章/（一）) and prints a table of diagnostics (severity, code, lines, message); --json prints the parsed report instead. Issuer, period, title and scope come from the options, else from the text, else they are diagnostics. Exits 1 when a diagnostic has severity error (the report cannot be published as parsed).',
  },
  options: [
    ...(['issuer', 'period', 'title', 'scope', 'id'] as const).map((name) => ({
      name,
      type: 'string' as const,
      value: name,
      help: {
        zh: `报告的 ${name}（原文未写明时）`,
        en: `the report's ${name} (when the text does not say)`,
      },
    })),
    {
      name: 'json',
      type: 'boolean',
      help: { zh: '输出解析得到的报告（JSON）', en: 'print the parsed report as JSON' },
    },
  ],
  args: ParseArgsSchema,
  run({ positionals: [file], json, issuer, period, title, scope, id }, io) {
    const path = file ?? '';
    const read = io.readText(path);
    if (!read.ok) {
      io.err(`${path}: ${read.message.zh} (${read.message.en})\n`);
      return EXIT.invalid;
    }
    const { report, diagnostics } = parseReportText(read.text, {
      file: path.split(/[\\/]/u).pop() ?? path,
      ...{ issuer, title, scope, id },
      period: periodOption(period),
    } as Parameters<typeof parseReportText>[1]);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    if (json === true) {
      io.out(`${JSON.stringify(report, null, 2)}\n`);
      io.err(
        `${diagnostics.length} 条诊断，其中 ${errors} 条错误 (${diagnostics.length} diagnostics, ${errors} errors)\n`,
      );
    } else {
      io.out(`${formatDiagnosticsTable(diagnostics)}\n`);
    }
    return errors > 0 ? EXIT.invalid : EXIT.ok;
  },
});
