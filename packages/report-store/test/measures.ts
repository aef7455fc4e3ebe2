import { applyCommands } from '@leshan/report-core/edit';
import type { ReadonlyReport } from '@leshan/report-core/model';
import { listMeasures } from '@leshan/report-core/model';
import type { AppendRevisionInput } from '../src/index.js';

/** Ids and texts of the report's measures, in order. */
export function measures(report: ReadonlyReport): { id: string; text: string }[] {
  return listMeasures(report).map((m) => ({ id: m.id, text: m.text }));
}

export function findText(report: ReadonlyReport, id: string): string | undefined {
  return measures(report).find((m) => m.id === id)?.text;
}

/** An append that sets one measure's text, applied with report-core's applyCommands. */
export function editMeasure(
  baseRevision: number,
  id: string,
  text: string,
  author = 'u-editor',
): AppendRevisionInput<unknown> {
  const commands = [{ type: 'measure.update', id, patch: { text } }];
  return { baseRevision, author, commands, apply: (current) => applyCommands(current, commands) };
}
