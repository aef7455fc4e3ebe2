import { z } from 'zod';
import { canonicalReport, editableCopy } from '../data/index.js';
import { defineCommand } from './command.js';
import { EXIT } from './io.js';
import { inputName } from './read-input.js';
import { checkReport, readReport } from './read-report.js';
import { summarizeReport } from './summary.js';

const ValidateArgsSchema = z
  .object({
    positionals: z
      .array(z.string())
      .max(1, { error: '一次只能校验一个文件 (give at most one file)' }),
    canonical: z.boolean().optional(),
    json: z.boolean().optional(),
  })
  .refine((a) => (a.positionals.length === 1) !== (a.canonical === true), {
    error:
      '请给出一个报告文件，或 --canonical，二者选一 (give one report file or --canonical, not both)',
  })
  .transform((a) => ({ file: a.positionals[0], json: a.json === true }));

export const validateCommand = defineCommand({
  name: 'validate',
  usage: ['validate <file.json | -> [--json]', 'validate --canonical [--json]'],
  summary: { zh: '校验报告文件', en: 'Validate a report file' },
  details: {
    zh: '检查结构和全部不变量（编号唯一、章节连续编号、指标原文出现在举措中等），每个问题输出一行“路径: 中文 (English)”；--canonical 校验随包发布的标准报告并输出概要。',
    en: 'Checks its shape and every invariant (unique ids, chapters numbered 1..n, indicators found in their text, …) and prints one line per issue, `path: 中文 (English)`; --canonical validates the shipped canonical report and prints its summary.',
  },
  options: [
    {
      name: 'canonical',
      type: 'boolean',
      help: { zh: '校验随包发布的标准报告', en: 'validate the shipped canonical report' },
    },
    {
      name: 'json',
      type: 'boolean',
      help: {
        zh: '输出 JSON：{ ok, issues } 或 { ok, summary }',
        en: 'print JSON: { ok, issues } or { ok, summary }',
      },
    },
  ],
  args: ValidateArgsSchema,
  run({ file, json }, io) {
    // The canonical report is frozen and validation may transform: check a copy.
    const result =
      file === undefined ? checkReport(editableCopy(canonicalReport)) : readReport(io, file);
    const name = file === undefined ? '标准报告 (canonical report)' : inputName(file);
    // The verdict is the result (stdout); the problems are diagnostics (stderr).
    if (!result.ok) {
      if (json) io.out(`${JSON.stringify({ ok: false, issues: result.lines }, null, 2)}\n`);
      for (const line of result.lines) io.err(`${line}\n`);
      io.err(`无效 (invalid): ${name}\n`);
      return EXIT.invalid;
    }
    const summary = summarizeReport(result.report);
    if (json) {
      io.out(`${JSON.stringify({ ok: true, summary }, null, 2)}\n`);
      return EXIT.ok;
    }
    io.out(`有效 (valid): ${name}\n`);
    for (const line of summary) io.out(`${line}\n`);
    return EXIT.ok;
  },
});
