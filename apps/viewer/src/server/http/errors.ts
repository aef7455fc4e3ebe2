import { z } from 'zod';
import { toValidationIssues } from '@leshan/report-core';

export const ErrorBodySchema = z
  .object({
    error: z.string().describe('What went wrong, in Chinese.'),
    issues: z
      .array(
        z.object({
          path: z.string().describe('Which parameter, e.g. query.chapter.'),
          message: z.string().describe('What is wrong with it, in Chinese.'),
        }),
      )
      .describe('One entry per offending parameter; empty when the error is not about one.'),
  })
  .describe('Every error the public API returns.');
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export function errorBody(error: string, issues: ErrorBody['issues'] = []): ErrorBody {
  return { error, issues };
}

/** A failed parse of the query string or path, as the API reports it. */
export function invalidInput(where: 'query' | 'params', error: z.ZodError): ErrorBody {
  const label = where === 'query' ? '查询参数' : '路径参数';
  return errorBody(
    `${label}不符合要求，请按提示修改后重试`,
    toValidationIssues(error.issues).map((i) => ({
      path: [where, i.path].filter((p) => p !== '').join('.'),
      message: i.message.zh,
    })),
  );
}
