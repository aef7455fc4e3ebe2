import type { Command } from '@leshan/report-core';

/** A command waiting to be sent, with the key of the field it edits when typing may coalesce it. */
export interface PendingCommand {
  command: Command;
  key: string | null;
}

/**
 * Adds commands to the unsent list. A field edited keystroke by keystroke sends one command:
 * when the last unsent command edits the same field (same key), the new one replaces it; its
 * patch holds the field's whole new value, so nothing is lost.
 */
export function enqueue(
  pending: readonly PendingCommand[],
  commands: readonly Command[],
  key: string | null,
): PendingCommand[] {
  const last = pending[pending.length - 1];
  const only = commands.length === 1 ? commands[0] : undefined;
  if (key !== null && last !== undefined && last.key === key && only !== undefined) {
    return [...pending.slice(0, -1), { command: only, key }];
  }
  return [...pending, ...commands.map((command) => ({ command, key }))];
}

export const commandsOf = (pending: readonly PendingCommand[]): Command[] =>
  pending.map((p) => p.command);

/** Pending entries for commands read back from storage: they never coalesce with new typing. */
export const fromCommands = (commands: readonly Command[]): PendingCommand[] =>
  commands.map((command) => ({ command, key: null }));
