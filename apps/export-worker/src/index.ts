export * from './schemas.js';
export * from './formats.js';
export {
  canonicalEdition,
  editionFromReport,
  CANONICAL_PUBLISHED_AT,
} from './canonical-edition.js';
export { renderJson, renderJsonSchema } from './render/render-json.js';
export { renderCsvMeasures, renderCsvIndicators } from './render/render-csv.js';
export { renderXlsx } from './render/render-xlsx.js';
export { renderMarkdown } from './render/render-markdown.js';
export { renderHtml } from './render/render-html.js';
export { renderPdf } from './render/render-pdf.js';
export { renderDocx } from './render/render-docx.js';
export { renderDatapackage, DATA_LICENSE } from './render/render-datapackage.js';
export { DataPackageSchema } from './render/datapackage-schema.js';
export * from './worker/index.js';
export { readWorkerEnv, WorkerEnvSchema } from './env.js';
export type { WorkerEnv } from './env.js';
