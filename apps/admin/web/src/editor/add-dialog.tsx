import { useState } from 'react';
import type { FormEvent } from 'react';
import { createNodeId, emptyTracking } from '@leshan/report-core';
import type { Command } from '@leshan/report-core';
import { Dialog } from '../ui/dialog.js';
import { Field } from '../ui/field.js';
import { useEdit } from './use-edit.js';
import { NODE_KIND_LABELS } from '@leshan/report-core/labels';
import { z } from 'zod';
import { useFormDraft } from './use-form-draft.js';

export type AddRequest =
  | { kind: 'chapter'; index: number }
  | { kind: 'section'; chapterId: string; index: number }
  | { kind: 'measure'; sectionId: string; index: number };

/** The command that adds the node the editor asked for, with a fresh id from report-core. */
export function addCommand(request: AddRequest, text: string): { command: Command; id: string } {
  const title = text.trim() === '' ? null : text;
  switch (request.kind) {
    case 'chapter': {
      const id = createNodeId('c');
      return {
        id,
        command: {
          type: 'chapter.add',
          index: request.index,
          chapter: { id, number: request.index + 1, title, sections: [] },
        },
      };
    }
    case 'section': {
      const id = createNodeId('s');
      return {
        id,
        command: {
          type: 'section.add',
          chapterId: request.chapterId,
          index: request.index,
          section: { id, title, measures: [] },
        },
      };
    }
    case 'measure': {
      const id = createNodeId('m');
      return {
        id,
        command: {
          type: 'measure.add',
          sectionId: request.sectionId,
          index: request.index,
          measure: { id, text, indicators: [], places: [], tracking: emptyTracking() },
        },
      };
    }
  }
}

/** Asks for the new node's title or text first, so nothing is created with placeholder content. */
export function AddDialog({
  request,
  onDone,
}: {
  request: AddRequest;
  onDone: (id: string | null) => void;
}) {
  const edit = useEdit();
  // Kept in this tab's form drafts, one per kind (issue 13 point 1): closing the dialog, moving to
  // another measure or reloading keeps the typed text until it is added or discarded.
  const [text, setText, discard] = useFormDraft(`add:${request.kind}`, '', z.string());
  const [error, setError] = useState<string | null>(null);
  const measure = request.kind === 'measure';
  const title = `新增${NODE_KIND_LABELS[request.kind].zh}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (measure && text.trim() === '') {
      setError('请填写举措内容');
      return;
    }
    const { command, id } = addCommand(request, text);
    const outcome = edit([command], title);
    if (outcome.ok) {
      discard();
      onDone(id);
    } else setError(outcome.message);
  };
  return (
    <Dialog title={title} onClose={() => onDone(null)}>
      <form onSubmit={submit} noValidate>
        <Field
          label={measure ? '举措内容' : '标题'}
          error={error}
          {...(measure ? {} : { hint: '可以先留空：显示为“待补充标题”，之后再补上' })}
        >
          {(c) =>
            measure ? (
              <textarea {...c} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
            ) : (
              <input {...c} value={text} onChange={(e) => setText(e.target.value)} />
            )
          }
        </Field>
        {text === '' ? null : (
          <p className="hint">关闭后再打开，已输入的内容仍在；添加或放弃后才清除。</p>
        )}
        <div className="actions">
          <button type="button" onClick={() => onDone(null)}>
            取消
          </button>
          {text === '' ? null : (
            <button
              type="button"
              onClick={() => {
                discard();
                setError(null);
              }}
            >
              放弃已输入的内容
            </button>
          )}
          <button type="submit" className="primary">
            添加
          </button>
        </div>
      </form>
    </Dialog>
  );
}
