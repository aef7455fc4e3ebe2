import type { Report } from '../model/report.js';
import { toValidationIssues, validateReport } from '../model/validate.js';
import type { CommandError } from './command-error.js';
import { invalidCommand, invalidReport } from './command-error.js';
import type { Command } from './command-schema.js';
import { CommandSchema } from './command-schema.js';
import { applyStep } from './apply-step.js';
import type { Step } from './structure-ops.js';
import { touchedNodeIds } from './touched-node-ids.js';

export type ApplyResult =
  { ok: true; report: Report; touched: string[] } | { ok: false; error: CommandError };

/** `index` is the refused command's position, or null when only the combined result is invalid. */
export type ApplyAllResult =
  | { ok: true; report: Report; touched: string[] }
  | { ok: false; error: CommandError; index: number | null };

/** Parses untrusted input as a command; never throws. */
export function parseCommand(
  value: unknown,
): { ok: true; command: Command } | { ok: false; error: CommandError } {
  const parsed = CommandSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, command: parsed.data };
  return { ok: false, error: invalidCommand(toValidationIssues(parsed.error.issues)) };
}

// A report that is not report-shaped makes the tree walk throw; say so instead of throwing.
function safeStep(report: Report, command: Command): Step {
  try {
    return applyStep(report, command);
  } catch (_error) {
    const checked = validateReport(report);
    return { ok: false, error: invalidReport(checked.ok ? [] : checked.issues) };
  }
}

function safeTouched(report: Report, command: Command): string[] {
  try {
    return touchedNodeIds(report, command);
  } catch (_error) {
    return [];
  }
}

function checked(report: Report): CommandError | undefined {
  const result = validateReport(report);
  return result.ok ? undefined : invalidReport(result.issues);
}

/**
 * Applies a command to a report: pure (the input is never changed; unchanged parts are shared),
 * refuses commands whose result would break any invariant of ReportSchema, never throws.
 */
export function applyCommand(report: Report, command: unknown): ApplyResult {
  const parsed = parseCommand(command);
  if (!parsed.ok) return parsed;
  const step = safeStep(report, parsed.command);
  if (!step.ok) return step;
  const error = checked(step.report);
  if (error !== undefined) return { ok: false, error };
  return { ok: true, report: step.report, touched: safeTouched(report, parsed.command) };
}

/**
 * Applies commands in order, all or nothing. Only the final report must be valid, so a batch
 * can pass through an invalid state (remove an indicator, change the text, add it back).
 */
export function applyCommands(report: Report, commands: readonly unknown[]): ApplyAllResult {
  let current = report;
  const touched = new Set<string>();
  for (const [index, value] of commands.entries()) {
    const parsed = parseCommand(value);
    if (!parsed.ok) return { ...parsed, index };
    for (const id of safeTouched(current, parsed.command)) touched.add(id);
    const step = safeStep(current, parsed.command);
    if (!step.ok) return { ...step, index };
    current = step.report;
  }
  const error = checked(current);
  if (error !== undefined) return { ok: false, error, index: null };
  return { ok: true, report: current, touched: [...touched] };
}
