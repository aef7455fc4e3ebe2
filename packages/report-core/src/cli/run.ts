import type { Command } from './command.js';
import { usageError } from './command.js';
import { commands as allCommands } from './commands.js';
import { formatMainHelp } from './help.js';
import type { CliIo, ExitCode } from './io.js';
import { EXIT } from './io.js';
import { escapeForTerminal } from './read-input.js';

/**
 * Runs `report-core <command> …` and returns its exit code. Never throws for a user's
 * mistake; an unexpected exception (a bug) is reported in one line, exit 1, without a stack.
 */
export async function runCli(
  argv: readonly string[],
  rawIo: CliIo,
  commands: readonly Command[] = allCommands,
): Promise<ExitCode> {
  // Whatever a command echoes from its input reaches the terminal with controls escaped.
  const io: CliIo = {
    ...rawIo,
    out: (text) => rawIo.out(escapeForTerminal(text)),
    err: (text) => rawIo.err(escapeForTerminal(text)),
  };
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    io.out(`${io.version}\n`);
    return EXIT.ok;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(formatMainHelp(commands));
    return EXIT.ok;
  }
  // No command is a usage error: the help goes to stderr, as diagnostics do.
  if (name === undefined) {
    io.err(formatMainHelp(commands));
    return EXIT.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    const known = commands.map((c) => c.name).join(', ');
    return usageError(io, '', [
      { zh: `未知命令 ${name}，可用：${known}`, en: `unknown command ${name}; commands: ${known}` },
    ]);
  }
  try {
    return await command.execute(rest, io);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.err(`内部错误，请报告此问题 (internal error, please report it): ${detail}\n`);
    return EXIT.invalid;
  }
}
