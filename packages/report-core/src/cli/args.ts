import { parseArgs } from 'node:util';
import type { Message } from '../model/index.js';

/** One `--name` option of a command, with its help in both languages. */
export interface OptionSpec {
  name: string;
  type: 'boolean' | 'string';
  short?: string;
  /** Placeholder shown in help for string options, e.g. `report.json`. */
  value?: string;
  help: Message;
}

/** The raw command line of one command: its positionals and the options given. */
export type RawArgs = { positionals: string[] } & Record<
  string,
  string | boolean | string[] | undefined
>;

export type TokenizeResult = { ok: true; value: RawArgs } | { ok: false; message: Message };

function optionNamed(token: string, options: readonly OptionSpec[]): boolean {
  const name = token.startsWith('--') ? token.slice(2).split('=')[0] : token.slice(1, 2);
  return options.some((o) => (token.startsWith('--') ? o.name === name : o.short === name));
}

/**
 * Splits argv into positionals and options with node's parseArgs (strict), turning its
 * TypeErrors into bilingual messages: a mistyped option is a usage error, not a crash.
 */
export function tokenizeArgs(
  argv: readonly string[],
  options: readonly OptionSpec[],
): TokenizeResult {
  const end = argv.indexOf('--');
  const unknown = (end === -1 ? argv : argv.slice(0, end)).find(
    (t) => t.startsWith('-') && t !== '-' && !optionNamed(t, options),
  );
  if (unknown !== undefined) {
    return { ok: false, message: { zh: `未知选项 ${unknown}`, en: `unknown option ${unknown}` } };
  }
  const config = Object.fromEntries(
    options.map((o) => [
      o.name,
      o.short === undefined ? { type: o.type } : { type: o.type, short: o.short },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: config,
      allowPositionals: true,
      strict: true,
    });
    return { ok: true, value: { ...values, positionals } };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: { zh: `无法解析命令行：选项缺少取值或不应带取值`, en: detail } };
  }
}
