import { z } from 'zod';
import { safeString } from './text-safety.js';
import { NodeIdSchema } from './ids.js';

export const TrackingStatusSchema = z
  .enum(['not-started', 'in-progress', 'completed', 'delayed', 'unverified'])
  .describe(
    'not-started 未开始, in-progress 推进中, completed 已完成, delayed 滞后, unverified 待核实.',
  );
export type TrackingStatus = z.infer<typeof TrackingStatusSchema>;

/** The name of each tracking status (未开始 … 待核实), in Chinese and English. */
export const TRACKING_STATUS_LABELS: Record<TrackingStatus, { zh: string; en: string }> = {
  'not-started': { zh: '未开始', en: 'Not started' },
  'in-progress': { zh: '推进中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
  delayed: { zh: '滞后', en: 'Delayed' },
  unverified: { zh: '待核实', en: 'To be verified' },
};

export const ProgressSchema = z
  .int({ error: '进度必须是整数 (progress must be an integer)' })
  .min(0, { error: '进度不能小于 0 (progress must be at least 0)' })
  .max(100, { error: '进度不能大于 100 (progress must be at most 100)' })
  .describe('Share of the measure done, 0–100.');

/** A calendar date written YYYY-MM-DD that exists (2024-02-30 is refused). */
export const IsoDateSchema = z.iso.date({
  error: '日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD)',
});

/** The start of an evidence URL, as the JSON Schema's pattern: zod checks the protocol too. */
export const EVIDENCE_URL_PATTERN = /^[Hh][Tt][Tt][Pp][Ss]?:\/\//u;

export const EvidenceUrlSchema = z
  .url({
    protocol: /^https?$/,
    error: '佐证链接必须是 http 或 https 网址 (evidence must be an http(s) URL)',
  })
  .max(2000)
  .describe('A public page or document that backs the update.');

export const ProgressUpdateSchema = z
  .strictObject({
    id: NodeIdSchema,
    date: IsoDateSchema.describe('The day the progress was observed (YYYY-MM-DD).'),
    note: safeString()
      .regex(/\S/u, { error: '进展说明不能为空 (the note must not be empty)' })
      .trim()
      .min(1, { error: '进展说明不能为空 (the note must not be empty)' })
      .max(4000),
    progress: ProgressSchema.optional(),
    status: TrackingStatusSchema.optional(),
    evidenceUrl: EvidenceUrlSchema.optional(),
  })
  .describe('A dated progress report on a measure.');
export type ProgressUpdate = z.infer<typeof ProgressUpdateSchema>;

export const TrackingSchema = z
  .strictObject({
    status: TrackingStatusSchema.nullable().describe('null until someone reports on the measure.'),
    progress: ProgressSchema.nullable().describe('null until someone reports on the measure.'),
    updates: z.array(ProgressUpdateSchema).describe('Progress updates, oldest first.'),
  })
  .describe('How far the measure has come. The source has no tracking data: it starts empty.');
export type Tracking = z.infer<typeof TrackingSchema>;

/** Tracking state of a measure nobody has reported on yet. */
export function emptyTracking(): Tracking {
  return { status: null, progress: null, updates: [] };
}
