import { applyCommands, listMeasures } from '@leshan/report-core';
import type { Command, CommandError, Report } from '@leshan/report-core';

export type Replayed =
  | { ok: true; report: Report; touched: string[]; keys: string[] }
  | { ok: false; error: CommandError; index: number | null };

/**
 * report-core's applyCommands as the editor uses it (the same code the server runs), in one
 * place so the editor follows report-core's result shape wherever it is.
 */
export function replay(report: Report, commands: readonly Command[]): Replayed {
  const result = applyCommands(report, commands);
  if (!result.ok) return { ok: false, error: result.error, index: result.index };
  return { ok: true, ...result.value };
}

/**
 * Applies commands one by one, keeping those that still apply: what is left of an editor's
 * unsent changes on a newer draft. `refused` are the ones that no longer apply.
 */
export function replayEach(
  report: Report,
  commands: readonly Command[],
): { report: Report; applied: Command[]; refused: Command[] } {
  let current = report;
  const applied: Command[] = [];
  const refused: Command[] = [];
  for (const command of commands) {
    const result = replay(current, [command]);
    if (result.ok) {
      current = result.report;
      applied.push(command);
    } else refused.push(command);
  }
  return { report: current, applied, refused };
}

/**
 * Whether a command is already in the report: a progress update whose id (made by this tab, at
 * random) the measure already holds. Its batch was saved though its answer never came (the
 * connection dropped, or the tab reloaded while it was out); sent again, it would be refused.
 */
export function alreadySaved(report: Report, command: Command): boolean {
  if (command.type !== 'progress.add') return false;
  const measure = listMeasures(report).find((m) => m.id === command.measureId)?.measure;
  return measure?.tracking.updates.some((u) => u.id === command.update.id) ?? false;
}
