import { z } from 'zod';
import { formatDiagnosticsTable, parseReportText } from '../parse/index.js';
import { defineCommand } from './command.js';
import { EXIT } from './io.js';

const ParseArgsSchema = z.object({
  positionals: z
    .array(z.string())
    .length(1, { error: '请给出一个原文文件 (give exactly one source text file)' }),
  json: z.boolean().optional(),
});

export const parseCommand = defineCommand({
  name: 'parse',
  usage: ['parse <file.txt> [--json]'],
  summary: {
    zh: '解析原文，列出需要编辑决定的问题',
    en: 'Parse a source text and list what an editor must decide',
  },
  details: {
    zh: '按乐山原文的版式（标题、主要目标、指导思想、编号章节）解析文本，输出诊断表（级别、代码、行号、说明）；--json 改为输出解析得到的报告。有“错误”级诊断时退出码为 1（报告不能按解析结果发布）。',
    en: 'Parses a text laid out like the Leshan source (title, main goals, ideology, numbered chapters) and prints a table of diagnostics (severity, code, lines, message); --json prints the parsed report instead. Exits 1 when a diagnostic has severity error (the report cannot be published as parsed).',
  },
  options: [
    {
      name: 'json',
      type: 'boolean',
      help: { zh: '输出解析得到的报告（JSON）', en: 'print the parsed report as JSON' },
    },
  ],
  args: ParseArgsSchema,
  run({ positionals: [file], json }, io) {
    const path = file ?? '';
    const read = io.readText(path);
    if (!read.ok) {
      io.err(`${path}: ${read.message.zh} (${read.message.en})\n`);
      return EXIT.invalid;
    }
    const { report, diagnostics } = parseReportText(read.text, {
      file: path.split(/[\\/]/u).pop() ?? path,
    });
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
