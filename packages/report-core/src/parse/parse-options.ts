import { z } from 'zod';
import { NodeIdSchema } from '../model/ids.js';
import { PlaceSchema } from '../model/place.js';
import type { ValidationIssue, ValidationResult } from '../model/validate.js';
import { toValidationIssues } from '../model/validate.js';

const PeriodSchema = z
  .object({ start: z.int().min(1949).max(2100), end: z.int().min(1949).max(2100) })
  .refine((p) => p.start <= p.end, {
    error: '起始年份不能晚于结束年份 (period start must not be after its end)',
  });

const Meta = z.string().trim().min(1).max(200);

/**
 * What the document itself may not say. Nothing defaults to a particular city: what neither the
 * options nor the text give is a diagnostic (issue 17).
 */
export const ParseOptionsSchema = z
  .strictObject({
    id: NodeIdSchema.optional().describe(
      'The report’s id; default derived from issuer and period.',
    ),
    issuer: Meta.optional().describe('The issuing government; default read from the text.'),
    period: PeriodSchema.optional().describe(
      'The years the report covers; default read from the text.',
    ),
    title: Meta.optional().describe('The report’s title; default its first line.'),
    scope: Meta.optional().describe(
      'What part of the work report this is (今后五年工作); default a scope line of the text.',
    ),
    places: z
      .array(PlaceSchema)
      .optional()
      .describe('The gazetteer to put in report.places and to propose places from.'),
    file: z.string().min(1).max(200).optional().describe('File name recorded in meta.source.file.'),
    description: z
      .string()
      .min(1)
      .max(1000)
      .optional()
      .describe('Description recorded in meta.source.description.'),
  })
  .describe('Options of parseReportText: what the document itself does not say.');
export type ParseOptionsInput = z.input<typeof ParseOptionsSchema>;
export type ParseOptions = z.output<typeof ParseOptionsSchema>;

type OptionKey = keyof typeof ParseOptionsSchema.shape;
export const OPTION_KEYS = Object.keys(ParseOptionsSchema.shape) as OptionKey[];

/** The options that are valid, and one issue per option that is invalid or unknown. */
export interface ReadOptions {
  options: ParseOptions;
  issues: ValidationIssue[];
}

function unknownOption(key: string): ValidationIssue {
  return {
    path: key,
    pathSegments: [key],
    message: {
      zh: `未知的解析选项“${key.slice(0, 40)}”，已忽略：可用的选项有 ${OPTION_KEYS.join('、')}`,
      en: `unknown parse option "${key.slice(0, 40)}" was ignored: the options are ${OPTION_KEYS.join(', ')}`,
    },
  };
}

/**
 * Checks each option on its own: an invalid one is reported and left out, the others are kept;
 * an unknown one is reported. Never throws, whatever is passed.
 */
export function readParseOptions(input: unknown): ReadOptions {
  const options: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  if (input === undefined || input === null) return { options, issues };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return {
      options,
      issues: [
        {
          path: '',
          pathSegments: [],
          message: {
            zh: '解析选项必须是一个对象，已忽略',
            en: 'the parse options must be an object and were ignored',
          },
        },
      ],
    };
  }
  for (const [key, value] of Object.entries(input)) {
    if (!(OPTION_KEYS as string[]).includes(key)) {
      issues.push(unknownOption(key));
      continue;
    }
    if (value === undefined) continue;
    const result = ParseOptionsSchema.shape[key as OptionKey].safeParse(value);
    if (result.success) options[key] = result.data;
    else
      issues.push(
        ...toValidationIssues(result.error.issues.map((i) => ({ ...i, path: [key, ...i.path] }))),
      );
  }
  return { options: options, issues };
}

/** The parse options, or every problem with them, in the common result shape. */
export function validateParseOptions(input: unknown): ValidationResult<ParseOptions> {
  const { options, issues } = readParseOptions(input);
  return issues.length === 0 ? { ok: true, value: options } : { ok: false, issues };
}
