import { z } from 'zod';
import { validateWith } from '../model/index.js';
import type { ParseOptionsInput } from '../parse/index.js';
import { ParseOptionsSchema, formatDiagnosticsTable, parseReportText } from '../parse/index.js';
import { defineCommand, usageError } from './command.js';
import type { CliIo } from './io.js';
import { EXIT, STDIN } from './io.js';
import { inputName, readInput } from './read-input.js';
import { parseJson } from './read-report.js';

const YEAR = z.coerce
  .number({ error: '年份须为整数 (a year must be an integer)' })
  .int({ error: '年份须为整数 (a year must be an integer)' });

const ParseArgsSchema = z.object({
  positionals: z.array(z.string()).length(1, {
    error: '请给出一个原文文件（- 为标准输入） (give exactly one source text file, - for stdin)',
  }),
  json: z.boolean().optional(),
  options: z.string().min(1).optional(),
  id: z.string().optional(),
  issuer: z.string().optional(),
  period: z.string().optional(),
  title: z.string().optional(),
  scope: z.string().optional(),
  start: YEAR.optional(),
  end: YEAR.optional(),
  'source-name': z.string().optional(),
  description: z.string().optional(),
});
type ParseArgs = z.infer<typeof ParseArgsSchema>;

/**
 * --period 2024 or 2022-2026 as the parser's period; anything else as given, for
 * ParseOptionsSchema to refuse with its message.
 */
function periodFlag(text: string | undefined): Record<string, unknown> | { start: string } {
  if (text === undefined) return {};
  const match = /^(\d{4})(?:[-–—至](\d{4}))?$/u.exec(text.trim());
  if (match === null) return { start: text };
  return { start: Number(match[1]), end: Number(match[2] ?? match[1]) };
}

/**
 * The report's metadata for parseReportText: the --options file (a ParseOptions object, places
 * and all), then each flag over it; validated by ParseOptionsSchema, whose messages a usage error
 * shows.
 */
function parseOptions(
  args: ParseArgs,
  io: CliIo,
): { ok: true; value: ParseOptionsInput } | { ok: false } {
  let base: Record<string, unknown> = {};
  if (args.options !== undefined) {
    const read = readInput(io, args.options);
    const json = read.ok ? parseJson(read.text) : undefined;
    if (
      !read.ok ||
      json === undefined ||
      !json.ok ||
      typeof json.value !== 'object' ||
      json.value === null
    ) {
      const why = !read.ok ? read.message : { zh: '不是 JSON 对象', en: 'is not a JSON object' };
      usageError(io, 'parse', [
        {
          zh: `--options ${inputName(args.options)}：${why.zh}`,
          en: `--options ${args.options}: ${why.en}`,
        },
      ]);
      return { ok: false };
    }
    base = json.value as Record<string, unknown>;
  }
  const period = {
    ...((base['period'] ?? {}) as Record<string, unknown>),
    ...periodFlag(args.period),
  } as Record<string, unknown>;
  const merged: Record<string, unknown> = {
    ...base,
    ...(args.id === undefined ? {} : { id: args.id }),
    ...(args.issuer === undefined ? {} : { issuer: args.issuer }),
    ...(args.description === undefined ? {} : { description: args.description }),
    ...(args.title === undefined ? {} : { title: args.title }),
    ...(args.scope === undefined ? {} : { scope: args.scope }),
    ...(args['source-name'] === undefined ? {} : { file: args['source-name'] }),
    ...(args.start === undefined && args.end === undefined && args.period === undefined
      ? {}
      : {
          period: {
            ...period,
            ...(args.start === undefined ? {} : { start: args.start }),
            ...(args.end === undefined ? {} : { end: args.end }),
          },
        }),
  };
  if (merged['file'] === undefined && args.positionals[0] !== STDIN)
    merged['file'] = args.positionals[0]?.split(/[\\/]/u).pop();
  const checked = validateWith(ParseOptionsSchema, merged);
  if (!checked.ok) {
    usageError(
      io,
      'parse',
      checked.issues.map((i) => ({
        zh: `${i.path}: ${i.message.zh}`,
        en: `${i.path}: ${i.message.en}`,
      })),
    );
    return { ok: false };
  }
  return { ok: true, value: merged };
}

export const parseCommand = defineCommand({
  name: 'parse',
  usage: [
    'parse <file.txt | -> [--json] [--options <options.json>] [--id <id>] [--issuer <name>] [--start <year>] [--end <year>] [--source-name <name>] [--description <text>]',
  ],
  summary: {
    zh: '解析原文，列出需要编辑决定的问题',
    en: 'Parse a source text and list what an editor must decide',
  },
  details: {
    zh: '按政府工作报告的版式（标题、主要目标、指导思想、编号章节）解析文本，输出诊断表（级别、代码、行号、说明）；--json 改为输出解析得到的报告。报告的元数据（编号、发布机关、年份、地名表等）由 --options 文件（parseReportText 的选项对象）和各选项给出，按 ParseOptionsSchema 校验。有“错误”级诊断时退出码为 1（报告不能按解析结果发布）。',
    en: 'Parses a text laid out like a government work report (title, main goals, ideology, numbered chapters) and prints a table of diagnostics (severity, code, lines, message); --json prints the parsed report instead. The report’s metadata (id, issuer, years, gazetteer, …) comes from the --options file (an options object of parseReportText) and the flags, validated by ParseOptionsSchema. Exits 1 when a diagnostic has severity error (the report cannot be published as parsed).',
  },
  options: [
    {
      name: 'json',
      type: 'boolean',
      help: { zh: '输出解析得到的报告（JSON）', en: 'print the parsed report as JSON' },
    },
    {
      name: 'options',
      type: 'string',
      value: 'options.json',
      help: {
        zh: 'parseReportText 的选项（JSON 对象）',
        en: 'parseReportText options (a JSON object)',
      },
    },
    { name: 'id', type: 'string', value: 'id', help: { zh: '报告编号', en: 'the report’s id' } },
    {
      name: 'issuer',
      type: 'string',
      value: 'name',
      help: { zh: '发布机关', en: 'the issuing government' },
    },
    {
      name: 'period',
      type: 'string',
      value: '2024 | 2022-2026',
      help: { zh: '报告所涵盖的年份', en: 'the years the report covers' },
    },
    { name: 'title', type: 'string', value: 'text', help: { zh: '报告标题', en: 'the title' } },
    {
      name: 'scope',
      type: 'string',
      value: 'text',
      help: { zh: '报告的范围（如“今后五年工作”）', en: 'the part of the report (scope)' },
    },
    { name: 'start', type: 'string', value: 'year', help: { zh: '起始年份', en: 'first year' } },
    { name: 'end', type: 'string', value: 'year', help: { zh: '结束年份', en: 'last year' } },
    {
      name: 'source-name',
      type: 'string',
      value: 'name',
      help: { zh: '记入 meta.source.file 的文件名', en: 'file name for meta.source.file' },
    },
    {
      name: 'description',
      type: 'string',
      value: 'text',
      help: { zh: '记入 meta.source.description 的说明', en: 'text for meta.source.description' },
    },
  ],
  args: ParseArgsSchema,
  run(args, io) {
    const path = args.positionals[0] ?? '';
    const options = parseOptions(args, io);
    if (!options.ok) return EXIT.usage;
    const read = readInput(io, path);
    if (!read.ok) {
      io.err(`${inputName(path)}: ${read.message.zh} (${read.message.en})\n`);
      return EXIT.invalid;
    }
    const { report, diagnostics } = parseReportText(read.text, options.value);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    if (args.json === true) {
      io.out(`${JSON.stringify(report, null, 2)}\n`);
      io.err(`${formatDiagnosticsTable(diagnostics)}\n`);
      io.err(
        `${diagnostics.length} 条诊断，其中 ${errors} 条错误 (${diagnostics.length} diagnostics, ${errors} errors)\n`,
      );
    } else {
      io.out(`${formatDiagnosticsTable(diagnostics)}\n`);
    }
    return errors > 0 ? EXIT.invalid : EXIT.ok;
  },
});
