import { ApiError } from '@leshan/http-kit';
import {
  decodeText,
  parseCsv,
  readSheet,
  readXlsx,
  SHEET_COLUMNS,
  sheetRows,
  writeXlsx,
  csvFile,
} from '@leshan/report-core';
import type { Command, ReadonlyReport, SheetReading } from '@leshan/report-core';
import {
  SheetApplyBodySchema,
  SheetApplyResultSchema,
  SheetDownloadQuerySchema,
  SheetPreviewBodySchema,
  SheetPreviewSchema,
} from '../api/sheet.schemas.js';
import type { SheetPreview } from '../api/sheet.schemas.js';
import type { AdminDeps } from '../deps.js';
import { route, unauthenticated } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';
import { currentDraft, saveCommands } from './draft.routes.js';

// The bulk round trip (issue 18 point 4): the draft's measures-and-targets sheet to download, and
// an edited copy read back (report-core readSheet) to preview and apply as one revision.

const SHEET_NAME = '举措与指标';

function formatOf(fileName: string): 'xlsx' | 'csv' {
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  throw new ApiError(422, 'bad-sheet-file', '只能上传 .xlsx 或 .csv 文件', {
    issues: [{ path: 'fileName', message: '请上传从本页下载的 .xlsx 或 .csv 表格' }],
  });
}

/** The upload read against the draft: every row's result, or the one error that stops the file. */
function readUpload(report: ReadonlyReport, fileName: string, content: string) {
  const format = formatOf(fileName);
  const bytes = new Uint8Array(Buffer.from(content, 'base64'));
  const parsed = format === 'xlsx' ? readXlsx(bytes) : parseCsv(decodeText(bytes));
  const reading: SheetReading = parsed.ok
    ? readSheet(report, parsed.rows)
    : {
        rows: [],
        errors: [parsed.error],
        commands: [],
        counts: { unchanged: 0, change: 0, error: 0 },
      };
  return { format, reading };
}

function changeWords(command: Command): string {
  if (command.type === 'progress.add') {
    const u = command.update;
    return `新进展 ${u.date}：${u.note}`;
  }
  if (command.type === 'observation.add') {
    const o = command.observation;
    return `指标 ${command.indicatorId} 实际值 ${o.value}（截至 ${o.date}，${o.basis === 'annual' ? '当年' : '累计'}，${o.source.title}）`;
  }
  return command.type;
}

const rowsOf = (reading: SheetReading): SheetPreview['rows'] =>
  reading.rows.map((r) => ({
    row: r.row,
    status: r.status,
    measureId: r.measureId,
    indicatorId: r.indicatorId,
    changes: r.commands.map(changeWords),
    errors: r.errors,
  }));

export function sheetRoutes({ store }: AdminDeps): AdminRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/draft/sheet',
      operationId: 'downloadDraftSheet',
      summary:
        'The draft’s measures-and-targets sheet (XLSX or CSV): read-only columns plus empty columns for a new update and a new observation, to edit and upload back',
      tag: 'draft',
      access: 'editor',
      responses: {
        200: {
          mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          description: 'The sheet as XLSX, or text/csv with format=csv.',
        },
      },
      errors: [404],
    })
      .query(SheetDownloadQuerySchema)
      .handle(async ({ query }) => {
        const draft = await currentDraft(store);
        const rows = sheetRows(draft.report);
        const name = `leshan-sheet-r${draft.revision}.${query.format}`;
        if (query.format === 'csv') {
          const headers = SHEET_COLUMNS.map((c) => c.header);
          return {
            content: csvFile(headers, rows),
            mediaType: 'text/csv; charset=utf-8',
            attachment: name,
          };
        }
        const columns = SHEET_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
        return {
          content: writeXlsx([{ name: SHEET_NAME, columns, rows }], {
            title: `${draft.report.meta.title} · ${SHEET_NAME}（草稿第 ${draft.revision} 版）`,
            creator: draft.report.meta.issuer,
            at: draft.updatedAt,
          }),
          attachment: name,
        };
      }),
    route({
      method: 'post',
      path: '/api/draft/sheet/preview',
      operationId: 'previewDraftSheet',
      summary:
        'Read an uploaded sheet against the draft: each row unchanged, a change (what it adds) or its errors by row and column; nothing is saved',
      tag: 'draft',
      access: 'editor',
      responses: { 200: SheetPreviewSchema },
      errors: [404, 422],
    })
      .body(SheetPreviewBodySchema)
      .handle(async ({ body }) => {
        const draft = await currentDraft(store);
        const { format, reading } = readUpload(draft.report, body.fileName, body.content);
        return {
          body: {
            baseRevision: draft.revision,
            format,
            errors: reading.errors,
            rows: rowsOf(reading),
            counts: reading.counts,
          },
        };
      }),
    route({
      method: 'post',
      path: '/api/draft/sheet/apply',
      operationId: 'applyDraftSheet',
      summary:
        'Apply the valid rows of an uploaded sheet as one revision (undo: restore the revision before); rows with errors change nothing',
      tag: 'draft',
      access: 'editor',
      responses: { 200: SheetApplyResultSchema },
      errors: [404, 409, 422],
    })
      .body(SheetApplyBodySchema)
      .handle(async ({ body, user, req }) => {
        if (user === undefined) throw unauthenticated();
        const draft = await currentDraft(store);
        if (draft.revision !== body.baseRevision) {
          throw new ApiError(409, 'conflict', '草稿已在您预览后被修改，请重新上传预览后再应用', {
            extra: { currentRevision: draft.revision, nodes: [] },
          });
        }
        const { reading } = readUpload(draft.report, body.fileName, body.content);
        if (reading.commands.length === 0) {
          const first = reading.errors[0];
          throw new ApiError(
            422,
            'nothing-to-apply',
            first === undefined ? '表格中没有可应用的新进展或新实际值' : first.message,
          );
        }
        const saved = await saveCommands(store, {
          baseRevision: body.baseRevision,
          commands: reading.commands,
          userId: user.userId,
          ip: req.ip ?? null,
        });
        return {
          body: {
            revision: saved.revision,
            hash: saved.hash,
            applied: reading.counts.change,
            refused: rowsOf(reading).filter((r) => r.status === 'error'),
          },
        };
      }),
  ];
}
