export { ExtractedIndicatorSchema } from './extracted-indicator.js';
export type { ExtractedIndicator } from './extracted-indicator.js';
export { extractIndicators } from './extract-indicators.js';
export { parseChineseNumber } from './parse-chinese-number.js';
export { formatQuantity } from './format-quantity.js';
