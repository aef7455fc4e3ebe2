import type { z } from 'zod';
import type { Message } from '../model/index.js';
import { validateWith } from '../model/index.js';
import { tokenizeArgs } from './args.js';
import type { OptionSpec } from './args.js';
import { formatCommandHelp } from './help.js';
import type { CliIo, ExitCode } from './io.js';
import { EXIT } from './io.js';

/** What a command file declares: its help, its options and a zod schema for its arguments. */
export interface CommandSpec<S extends z.ZodType> {
  name: string;
  /** Command lines without the leading `report-core`, e.g. `validate <file.json>`. */
  usage: string[];
  summary: Message;
  details: Message;
  options: OptionSpec[];
  /** Parses `{ positionals, ...options }` into what `run` needs; its messages are `中文 (English)`. */
  args: S;
  run(args: z.infer<S>, io: CliIo): ExitCode | Promise<ExitCode>;
}

/** A command ready to dispatch: help text plus `execute`, with its argument types hidden. */
export interface Command {
  name: string;
  summary: Message;
  help: string;
  execute(argv: readonly string[], io: CliIo): Promise<ExitCode>;
}

export const HELP_OPTION: OptionSpec = {
  name: 'help',
  short: 'h',
  type: 'boolean',
  help: { zh: '显示本帮助', en: 'show this help' },
};

/** Prints one line per problem and where to find help; the exit code of a usage error. */
export function usageError(io: CliIo, command: string, messages: readonly Message[]): ExitCode {
  for (const m of messages) io.err(`用法错误 (usage error): ${m.zh} (${m.en})\n`);
  const help = command === '' ? 'report-core --help' : `report-core ${command} --help`;
  io.err(`运行 ${help} 查看帮助 (run ${help} for help)\n`);
  return EXIT.usage;
}

export function defineCommand<S extends z.ZodType>(spec: CommandSpec<S>): Command {
  const options = [...spec.options, HELP_OPTION];
  const help = formatCommandHelp({ ...spec, options });
  return {
    name: spec.name,
    summary: spec.summary,
    help,
    async execute(argv, io) {
      const tokens = tokenizeArgs(argv, options);
      if (!tokens.ok) return usageError(io, spec.name, [tokens.message]);
      if (tokens.value['help'] === true) {
        io.out(help);
        return EXIT.ok;
      }
      const { help: _help, ...rest } = tokens.value;
      const parsed = validateWith(spec.args, rest);
      if (!parsed.ok)
        return usageError(
          io,
          spec.name,
          parsed.issues.map((i) => i.message),
        );
      return spec.run(parsed.value, io);
    },
  };
}
