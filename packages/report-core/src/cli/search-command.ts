import { z } from 'zod';
import { canonicalReport } from '../data/index.js';
import { createSearchIndex, markSnippet, plainText, search } from '../search/index.js';
import { defineCommand } from './command.js';
import { EXIT } from './io.js';
import { readReport } from './read-report.js';

const SearchArgsSchema = z.object({
  positionals: z
    .array(z.string().trim().min(1, { error: '查询不能为空 (the query must not be empty)' }))
    .length(1, { error: '请给出一个查询，用引号括起 (give one query, in quotes)' }),
  file: z.string().min(1).optional(),
  // Options arrive as strings from the shell.
  limit: z.coerce
    .number({ error: '--limit 须为 1 到 1000 的整数 (--limit must be an integer from 1 to 1000)' })
    .int({ error: '--limit 须为 1 到 1000 的整数 (--limit must be an integer from 1 to 1000)' })
    .min(1, { error: '--limit 须为 1 到 1000 的整数 (--limit must be an integer from 1 to 1000)' })
    .max(1000, {
      error: '--limit 须为 1 到 1000 的整数 (--limit must be an integer from 1 to 1000)',
    })
    .default(10),
  json: z.boolean().optional(),
});

export const searchCommand = defineCommand({
  name: 'search',
  usage: ['search "<查询 query>" [--file <report.json>] [--limit <n>] [--json]'],
  summary: { zh: '全文检索报告', en: 'Full-text search of a report' },
  details: {
    zh: '默认检索标准报告，--file 检索一个报告文件（先校验）。按相关度输出命中：得分、类型、编号和摘要（匹配处以【】标出）；--json 输出 JSON。',
    en: 'Searches the canonical report unless --file names a report file (validated first). Prints ranked hits: score, kind, id and snippet (matches in 【】); --json prints JSON.',
  },
  options: [
    {
      name: 'file',
      type: 'string',
      value: 'report.json',
      help: { zh: '检索这个报告文件', en: 'search this report file' },
    },
    {
      name: 'limit',
      type: 'string',
      value: 'n',
      help: { zh: '最多输出 n 条，默认 10', en: 'at most n hits, default 10' },
    },
    { name: 'json', type: 'boolean', help: { zh: '输出 JSON', en: 'print JSON' } },
  ],
  args: SearchArgsSchema,
  run({ positionals: [query], file, limit, json }, io) {
    let report = canonicalReport;
    if (file !== undefined) {
      const read = readReport(io, file);
      if (!read.ok) {
        for (const line of read.lines) io.err(`${line}\n`);
        return EXIT.invalid;
      }
      report = read.report;
    }
    const hits = search(createSearchIndex(report), query ?? '', { limit });
    if (json === true) {
      io.out(`${JSON.stringify(hits, null, 2)}\n`);
      return EXIT.ok;
    }
    if (hits.length === 0) io.out('没有命中 (no hits)\n');
    for (const hit of hits) {
      io.out(
        `${hit.score.toFixed(2)}  ${hit.kind.padEnd(8)}  ${hit.nodeId.padEnd(6)}  ${markSnippet(hit, '【', '】', plainText)}\n`,
      );
    }
    return EXIT.ok;
  },
});
