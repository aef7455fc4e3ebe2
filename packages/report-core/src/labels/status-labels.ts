import type { Message } from '../model/message.js';
import type { TrackingStatus } from '../model/tracking.js';
import { TRACKING_STATUS_LABELS } from '../model/tracking.js';

/** A measure's status before anyone has reported on it (its status is null). */
export const NOT_REPORTED: Message = { zh: '未报告', en: 'Not reported' };

/** 未开始 … 待核实, or 未报告 while nobody has reported on the measure. */
export function trackingStatusLabel(status: TrackingStatus | null): Message {
  return status === null ? NOT_REPORTED : TRACKING_STATUS_LABELS[status];
}
