import type { z } from 'zod';
import { IndicatorSchema } from '../model/indicator.js';

/**
 * A target read from a measure's text: an indicator before an editor gives it an id.
 * The same shape as the model's indicator, so an accepted extraction needs only an id.
 */
export const ExtractedIndicatorSchema = IndicatorSchema.omit({ id: true }).describe(
  'A quantitative target read from a measure’s text, without the id an editor assigns.',
);
export type ExtractedIndicator = z.infer<typeof ExtractedIndicatorSchema>;
