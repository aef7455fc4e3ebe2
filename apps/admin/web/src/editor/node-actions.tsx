import { useState } from 'react';
import type { Report } from '@leshan/report-core';
import { Field } from '../ui/field.js';
import { placeCommand, stepCommand } from './move-command.js';
import {
  chapterHeading,
  chapterLabel,
  displayTitle,
  NODE_KIND_LABELS,
} from '@leshan/report-core/labels';
import type { OutlineItem } from './outline-model.js';
import { useEdit } from './use-edit.js';

interface NodeActionsProps {
  report: Report;
  item: OutlineItem;
  onDelete: (item: OutlineItem) => void;
}

/** Move up/down, move to another chapter or section, delete: the keyboard's way to restructure. */
export function NodeActions({ report, item, onDelete }: NodeActionsProps) {
  const edit = useEdit();
  const [error, setError] = useState<string | null>(null);
  const run = (command: ReturnType<typeof stepCommand>, label: string) => {
    if (command === null) return;
    const outcome = edit([command], label);
    setError(outcome.ok ? null : outcome.message);
  };
  const parents =
    item.kind === 'section'
      ? report.chapters.map((c) => ({
          id: c.id,
          label: chapterHeading(c, report),
          size: c.sections.length,
        }))
      : item.kind === 'measure'
        ? report.chapters.flatMap((c) =>
            c.sections.map((s) => ({
              id: s.id,
              label: `${chapterLabel(c.number).zh} · ${displayTitle(s.title, report, s.id)}`,
              size: s.measures.length,
            })),
          )
        : [];
  return (
    <div
      className="node-actions"
      role="group"
      aria-label={`${NODE_KIND_LABELS[item.kind].zh}的位置与删除`}
    >
      <button
        type="button"
        disabled={item.index === 0}
        onClick={() => run(stepCommand(item, -1), '上移')}
      >
        上移
      </button>
      <button
        type="button"
        disabled={item.index >= item.siblings - 1}
        onClick={() => run(stepCommand(item, 1), '下移')}
      >
        下移
      </button>
      {parents.length > 1 ? (
        <Field label={item.kind === 'section' ? '移到章' : '移到节'}>
          {(c) => (
            <select
              {...c}
              value={item.parentId ?? ''}
              onChange={(e) => {
                const target = parents.find((p) => p.id === e.target.value);
                if (target !== undefined && target.id !== item.parentId)
                  run(
                    placeCommand(item, target.id, target.size),
                    `移动${NODE_KIND_LABELS[item.kind].zh}`,
                  );
              }}
            >
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <button type="button" className="danger" onClick={() => onDelete(item)}>
        删除此{NODE_KIND_LABELS[item.kind].zh}
      </button>
      {error === null ? null : (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
