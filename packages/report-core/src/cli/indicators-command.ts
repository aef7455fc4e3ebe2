import { z } from 'zod';
import { extractIndicators, formatTarget } from '../indicators/index.js';
import { commitmentLabel, TARGET_KIND_LABELS } from '../labels/index.js';
import { COMPARATOR_LABELS } from '../model/index.js';
import { defineCommand } from './command.js';
import { EXIT, STDIN } from './io.js';
import { readInput } from './read-input.js';
import { padDisplay, displayWidth } from './text-width.js';

const IndicatorsArgsSchema = z.object({
  positionals: z
    .array(z.string().trim().min(1, { error: '句子不能为空 (the sentence must not be empty)' }))
    .length(1, { error: '请给出一个句子，用引号括起 (give one sentence, in quotes)' }),
  json: z.boolean().optional(),
});

export const indicatorsCommand = defineCommand({
  name: 'indicators',
  usage: [
    'indicators "<句子 sentence>" [--json]',
    'indicators - [--json]   (句子来自标准输入 the sentence from stdin)',
  ],
  summary: { zh: '从一句话中提取量化指标', en: 'Extract the quantitative targets of a sentence' },
  details: {
    zh: '识别数字（含中文数字）、万/亿等数量级、单位、以上/以内/突破等比较词和“力争”等愿景措辞，每个指标输出一行；--json 输出 JSON。',
    en: 'Reads numbers (Chinese numerals too), magnitude words such as 万/亿, units, comparators such as 以上/以内/突破 and aspirational wording such as 力争, one line per target; --json prints JSON.',
  },
  options: [{ name: 'json', type: 'boolean', help: { zh: '输出 JSON', en: 'print JSON' } }],
  args: IndicatorsArgsSchema,
  run({ positionals: [argument], json }, io) {
    let sentence = argument ?? '';
    if (sentence === STDIN) {
      const read = readInput(io, STDIN);
      if (!read.ok) {
        io.err(`标准输入 (stdin): ${read.message.zh} (${read.message.en})\n`);
        return EXIT.invalid;
      }
      sentence = read.text;
    }
    const found = extractIndicators(sentence);
    if (json === true) {
      io.out(`${JSON.stringify(found, null, 2)}\n`);
      return EXIT.ok;
    }
    if (found.length === 0) {
      io.out('未找到量化指标 (no quantitative targets found)\n');
      return EXIT.ok;
    }
    const rows = found.map((i) => {
      const label = COMPARATOR_LABELS[i.comparator];
      const wording = `${commitmentLabel(i)} (${commitmentLabel(i, 'en')})`;
      const baseline =
        i.baseline === undefined ? '' : `，${i.baseline.raw} (vs ${i.baseline.year})`;
      return [
        i.raw,
        i.metric,
        `${formatTarget(i)} (${i.kind === undefined ? '' : `${TARGET_KIND_LABELS[i.kind].en}, `}${label.en})${baseline}`,
        wording,
      ];
    });
    const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
    for (const row of rows) {
      io.out(
        `${row.map((cell, c) => (c < 3 ? padDisplay(cell, widths[c] ?? 0) : cell)).join('  ')}\n`,
      );
    }
    return EXIT.ok;
  },
});
