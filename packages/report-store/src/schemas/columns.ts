import { z } from 'zod';

/** A timestamp as stored: ISO 8601 in UTC with milliseconds, so text order is time order. */
export const TimestampSchema = z.iso
  .datetime({ precision: 3 })
  .describe('ISO 8601 UTC, e.g. 2026-01-31T08:00:00.000Z.');
export type Timestamp = z.infer<typeof TimestampSchema>;

/** 0/1 as stored in an INTEGER column (SQLite has no boolean), read as a boolean. */
export const FlagColumnSchema = z.union([z.literal(0), z.literal(1)]);
export const flagToBoolean = (flag: 0 | 1): boolean => flag === 1;

/** A TEXT column holding JSON, parsed and then checked against `schema`. */
export function jsonColumn<S extends z.ZodType>(
  schema: S,
): z.ZodPipe<z.ZodPipe<z.ZodString, z.ZodTransform<unknown, string>>, S> {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch (_error) {
        ctx.issues.push({ code: 'custom', message: 'column is not valid JSON', input: text });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

export const Sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('sha256, lower-case hex.');

export const IdSchema = z.string().min(1).max(200);
