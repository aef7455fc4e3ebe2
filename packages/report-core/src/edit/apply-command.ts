import type { Report } from '../model/report.js';
import type { DeepReadonly, ReadonlyReport } from '../model/readonly.js';
import { pureInput } from '../model/pure-input.js';
import { ReportSchema } from '../model/report.js';
import { trackingIssues } from '../model/tracking-rules.js';
import { toValidationIssues, validateReport, validateWith } from '../model/validate.js';
import type { EditFailure, EditResult } from './command-error.js';
import { invalidCommand, invalidReport, refuse } from './command-error.js';
import type { Command } from './command-schema.js';
import { CommandSchema } from './command-schema.js';
import { applyStep } from './apply-step.js';
import { changeKeys } from './change-keys.js';
import type { Step } from './structure-ops.js';
import { touchedNodeIds } from './touched-node-ids.js';
import { isKnownValid, markValid, passesChanged } from './check-changed.js';
import { carryIndex } from './tree.js';

/** What an applied edit gives: the new report, the ids it touched and its change keys (sorted). */
export interface Applied {
  report: Report;
  touched: string[];
  keys: string[];
}

/** What applyCommand gives: the applied edit, or the refusal with its CommandError. */
export type ApplyResult = EditResult<Applied>;

/** `index` is the refused command's position, or null when only the combined result is invalid. */
export type ApplyAllResult =
  { ok: true; value: Applied } | (EditFailure & { index: number | null });

/** Parses untrusted input as a command; never throws. */
export function parseCommand(value: unknown): EditResult<Command> {
  const parsed = CommandSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return refuse(invalidCommand(toValidationIssues(parsed.error.issues)));
}

// A report that is not report-shaped makes the tree walk throw; say so instead of throwing.
function safeStep(report: Report, command: Command): Step {
  try {
    return applyStep(report, command);
  } catch (_error) {
    const checked = validateReport(report);
    return refuse(invalidReport(checked.ok ? [] : checked.issues));
  }
}

function safely(f: (report: Report, command: Command) => string[]) {
  return (report: Report, command: Command): string[] => {
    try {
      return f(report, command);
    } catch (_error) {
      return [];
    }
  };
}
const safeTouched = safely(touchedNodeIds);
const safeKeys = safely(changeKeys);

/** Options of applyCommand(s): `now` is the clock the tracking rules read (default: now). */
export interface ApplyOptions {
  now?: Date | undefined;
}

// The schema for the whole report (only the changed nodes and the report-wide invariants when
// the report edited is known valid: check-changed.ts); the tracking rules for the measures the
// edit touched, so a draft stored before those rules can still be edited elsewhere
// (validateReport names the rest).
function checked(
  before: Report,
  report: Report,
  touched: ReadonlySet<string>,
  options: ApplyOptions,
): EditFailure | undefined {
  if (!(isKnownValid(before) && passesChanged(before, report))) {
    const result = validateWith(ReportSchema, report);
    if (!result.ok) return refuse(invalidReport(result.issues));
  }
  markValid(report);
  carryIndex(before, report);
  const issues = trackingIssues(report, {
    now: options.now,
    measureIds: touched,
    indicatorIds: touched,
  });
  return issues.length === 0 ? undefined : refuse(invalidReport(issues));
}

/**
 * Applies a command to a report: pure (the input is never changed; unchanged parts are shared),
 * refuses commands whose result would break any invariant of ReportSchema, never throws.
 */
export function applyCommand(report: Report, command: unknown, options?: ApplyOptions): ApplyResult;
export function applyCommand(
  report: ReadonlyReport,
  command: unknown,
  options?: ApplyOptions,
): EditResult<DeepReadonly<Applied>>;
export function applyCommand(
  input: ReadonlyReport,
  command: unknown,
  options: ApplyOptions = {},
): ApplyResult {
  const report = pureInput(input);
  const parsed = parseCommand(command);
  if (!parsed.ok) return parsed;
  const step = safeStep(report, parsed.value);
  if (!step.ok) return step;
  const touched = safeTouched(report, parsed.value);
  const failure = checked(pureInput(report), step.value, new Set(touched), options);
  if (failure !== undefined) return failure;
  return { ok: true, value: { report: step.value, touched, keys: safeKeys(report, parsed.value) } };
}

/**
 * Applies commands in order, all or nothing. Only the final report must be valid, so a batch
 * can pass through an invalid state (remove an indicator, change the text, add it back).
 */
export function applyCommands(
  report: Report,
  commands: readonly unknown[],
  options?: ApplyOptions,
): ApplyAllResult;
export function applyCommands(
  report: ReadonlyReport,
  commands: readonly unknown[],
  options?: ApplyOptions,
): { ok: true; value: DeepReadonly<Applied> } | (EditFailure & { index: number | null });
export function applyCommands(
  report: ReadonlyReport,
  commands: readonly unknown[],
  options: ApplyOptions = {},
): ApplyAllResult {
  let current = pureInput(report);
  const touched = new Set<string>();
  const keys = new Set<string>();
  for (const [index, value] of commands.entries()) {
    const parsed = parseCommand(value);
    if (!parsed.ok) return { ...parsed, index };
    for (const id of safeTouched(current, parsed.value)) touched.add(id);
    for (const key of safeKeys(current, parsed.value)) keys.add(key);
    const step = safeStep(current, parsed.value);
    if (!step.ok) return { ...step, index };
    current = step.value;
  }
  const failure = checked(pureInput(report), current, touched, options);
  if (failure !== undefined) return { ...failure, index: null };
  return { ok: true, value: { report: current, touched: [...touched], keys: [...keys].sort() } };
}
