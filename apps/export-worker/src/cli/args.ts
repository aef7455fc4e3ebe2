import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Message } from '@leshan/report-core';
import type { FormatId } from '../schemas.js';
import { FORMAT_IDS, FormatIdSchema } from '../schemas.js';

/** Names the CLI accepts besides the format ids: `all`, and `csv` for both CSV tables. */
const ALIASES: Record<string, readonly FormatId[]> = {
  all: FORMAT_IDS,
  csv: ['csv-measures', 'csv-indicators'],
};

const FormatListSchema = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const out = new Set<FormatId>();
    for (const name of value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')) {
      const alias = ALIASES[name];
      const single = FormatIdSchema.safeParse(name);
      if (alias !== undefined) for (const id of alias) out.add(id);
      else if (single.success) out.add(single.data);
      else {
        ctx.addIssue({
          code: 'custom',
          message: `未知格式“${name}”，可用：all, csv, ${FORMAT_IDS.join(', ')} (unknown format "${name}")`,
        });
        return z.NEVER;
      }
    }
    // Registry order, whatever order the user typed them in.
    return FORMAT_IDS.filter((id) => out.has(id));
  });

export const ExportArgsSchema = z.object({
  formats: FormatListSchema,
  out: z
    .string({ error: '缺少 --out <目录> (missing --out <dir>)' })
    .min(1, { error: '--out 不能为空 (--out must not be empty)' }),
});
export type ExportArgs = z.infer<typeof ExportArgsSchema>;

export type ParsedArgs =
  | { ok: true; help: true }
  | { ok: true; help: false; args: ExportArgs }
  | { ok: false; error: Message };

function bilingual(text: string): Message {
  const split = /^(.*) \((.*)\)$/s.exec(text);
  return split?.[1] !== undefined && split[2] !== undefined
    ? { zh: split[1], en: split[2] }
    : { zh: text, en: text };
}

/** `--format pdf,csv --out dir`, checked with zod; never throws. */
export function parseExportArgs(argv: readonly string[]): ParsedArgs {
  let values: { format?: string | undefined; out?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { zh: `参数无法识别：${detail}`, en: `bad arguments: ${detail}` } };
  }
  if (values.help === true) return { ok: true, help: true };
  const parsed = ExportArgsSchema.safeParse({ formats: values.format ?? 'all', out: values.out });
  if (!parsed.success)
    return { ok: false, error: bilingual(parsed.error.issues[0]?.message ?? 'invalid arguments') };
  return { ok: true, help: false, args: parsed.data };
}

export const USAGE = `用法 Usage: pnpm --filter export-worker export --format <格式> --out <目录>

  --format, -f  逗号分隔的格式 (comma-separated formats): all (默认 default), csv, ${FORMAT_IDS.join(', ')}
  --out, -o     输出目录 (output folder), created if missing
  --help, -h    显示本帮助 (show this help)

Renders the canonical report as edition "canonical"; needs no database.`;
