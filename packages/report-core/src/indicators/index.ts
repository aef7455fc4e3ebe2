export { ExtractedIndicatorSchema } from './extracted-indicator.js';
export type { ExtractedIndicator } from './extracted-indicator.js';
export { extractIndicators } from './extract-indicators.js';
export { parseChineseNumber } from './parse-chinese-number.js';
export { formatNumber, formatQuantity, formatTarget, quantityScale } from './format-quantity.js';
export { locateTargets, segmentText } from './locate-targets.js';
export type { TargetSpan, TextSegment } from './locate-targets.js';
