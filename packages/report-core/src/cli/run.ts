import type { Command } from './command.js';
import { usageError } from './command.js';
import { commands as allCommands } from './commands.js';
import { formatMainHelp } from './help.js';
import type { CliIo, ExitCode } from './io.js';
import { EXIT } from './io.js';

/**
 * Runs `report-core <command> …` and returns its exit code. Never throws for a user's
 * mistake; an unexpected exception (a bug) is reported in one line, exit 1, without a stack.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = allCommands,
): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(formatMainHelp(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
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
