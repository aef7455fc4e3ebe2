import { z } from 'zod';
import { canonicalReport } from '../data/index.js';
import { reportStats } from '../model/index.js';
import { defineCommand } from './command.js';
import { EXIT } from './io.js';
import { readReport } from './read-report.js';
import { STAT_LABELS } from './summary.js';
import { displayWidth, padDisplay } from './text-width.js';

const StatsArgsSchema = z.object({
  positionals: z
    .array(z.string())
    .max(0, { error: '用 --file 指定报告文件 (use --file to name a report file)' }),
  file: z.string().min(1).optional(),
  json: z.boolean().optional(),
});

export const statsCommand = defineCommand({
  name: 'stats',
  usage: ['stats [--file <report.json>] [--json]'],
  summary: {
    zh: '统计章、节、举措、指标和编辑说明的数量',
    en: 'Count chapters, sections, measures, indicators and notes',
  },
  details: {
    zh: '默认统计标准报告；--file 统计一个报告文件（先校验）；--json 输出 JSON。',
    en: 'Counts the canonical report unless --file names a report file (validated first); --json prints JSON.',
  },
  options: [
    {
      name: 'file',
      type: 'string',
      value: 'report.json',
      help: { zh: '统计这个报告文件', en: 'count this report file' },
    },
    { name: 'json', type: 'boolean', help: { zh: '输出 JSON', en: 'print JSON' } },
  ],
  args: StatsArgsSchema,
  run({ file, json }, io) {
    let report = canonicalReport;
    if (file !== undefined) {
      const read = readReport(io, file);
      if (!read.ok) {
        for (const line of read.lines) io.err(`${line}\n`);
        return EXIT.invalid;
      }
      report = read.report;
    }
    const stats = reportStats(report);
    if (json === true) {
      io.out(`${JSON.stringify(stats, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows = STAT_LABELS.map(([key, zh, en]) => [`${zh} (${en})`, String(stats[key])] as const);
    const width = Math.max(...rows.map(([label]) => displayWidth(label)));
    for (const [label, count] of rows)
      io.out(`${padDisplay(label, width)}  ${count.padStart(4)}\n`);
    return EXIT.ok;
  },
});
