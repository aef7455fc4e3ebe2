import { z } from 'zod';
import { canonicalReport, sourceText } from '../data/index.js';
import { defineCommand } from './command.js';
import { EXIT } from './io.js';

const PrintArgsSchema = z.object({
  positionals: z
    .array(z.string())
    .max(0, { error: 'print 不接受文件参数 (print takes no file argument)' }),
  source: z.boolean().optional(),
  json: z.boolean().optional(),
});

export const printCommand = defineCommand({
  name: 'print',
  usage: ['print', 'print --source [--json]'],
  summary: {
    zh: '输出随包发布的标准报告（JSON）',
    en: 'Print the shipped canonical report as JSON',
  },
  details: {
    zh: '报告和原文都内嵌在包里，无需其他文件；--source 输出原文副本（行号即出处行号）。',
    en: 'The report and the source text are embedded in the package, no other file needed; --source prints the source copy (its line numbers are the provenance lines).',
  },
  options: [
    {
      name: 'source',
      type: 'boolean',
      help: { zh: '改为输出原文副本', en: 'print the source text copy instead' },
    },
    {
      name: 'json',
      type: 'boolean',
      help: {
        zh: '输出 JSON（报告本来就是 JSON；--source 时输出 { text }）',
        en: 'print JSON (the report already is; with --source, { text })',
      },
    },
  ],
  args: PrintArgsSchema,
  run({ source, json }, io) {
    if (source === true)
      io.out(json === true ? `${JSON.stringify({ text: sourceText }, null, 2)}\n` : sourceText);
    else io.out(`${JSON.stringify(canonicalReport, null, 2)}\n`);
    return EXIT.ok;
  },
});
