import { z } from 'zod';
import type { Message } from './message.js';
import { MessageSchema } from './message.js';
import type { Report } from './report.js';
import { ReportSchema } from './report.js';
import { trackingIssues } from './tracking-rules.js';

/** One problem found in input: the path to it and a message in Chinese and English. */
export const ValidationIssueSchema = z.object({
  path: z
    .string()
    .describe(
      'Dotted path to the offending value, e.g. chapters.0.sections.1.measures.2.text; empty for the whole report.',
    ),
  pathSegments: z.array(z.union([z.string(), z.number()])),
  message: MessageSchema,
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

/** The one result shape of every function that can fail on input (issue 16): a value or readable issues. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };
/** The earlier name of {@link Result}, kept for existing callers. */
export type ValidationResult<T> = Result<T>;

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();
// Our own messages are written "中文 (English)"; zod's built-in ones are translated by its locales.
const CHINESE = /[\u3400-\u9fff]/u;
const BILINGUAL = /^(.*[\u3400-\u9fff].*?) \(([^()]*(?:\([^()]*\)[^()]*)*)\)$/su;

function toMessage(issue: z.core.$ZodIssue): Message {
  const params = (issue as { params?: { message?: unknown } }).params;
  const fromParams = MessageSchema.safeParse(params?.message);
  if (fromParams.success) return fromParams.data;
  const split = BILINGUAL.exec(issue.message);
  if (split?.[1] !== undefined && split[2] !== undefined) return { zh: split[1], en: split[2] };
  const raw = issue as unknown as Parameters<typeof zhLocale.localeError>[0];
  const zh = zhLocale.localeError(raw);
  const en = enLocale.localeError(raw);
  const fromEn = typeof en === 'string' ? en : (en?.message ?? issue.message);
  // A message of our own in Chinese only (zod's own are English): keep it, it says more.
  if (CHINESE.test(issue.message)) return { zh: issue.message, en: fromEn };
  return { zh: typeof zh === 'string' ? zh : (zh?.message ?? issue.message), en: fromEn };
}

/** Turns zod issues into path + bilingual message, the shape every app shows and sends. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => {
    const pathSegments = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    return { path: pathSegments.join('.'), pathSegments, message: toMessage(issue) };
  });
}

/** Parses any value with a schema and returns the typed value or readable issues; never throws. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
): ValidationResult<z.infer<S>> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: toValidationIssues(result.error.issues) };
}

/**
 * Checks that a value is a valid report: its shape and every invariant (unique ids, chapters
 * numbered 1..n, no repeated measure, indicators found in their text, provenance inside the source),
 * and the tracking rules (trackingIssues; `now` is the clock for "not in the future").
 */
export function validateReport(
  value: unknown,
  options: { now?: Date | undefined } = {},
): ValidationResult<Report> {
  const result = validateWith(ReportSchema, value);
  if (!result.ok) return result;
  const issues = trackingIssues(result.value, { now: options.now });
  return issues.length === 0 ? result : { ok: false, issues };
}

/** One readable line per issue: `path: 中文 (English)`. */
export function formatIssues(issues: readonly ValidationIssue[]): string[] {
  return issues.map(
    (i) => `${i.path === '' ? '(report)' : i.path}: ${i.message.zh} (${i.message.en})`,
  );
}
