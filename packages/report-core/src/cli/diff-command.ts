import { z } from 'zod';
import type { ReportDiff, TextOp } from '../edit/index.js';
import { diffReports, summarizeDiff } from '../edit/index.js';
import { defineCommand } from './command.js';
import { EXIT } from './io.js';
import { readReport } from './read-report.js';

const DiffArgsSchema = z.object({
  positionals: z
    .array(z.string())
    .length(2, { error: '请给出两个报告文件：旧的、新的 (give two report files: old, new)' }),
  json: z.boolean().optional(),
});

const show = (value: unknown): string =>
  value === undefined ? '(无 none)' : JSON.stringify(value);

/** A text edit inline, git word-diff style: [-removed-]{+added+}. */
function inline(ops: readonly TextOp[]): string {
  return ops
    .map((op) =>
      op.op === 'equal' ? op.text : op.op === 'delete' ? `[-${op.text}-]` : `{+${op.text}+}`,
    )
    .join('');
}

function trackingDetail(c: ReportDiff['tracking'][number]): string {
  switch (c.change) {
    case 'status':
    case 'progress':
      return `${c.change}: ${show(c.before)} → ${show(c.after)}`;
    case 'update-added':
    case 'update-removed':
      return `${c.change} ${c.update.id} (${c.update.date})`;
    case 'update-edited':
      return `update ${c.updateId} ${c.field}: ${show(c.before)} → ${show(c.after)}`;
  }
}

/** One line per change, prefixed like a patch: + added, - removed, > moved, ~ edited, * tracking. */
export function formatReportDiff(diff: ReportDiff): string[] {
  const where = (p: { parentId: string | null; index: number }): string =>
    `${p.parentId ?? '(report)'}[${p.index}]`;
  return [
    ...diff.added.map((c) => `+ ${c.kind} ${c.id} @ ${where(c.at)}: ${c.label ?? ''}`),
    ...diff.removed.map((c) => `- ${c.kind} ${c.id} @ ${where(c.at)}: ${c.label ?? ''}`),
    ...diff.moved.map((c) => `> ${c.kind} ${c.id}: ${where(c.from)} → ${where(c.to)}`),
    ...diff.edited.map(
      (c) =>
        `~ ${c.kind} ${c.id} ${c.field}: ${c.textDiff === undefined ? `${show(c.before)} → ${show(c.after)}` : inline(c.textDiff)}`,
    ),
    ...diff.tracking.map((c) => `* ${c.measureId} tracking ${trackingDetail(c)}`),
  ];
}

export const diffCommand = defineCommand({
  name: 'diff',
  usage: ['diff <旧 old.json> <新 new.json> [--json]'],
  summary: { zh: '比较两个报告', en: 'Compare two reports' },
  details: {
    zh: '两个文件都先校验；按编号比较节点，输出概要和每处变化（+ 新增、- 删除、> 移动、~ 修改，文字修改以 [-删-]{+增+} 标出，* 跟踪进展）；--json 输出完整差异。有无差异退出码都为 0。',
    en: 'Both files are validated first; nodes are matched by id and the summary and each change are printed (+ added, - removed, > moved, ~ edited with text changes marked [-old-]{+new+}, * tracking); --json prints the full diff. Exits 0 whether or not they differ.',
  },
  options: [
    {
      name: 'json',
      type: 'boolean',
      help: { zh: '输出完整差异（JSON）', en: 'print the full diff as JSON' },
    },
  ],
  args: DiffArgsSchema,
  run({ positionals, json }, io) {
    const [a, b] = positionals.map((file) => ({ file, read: readReport(io, file) }));
    if (a === undefined || b === undefined) return EXIT.usage;
    for (const { file, read } of [a, b]) {
      if (!read.ok) {
        io.err(`无效 (invalid): ${file}\n`);
        for (const line of read.lines) io.err(`${line}\n`);
      }
    }
    if (!a.read.ok || !b.read.ok) return EXIT.invalid;
    const diff = diffReports(a.read.report, b.read.report);
    if (json === true) {
      io.out(`${JSON.stringify(diff, null, 2)}\n`);
      return EXIT.ok;
    }
    io.out(`${summarizeDiff(diff).text}\n`);
    for (const line of formatReportDiff(diff)) io.out(`${line}\n`);
    return EXIT.ok;
  },
});
