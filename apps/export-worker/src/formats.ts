import type { Message } from '@leshan/report-core';
import { EXPORT_FORMAT_LABELS } from '@leshan/report-core/labels';
import type { ExportInput, FormatId } from './schemas.js';
import { FORMAT_IDS } from './schemas.js';
import { renderCsvIndicators, renderCsvMeasures } from './render/render-csv.js';
import { renderDatapackage } from './render/render-datapackage.js';
import { renderDocx } from './render/render-docx.js';
import { renderHtml } from './render/render-html.js';
import { renderJson, renderJsonSchema } from './render/render-json.js';
import { renderMarkdown } from './render/render-markdown.js';
import { renderPdf } from './render/render-pdf.js';
import { renderXlsx } from './render/render-xlsx.js';

export interface ExportFormat {
  id: FormatId;
  /** File name ending, without the leading dot; tells formats that share an extension apart. */
  extension: string;
  mediaType: string;
  label: Message;
  render: (input: ExportInput) => Promise<Uint8Array>;
}

/** Every export format, in the order the CLI and the download page list them. */
export const FORMATS: Record<FormatId, ExportFormat> = {
  json: {
    id: 'json',
    extension: 'json',
    mediaType: 'application/json',
    label: EXPORT_FORMAT_LABELS.json,
    render: renderJson,
  },
  'json-schema': {
    id: 'json-schema',
    extension: 'schema.json',
    mediaType: 'application/schema+json',
    label: EXPORT_FORMAT_LABELS['json-schema'],
    render: renderJsonSchema,
  },
  'csv-measures': {
    id: 'csv-measures',
    extension: 'measures.csv',
    mediaType: 'text/csv; charset=utf-8',
    label: EXPORT_FORMAT_LABELS['csv-measures'],
    render: renderCsvMeasures,
  },
  'csv-indicators': {
    id: 'csv-indicators',
    extension: 'indicators.csv',
    mediaType: 'text/csv; charset=utf-8',
    label: EXPORT_FORMAT_LABELS['csv-indicators'],
    render: renderCsvIndicators,
  },
  xlsx: {
    id: 'xlsx',
    extension: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: EXPORT_FORMAT_LABELS.xlsx,
    render: renderXlsx,
  },
  md: {
    id: 'md',
    extension: 'md',
    mediaType: 'text/markdown; charset=utf-8',
    label: EXPORT_FORMAT_LABELS.md,
    render: renderMarkdown,
  },
  html: {
    id: 'html',
    extension: 'html',
    mediaType: 'text/html; charset=utf-8',
    label: EXPORT_FORMAT_LABELS.html,
    render: renderHtml,
  },
  pdf: {
    id: 'pdf',
    extension: 'pdf',
    mediaType: 'application/pdf',
    label: EXPORT_FORMAT_LABELS.pdf,
    render: renderPdf,
  },
  docx: {
    id: 'docx',
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: EXPORT_FORMAT_LABELS.docx,
    render: renderDocx,
  },
  datapackage: {
    id: 'datapackage',
    extension: 'datapackage.zip',
    mediaType: 'application/zip',
    label: EXPORT_FORMAT_LABELS.datapackage,
    render: renderDatapackage,
  },
};

/** One rendered file; stays in memory, so it needs no schema. */
export interface RenderedFile {
  format: FormatId;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** Formats in registry order. */
export const FORMAT_LIST: readonly ExportFormat[] = FORMAT_IDS.map((id) => FORMATS[id]);

/** e.g. leshan-2022-2026-canonical.measures.csv: report, edition, then the format's ending. */
export function exportFileName(input: ExportInput, format: FormatId): string {
  const edition = input.edition.id.replace(/[^A-Za-z0-9._-]/g, '-');
  return `${input.report.id}-${edition}.${FORMATS[format].extension}`;
}

/** Renders one format of an edition into a named file. */
export async function renderFormat(input: ExportInput, format: FormatId): Promise<RenderedFile> {
  const spec = FORMATS[format];
  return {
    format,
    fileName: exportFileName(input, format),
    mediaType: spec.mediaType,
    bytes: await spec.render(input),
  };
}
