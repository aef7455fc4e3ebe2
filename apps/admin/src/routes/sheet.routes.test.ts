import {
  decodeText,
  listMeasures,
  parseCsv,
  readXlsx,
  SHEET_COLUMNS,
  writeXlsx,
  csvFile,
} from '@leshan/report-core';
import type { SheetCell } from '@leshan/report-core';
import type { Response } from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent, Harness } from '../testing/admin-harness.js';
import { signIn, startAdmin } from '../testing/admin-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startAdmin();
});
afterEach(async () => {
  await h.close();
});

const at = (key: string) => SHEET_COLUMNS.findIndex((c) => c.key === key);
const headers = SHEET_COLUMNS.map((c) => c.header);

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function download(who: Agent, format: 'csv' | 'xlsx'): Promise<SheetCell[][]> {
  const res = await who.agent.get(`/api/draft/sheet?format=${format}`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-disposition']).toMatch(new RegExp(`leshan-sheet-r\\d+\\.${format}`));
  const bytes = new Uint8Array(res.body as Buffer);
  const parsed = format === 'csv' ? parseCsv(decodeText(bytes)) : readXlsx(bytes);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.rows;
}

/** The 76 measure rows of the download, each with a new update; rows 6, 21 and 41 bad. */
function editedUpload(table: SheetCell[][]): SheetCell[][] {
  const rows = table
    .slice(1)
    .filter((r) => r[at('indicator_id')] === '' || r[at('indicator_id')] === null);
  expect(rows).toHaveLength(76);
  rows.forEach((row, i) => {
    row[at('update_date')] = '2025-06-30';
    row[at('update_status')] = '推进中';
    row[at('update_note')] = `第 ${i + 1} 项已按计划推进`;
  });
  const row = (n: number) => rows[n - 2] ?? [];
  row(6)[at('update_progress')] = '一半'; // not a number
  row(21)[at('measure_id')] = 'm999'; // no such measure
  row(41)[at('text')] = '改写的举措'; // a read-only column
  return [headers, ...rows];
}

const post = (who: Agent, path: string, body: object) =>
  who.agent.post(path).set('X-CSRF-Token', who.csrf).send(body);

describe('the draft sheet: download, preview, apply (issue 18 point 4)', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: a 76-row upload with three bad rows applies 73 as one undoable revision and lists the three`, async () => {
      const editor = await signIn(h, 'editor');
      const table = await download(editor, format);
      const upload = editedUpload(table);
      const bytes =
        format === 'csv'
          ? csvFile(headers, upload.slice(1))
          : writeXlsx(
              [
                {
                  name: 's',
                  columns: headers.map((header) => ({ header, width: 10 })),
                  rows: upload.slice(1),
                },
              ],
              { title: 't', creator: 'c', at: '2026-01-01T00:00:00.000Z' },
            );
      const file = { fileName: `edited.${format}`, content: Buffer.from(bytes).toString('base64') };

      const preview = await post(editor, '/api/draft/sheet/preview', file);
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      expect(preview.body.counts).toEqual({ unchanged: 0, change: 73, error: 3 });
      const refused = (preview.body.rows as { status: string; errors: object[] }[])
        .filter((r) => r.status === 'error')
        .flatMap((r) => r.errors);
      expect(refused).toEqual([
        expect.objectContaining({
          row: 6,
          column: '新进展进度',
          message: '进度“一半”不是 0 到 100 的整数',
        }),
        expect.objectContaining({ row: 21, column: '举措编号', message: '举措编号“m999”不存在' }),
        expect.objectContaining({ row: 41, column: '举措', message: '“举措”列不能在表格中修改' }),
      ]);
      const before = await h.store.getDraft();
      expect(before?.revision).toBe(preview.body.baseRevision);

      const applied = await post(editor, '/api/draft/sheet/apply', {
        ...file,
        baseRevision: preview.body.baseRevision,
      });
      expect(applied.status, JSON.stringify(applied.body)).toBe(200);
      expect(applied.body).toMatchObject({ revision: (before?.revision ?? 0) + 1, applied: 73 });
      expect(applied.body.refused).toHaveLength(3);
      const after = await h.store.getDraft();
      if (after === null) throw new Error('the draft is gone');
      const updated = listMeasures(after.report).filter(
        (m) => m.measure.tracking.updates.length > 0,
      );
      expect(updated).toHaveLength(73);

      // Undo by another editor (any editor may, issue 18): the inverse commands as a normal save
      // take all 73 back; the revision and the audit entry name who undid it and who applied it.
      const other = await signIn(h, 'editor', 'editor2');
      const undo = await post(other, '/api/draft/sheet/undo', { revision: applied.body.revision });
      expect(undo.status, JSON.stringify(undo.body)).toBe(200);
      expect(undo.body.revision).toBe(applied.body.revision + 1);
      expect((await h.store.getDraft())?.reportHash).toBe(before?.reportHash);
      expect((await h.store.getRevision(undo.body.revision))?.author).toBe(other.userId);
      const audit = await h.store.listAudit({ action: 'draft.sheet-undo' });
      if (!audit.ok) throw new Error('the audit log is unreadable');
      expect(audit.entries).toEqual([
        expect.objectContaining({
          actor: other.userId,
          target: `revision:${undo.body.revision}`,
          details: expect.objectContaining({
            undid: applied.body.revision,
            appliedBy: editor.userId,
            commands: 73,
          }),
        }),
      ]);
    });
  }

  it('refuses to undo an applied sheet with 409 once one of its measures was edited since, and changes nothing', async () => {
    const editor = await signIn(h, 'editor');
    const upload = editedUpload(await download(editor, 'csv'));
    const file = {
      fileName: 'edited.csv',
      content: Buffer.from(csvFile(headers, upload.slice(1))).toString('base64'),
    };
    const base = (await editor.agent.get('/api/draft/head')).body.revision as number;
    const applied = await post(editor, '/api/draft/sheet/apply', { ...file, baseRevision: base });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const measureId = String(upload[1]?.[at('measure_id')]);
    const other = await signIn(h, 'publisher');
    const edit = await post(other, '/api/draft/commands', {
      baseRevision: applied.body.revision,
      commands: [
        {
          type: 'progress.add',
          measureId,
          update: { id: 'u-later', date: '2025-09-30', note: '已延期。', status: 'delayed' },
        },
      ],
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const edited = await h.store.getDraft();

    const undo = await post(editor, '/api/draft/sheet/undo', { revision: applied.body.revision });
    expect(undo.status, JSON.stringify(undo.body)).toBe(409);
    expect(undo.body.error).toBe(
      `无法撤销第 ${applied.body.revision} 版批量更新：之后有人修改了其中的举措或指标，草稿未作任何改动。请在修订记录中逐项处理。`,
    );
    const after = await h.store.getDraft();
    expect(after?.revision).toBe(edited?.revision);
    expect(after?.reportHash).toBe(edited?.reportHash);

    // Not a sheet's revision, or no revision at all: refused in Chinese.
    const notSheet = await post(editor, '/api/draft/sheet/undo', { revision: edit.body.revision });
    expect(notSheet.status).toBe(422);
    expect(notSheet.body.error).toBe(`第 ${edit.body.revision} 版不是一次批量更新，无法在此撤销`);
    const missing = await post(editor, '/api/draft/sheet/undo', { revision: 99999 });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('第 99999 版修订不存在');
    expect((await h.store.getDraft())?.reportHash).toBe(edited?.reportHash);
  });

  it('reads the download back as unchanged, and applying it is refused as nothing to apply', async () => {
    const editor = await signIn(h, 'editor');
    const table = await download(editor, 'xlsx');
    const bytes = writeXlsx(
      [
        {
          name: 's',
          columns: headers.map((header) => ({ header, width: 10 })),
          rows: table.slice(1),
        },
      ],
      { title: 't', creator: 'c', at: '2026-01-01T00:00:00.000Z' },
    );
    const file = { fileName: 'same.xlsx', content: Buffer.from(bytes).toString('base64') };
    const preview = await post(editor, '/api/draft/sheet/preview', file);
    expect(preview.body.counts).toEqual({ unchanged: 100, change: 0, error: 0 });
    const applied = await post(editor, '/api/draft/sheet/apply', {
      ...file,
      baseRevision: preview.body.baseRevision,
    });
    expect(applied.status).toBe(422);
    expect(applied.body.code).toBe('nothing-to-apply');
  });

  it('refuses a file that is not a sheet in Chinese, and an apply against a later draft with 409', async () => {
    const editor = await signIn(h, 'editor');
    const bad = await post(editor, '/api/draft/sheet/preview', {
      fileName: 'x.xlsx',
      content: Buffer.from('not a zip').toString('base64'),
    });
    expect(bad.status).toBe(200);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ row: 1, message: '文件不是有效的 .xlsx 工作簿（无法解压）' }),
    ]);
    const pdf = await post(editor, '/api/draft/sheet/preview', { fileName: 'x.pdf', content: '' });
    expect(pdf.status).toBe(422);
    const base = (await editor.agent.get('/api/draft/head')).body.revision as number;
    const edit = await post(editor, '/api/draft/commands', {
      baseRevision: base,
      commands: [{ type: 'tracking.set', measureId: 'm38', status: 'in-progress' }],
    });
    expect(edit.status).toBe(200);
    const stale = await post(editor, '/api/draft/sheet/apply', {
      fileName: 'x.csv',
      content: '',
      baseRevision: base,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('草稿已在您预览后被修改，请重新上传预览后再应用');
  });
});
