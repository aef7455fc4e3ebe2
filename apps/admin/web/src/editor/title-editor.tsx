import { useState } from 'react';
import type { Command } from '@leshan/report-core';
import { CommandField } from './command-field.js';
import { useEdit } from './use-edit.js';
import { MISSING_TITLE } from '@leshan/report-core/labels';

interface TitleEditorProps {
  id: string;
  kind: 'chapter' | 'section';
  title: string | null;
  canEdit: boolean;
}

/** A chapter or section title; null means the source lacks the heading (原文缺失标题). */
export function TitleEditor({ id, kind, title, canEdit }: TitleEditorProps) {
  const edit = useEdit();
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = title === null && !writing;
  const update = (value: string | null): Command =>
    kind === 'chapter'
      ? { type: 'chapter.update', id, patch: { title: value } }
      : { type: 'section.update', id, patch: { title: value } };

  const toggleMissing = (checked: boolean) => {
    if (checked) {
      const outcome = edit([update(null)], '标记原文缺失标题');
      setError(outcome.ok ? null : outcome.message);
      setWriting(false);
    } else setWriting(true);
  };

  return (
    <div className="title-editor">
      {missing ? (
        <p className="missing-title">原文缺失标题：公开版本将显示为“{MISSING_TITLE}”。</p>
      ) : (
        <CommandField
          label="标题"
          value={title ?? ''}
          command={(text) => update(text)}
          editKey={`${id}:title`}
          readOnly={!canEdit}
        />
      )}
      {canEdit ? (
        <label className="check">
          <input
            type="checkbox"
            checked={missing}
            onChange={(e) => toggleMissing(e.target.checked)}
          />
          原文缺失标题
        </label>
      ) : null}
      {error === null ? null : (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
