import { ApiError } from '@leshan/http-kit';
import {
  CommandSchema,
  decodeText,
  invertCommands,
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
  SheetUndoBodySchema,
} from '../api/sheet.schemas.js';
import { CommandResultSchema } from '../api/draft.schemas.js';
import type { SheetPreview } from '../api/sheet.schemas.js';
import type { AdminDeps } from '../deps.js';
import { route, unauthenticated } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';
import { currentDraft, saveCommands } from './draft.routes.js';

// The bulk round trip (issue 18 point 4): the draft's measures-and-targets sheet to download, and
// an edited copy read back (report-core readSheet) to preview and apply as one revision.

const SHEET_NAME = '举措与指标';
/** The clientId of a revision an applied sheet made (its clientSeq: the base revision), for its undo. */
export const SHEET_CLIENT = 'sheet-apply';

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
        'Apply the valid rows of an uploaded sheet as one revision (undo: POST /api/draft/sheet/undo); rows with errors change nothing',
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
          // Marks the revision as a sheet's, for its undo; one per base revision.
          clientId: SHEET_CLIENT,
          clientSeq: body.baseRevision,
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
    route({
      method: 'post',
      path: '/api/draft/sheet/undo',
      operationId: 'undoDraftSheet',
      summary:
        'Undo an applied sheet as a normal save by any editor (author and audit name who undid it): the inverse of its commands, last first, against that revision (409 when someone edited those measures since)',
      tag: 'draft',
      access: 'editor',
      responses: { 200: CommandResultSchema },
      errors: [404, 409, 422],
    })
      .body(SheetUndoBodySchema)
      .handle(async ({ body, user, req }) => {
        if (user === undefined) throw unauthenticated();
        const applied = await store.getRevision(body.revision);
        if (applied === null)
          throw new ApiError(404, 'not-found', `第 ${body.revision} 版修订不存在`);
        const before = body.revision > 0 ? await store.getRevision(body.revision - 1) : null;
        const commands = applied.commands.map((c) => CommandSchema.safeParse(c));
        const sheetMade = applied.clientId === SHEET_CLIENT && commands.every((c) => c.success);
        if (before === null || !sheetMade) throw notSheetRevision(body.revision);
        // Any editor may undo it (an ordinary edit): the new revision's author and the audit entry
        // name who undid it, the audit entry also who applied it.
        // Stricter than a save's change keys: any later revision touching what the sheet touched
        // (a later update of one of its measures, say) stops the undo, which then changes nothing.
        const touched = new Set(applied.touched);
        const later = (await store.revisionsSince(body.revision)).filter((r) =>
          r.touched.some((id) => touched.has(id)),
        );
        if (later.length > 0) throw cannotUndo(body.revision, later);
        const inverses = invertCommands(
          before.report,
          commands.flatMap((c) => (c.success ? [c.data] : [])),
        );
        try {
          return {
            body: await saveCommands(store, {
              baseRevision: body.revision,
              commands: inverses,
              userId: user.userId,
              ip: req.ip ?? null,
              audit: {
                action: 'draft.sheet-undo',
                details: { undid: body.revision, appliedBy: applied.author },
              },
            }),
          };
        } catch (error) {
          if (error instanceof ApiError && error.status === 409)
            throw cannotUndo(body.revision, []);
          throw error;
        }
      }),
  ];
}

function notSheetRevision(revision: number): ApiError {
  return new ApiError(
    422,
    'not-a-sheet-revision',
    `第 ${revision} 版不是一次批量更新，无法在此撤销`,
    {
      issues: [{ path: 'revision', message: '请选择“批量更新”应用后得到的修订版本' }],
    },
  );
}

function cannotUndo(revision: number, later: readonly { number: number; touched: string[] }[]) {
  return new ApiError(
    409,
    'conflict',
    `无法撤销第 ${revision} 版批量更新：之后有人修改了其中的举措或指标，草稿未作任何改动。请在修订记录中逐项处理。`,
    {
      extra: {
        laterRevisions: later.map((r) => r.number),
        nodes: [...new Set(later.flatMap((r) => r.touched))].slice(0, 50),
      },
    },
  );
}
