import { z } from 'zod';
import { RevisionNumberSchema } from './draft.schemas.js';

export const SheetFormatSchema = z
  .enum(['xlsx', 'csv'])
  .describe('xlsx (Excel, WPS, LibreOffice) or csv (UTF-8 with BOM).');

export const SheetDownloadQuerySchema = z.strictObject({
  format: SheetFormatSchema.default('xlsx'),
});

const upload = {
  fileName: z
    .string()
    .min(1, { error: '缺少文件名' })
    .max(255, { error: '文件名过长' })
    .describe('The uploaded file’s name: .xlsx or .csv decides how it is read.'),
  content: z
    .base64({ error: '文件内容无法读取（应为 base64）' })
    .max(4_000_000, { error: '文件过大：请上传不超过 2.9 MB 的表格' })
    .describe('The file’s bytes, base64.'),
};

export const SheetPreviewBodySchema = z.strictObject(upload);

export const SheetApplyBodySchema = z.strictObject({
  ...upload,
  baseRevision: RevisionNumberSchema,
});

export const SheetErrorSchema = z.object({
  row: z.int().describe('The row as the spreadsheet numbers it (1 is the header).'),
  column: z.string().nullable().describe('The column header, or null for the whole row.'),
  message: z.string(),
  fix: z.string().describe('How to fix it.'),
});

export const SheetRowSchema = z.object({
  row: z.int(),
  status: z.enum(['unchanged', 'change', 'error']),
  measureId: z.string().nullable(),
  indicatorId: z.string().nullable(),
  changes: z.array(z.string()).describe('What the row would add, in words.'),
  errors: z.array(SheetErrorSchema),
});

export const SheetPreviewSchema = z.object({
  baseRevision: z.int().min(0).describe('The draft revision the upload was read against.'),
  format: SheetFormatSchema,
  errors: z
    .array(SheetErrorSchema)
    .describe('Problems of the file as a whole: then no row is read.'),
  rows: z.array(SheetRowSchema).describe('Every non-empty data row, in sheet order.'),
  counts: z.object({ unchanged: z.int(), change: z.int(), error: z.int() }),
});
export type SheetPreview = z.infer<typeof SheetPreviewSchema>;

export const SheetApplyResultSchema = z.object({
  revision: z
    .int()
    .describe('The one revision the valid rows made (undo it: POST /api/draft/sheet/undo).'),
  hash: z.string(),
  applied: z.int().describe('Rows applied.'),
  refused: z.array(SheetRowSchema).describe('Rows with errors: nothing of them was applied.'),
});

export const SheetUndoBodySchema = z.strictObject({
  revision: RevisionNumberSchema.describe('The revision an applied sheet made.'),
});
