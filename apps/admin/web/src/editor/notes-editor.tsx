import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  createNodeId,
  EditorialNoteSchema,
  NOTE_KIND_LABELS,
  NOTE_STATUS_LABELS,
  NOTE_VISIBILITY_LABELS,
  NoteKindSchema,
  noteVisibility,
  NoteVisibilitySchema,
  toValidationIssues,
} from '@leshan/report-core';
import type { EditorialNote, NoteKind, NoteVisibility, Report } from '@leshan/report-core';
import { noteLabel } from '@leshan/report-core/labels';
import { z } from 'zod';
import { Field } from '../ui/field.js';
import { useFormDraft } from './use-form-draft.js';
import { CommandField } from './command-field.js';
import { useEdit } from './use-edit.js';

interface NotesEditorProps {
  report: Report;
  nodeId: string;
  sourceLines: number[];
  canEdit: boolean;
}

/** The editorial notes about a node: kind, status, reasoning; resolve; add a new question. */
export function NotesEditor({ report, nodeId, sourceLines, canEdit }: NotesEditorProps) {
  const notes = report.notes.filter((n) => n.nodeIds.includes(nodeId));
  return (
    <section className="panel" aria-labelledby={`${nodeId}-notes`}>
      <h3 id={`${nodeId}-notes`}>编辑说明（{notes.length}）</h3>
      {notes.length === 0 ? <p className="hint">没有关于此项的编辑说明。</p> : null}
      {notes.map((note) => (
        <NoteItem
          key={note.id}
          note={note}
          label={noteLabel(report, note.id) ?? '编辑说明'}
          canEdit={canEdit}
        />
      ))}
      {canEdit ? <NewNoteForm nodeId={nodeId} sourceLines={sourceLines} /> : null}
    </section>
  );
}

function NoteItem({
  note,
  label,
  canEdit,
}: {
  note: EditorialNote;
  /** noteLabel: 编辑说明三, never the note's id (issue 19). */
  label: string;
  canEdit: boolean;
}) {
  const edit = useEdit();
  const [error, setError] = useState<string | null>(null);
  const patch = (
    p: { kind?: NoteKind; status?: 'open' | 'resolved'; visibility?: NoteVisibility },
    label: string,
  ) => {
    const outcome = edit([{ type: 'note.update', id: note.id, patch: p }], label);
    setError(outcome.ok ? null : outcome.message);
  };
  const visibility = noteVisibility(note);
  return (
    <article className={`note note-${note.status}`} aria-label={label}>
      <p>
        <span className={`tag status-${note.status}`}>{NOTE_STATUS_LABELS[note.status].zh}</span>{' '}
        <span className={`tag visibility-${visibility}`}>
          {NOTE_VISIBILITY_LABELS[visibility].zh}
        </span>
        <span className="hint">
          {' '}
          {label}
          {note.sourceLines.length > 0 ? ` · 原文第 ${note.sourceLines.join('、')} 行` : ''}
        </span>
      </p>
      <div className="row">
        <Field label="类型">
          {(c) => (
            <select
              {...c}
              value={note.kind}
              disabled={!canEdit}
              onChange={(e) =>
                patch({ kind: NoteKindSchema.parse(e.target.value) }, '修改说明类型')
              }
            >
              {NoteKindSchema.options.map((k) => (
                <option key={k} value={k}>
                  {NOTE_KIND_LABELS[k].zh}
                </option>
              ))}
            </select>
          )}
        </Field>
        <VisibilityField
          value={visibility}
          disabled={!canEdit}
          onChange={(next) =>
            patch({ visibility: next }, next === 'public' ? '公开编辑说明' : '设为内部编辑说明')
          }
        />
        {canEdit ? (
          <button
            type="button"
            className={note.status === 'open' ? 'primary' : undefined}
            onClick={() =>
              patch(
                { status: note.status === 'open' ? 'resolved' : 'open' },
                note.status === 'open' ? '解决编辑说明' : '重新打开编辑说明',
              )
            }
          >
            {note.status === 'open' ? '标记为已解决' : '重新打开'}
          </button>
        ) : null}
      </div>
      {note.originalText === undefined ? null : <p className="hint">原文：{note.originalText}</p>}
      {note.correctedText === undefined ? null : (
        <p className="hint">更正为：{note.correctedText}</p>
      )}
      {note.removedText === undefined ? null : (
        <p className="hint">删除的重复段落：{note.removedText.join(' / ')}</p>
      )}
      <CommandField
        label="理由"
        value={note.reasoning}
        command={(reasoning) => ({ type: 'note.update', id: note.id, patch: { reasoning } })}
        editKey={`${note.id}:reasoning`}
        multiline
        readOnly={!canEdit}
      />
      {error === null ? null : (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

/** Whether a note is published: 内部（不公开） or 公开, with what each means. */
function VisibilityField(props: {
  value: NoteVisibility;
  disabled?: boolean;
  /** Says what the choice means (in the new-question form; a note's own tag says it already). */
  explain?: boolean;
  onChange: (next: NoteVisibility) => void;
}) {
  const hint = props.value === 'internal' ? '仅编辑可见，发布时不包含。' : '发布后公众可见。';
  return (
    <Field label="公开范围" {...(props.explain === true ? { hint } : {})}>
      {(c) => (
        <select
          {...c}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(NoteVisibilitySchema.parse(e.target.value))}
        >
          {NoteVisibilitySchema.options.map((v) => (
            <option key={v} value={v}>
              {NOTE_VISIBILITY_LABELS[v].zh}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const NewNoteFormSchema = z.object({
  kind: NoteKindSchema,
  // A question an editor raises is internal unless they choose to publish it (issue 13 point 8).
  visibility: NoteVisibilitySchema.default('internal'),
  reasoning: z.string(),
});

function NewNoteForm({ nodeId, sourceLines }: { nodeId: string; sourceLines: number[] }) {
  const edit = useEdit();
  // Kept in this tab's form drafts: an unsubmitted question survives selecting another node.
  const [form, setForm, clearForm] = useFormDraft(
    `note:${nodeId}`,
    { kind: 'ambiguous', visibility: 'internal', reasoning: '' },
    NewNoteFormSchema,
  );
  const { kind, visibility, reasoning } = form;
  const setKind = (next: NoteKind) => setForm({ ...form, kind: next });
  const setReasoning = (next: string) => setForm({ ...form, reasoning: next });
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = EditorialNoteSchema.safeParse({
      id: createNodeId('note'),
      kind,
      status: 'open',
      visibility,
      nodeIds: [nodeId],
      sourceLines,
      reasoning,
    });
    if (!parsed.success) {
      setError(toValidationIssues(parsed.error.issues)[0]?.message.zh ?? '请填写理由');
      return;
    }
    const outcome = edit([{ type: 'note.add', note: parsed.data }], '添加编辑说明');
    setError(outcome.ok ? null : outcome.message);
    if (outcome.ok) clearForm();
  };
  return (
    <form className="note-form" onSubmit={submit} noValidate aria-labelledby={`${nodeId}-new-note`}>
      <h4 id={`${nodeId}-new-note`}>提出编辑问题</h4>
      <Field label="类型">
        {(c) => (
          <select
            {...c}
            value={kind}
            onChange={(e) => setKind(NoteKindSchema.parse(e.target.value))}
          >
            {NoteKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {NOTE_KIND_LABELS[k].zh}
              </option>
            ))}
          </select>
        )}
      </Field>
      <VisibilityField
        value={visibility}
        onChange={(next) => setForm({ ...form, visibility: next })}
      />
      <Field label="问题或理由" error={error}>
        {(c) => (
          <textarea
            {...c}
            rows={2}
            value={reasoning}
            onChange={(e) => setReasoning(e.target.value)}
          />
        )}
      </Field>
      <button type="submit">添加编辑说明</button>
    </form>
  );
}
