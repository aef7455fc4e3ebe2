import type { Message } from '../model/message.js';

/**
 * What people call each export format (issue 13 point 8), by the export worker's format id
 * (report-store's EXPORT_FORMATS): the admin's export list, the worker and the download page
 * write these names, never the bare id.
 */
export const EXPORT_FORMAT_LABELS = {
  json: { zh: 'JSON 数据', en: 'JSON data' },
  'json-schema': { zh: 'JSON Schema 结构说明', en: 'JSON Schema' },
  'csv-measures': { zh: '举措表（CSV）', en: 'Measures (CSV)' },
  'csv-indicators': { zh: '指标表（CSV）', en: 'Indicators (CSV)' },
  xlsx: { zh: 'Excel 工作簿', en: 'Excel workbook' },
  md: { zh: 'Markdown 文本', en: 'Markdown' },
  html: { zh: '网页（HTML）', en: 'Web page (HTML)' },
  pdf: { zh: 'PDF 文档', en: 'PDF document' },
  docx: { zh: 'Word 文档', en: 'Word document' },
  datapackage: { zh: '数据包（Frictionless）', en: 'Data package (Frictionless)' },
} as const satisfies Readonly<Record<string, Message>>;

/** A format's name in one language; an id it does not know (a format since dropped) as itself. */
export function exportFormatLabel(format: string, lang: keyof Message = 'zh'): string {
  return Object.hasOwn(EXPORT_FORMAT_LABELS, format)
    ? EXPORT_FORMAT_LABELS[format as keyof typeof EXPORT_FORMAT_LABELS][lang]
    : format;
}
