import { useEffect, useMemo, useState } from 'react';
import type { Command } from '@leshan/report-core';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { AddDialog } from './add-dialog.js';
import type { AddRequest } from './add-dialog.js';
import { ConflictDialog } from './conflict-dialog.js';
import { deleteCommand, describeDeletion } from './delete-command.js';
import { DraftIssues } from './draft-issues.js';
import { NodeEditor } from './node-editor.js';
import { META_ID, outlineItems } from './outline-model.js';
import type { OutlineItem } from './outline-model.js';
import { OutlineTree } from './outline-tree.js';
import { PresenceNote, RecoveryBanners } from './recovery-banners.js';
import { useEdit } from './use-edit.js';

/** The outline beside the editing pane, with undo, add, delete and the conflict dialog. */
export function EditorScreen() {
  const { store, session, announce } = useApp();
  const draft = useDraft();
  const edit = useEdit();
  const canEdit = session.permissions.edit;
  // The open node is the store's, so it is still open after a visit to another screen.
  const selected = draft.openNode ?? META_ID;
  const setSelected = (id: string) => store.openNode(id);
  const [adding, setAdding] = useState<AddRequest | null>(null);
  const [deleting, setDeleting] = useState<OutlineItem | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const items = useMemo(
    () => (draft.report === null ? [] : outlineItems(draft.report)),
    [draft.report],
  );
  const item = items.find((i) => i.id === selected) ?? items[0];
  const lastUndo = draft.undo[draft.undo.length - 1];

  const undo = () => {
    const label = lastUndo?.label;
    const outcome = store.undoLast();
    setProblem(outcome.ok ? null : outcome.message);
    if (outcome.ok && label !== undefined) announce(`已撤销：${label}`);
  };

  // Ctrl+Z outside text fields undoes the last change (inside them the browser undoes typing).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target !== null &&
        (target.tagName === 'INPUT' ||
          target.tagName === 'TEXTAREA' ||
          target.tagName === 'SELECT');
      if (
        (event.ctrlKey || event.metaKey) &&
        event.key.toLowerCase() === 'z' &&
        !event.shiftKey &&
        !typing &&
        canEdit
      ) {
        event.preventDefault();
        undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (draft.report === null || item === undefined) {
    return (
      <p role="status">
        {draft.saveState === 'loading' ? '正在载入草稿…' : (draft.message ?? '草稿无法载入')}
      </p>
    );
  }
  const report = draft.report;

  const move = (command: Command, label: string) => {
    const outcome = edit([command], label);
    setProblem(outcome.ok ? null : outcome.message);
    if (outcome.ok) announce(`${label}完成`);
  };

  const confirmDelete = (target: OutlineItem) => {
    const command = deleteCommand(target);
    setDeleting(null);
    if (command === null) return;
    const outcome = edit([command], `删除“${target.label}”`);
    setProblem(outcome.ok ? null : outcome.message);
    if (outcome.ok) {
      setSelected(target.parentId ?? META_ID);
      announce(`已删除“${target.label}”。可以点击“撤销”恢复。`);
    }
  };

  return (
    <div className="editor-screen">
      <h1 className="visually-hidden">编辑草稿</h1>
      <div className="toolbar" role="toolbar" aria-label="草稿操作">
        {canEdit ? (
          <button
            type="button"
            onClick={undo}
            disabled={lastUndo === undefined}
            aria-keyshortcuts="Control+Z"
          >
            撤销{lastUndo === undefined ? '' : `：${lastUndo.label}`}
          </button>
        ) : null}
        {canEdit ? (
          <button
            type="button"
            onClick={() => setAdding({ kind: 'chapter', index: report.chapters.length })}
          >
            新增章
          </button>
        ) : null}
        <span className="hint">
          草稿第 {draft.revision} 版 · {report.chapters.length} 章
        </span>
      </div>
      {draft.message === null && problem === null ? null : (
        <p className="error-banner" role="alert">
          {problem ?? draft.message}
        </p>
      )}
      <RecoveryBanners />
      <DraftIssues report={report} />
      <div className="split">
        <OutlineTree
          report={report}
          selectedId={item.id}
          onSelect={setSelected}
          canEdit={canEdit}
          onMove={move}
          onDelete={setDeleting}
        />
        <section className="pane" aria-label="编辑区">
          <PresenceNote nodeId={item.id} />
          <NodeEditor
            key={item.id}
            report={report}
            item={item}
            canEdit={canEdit}
            onAdd={setAdding}
            onDelete={setDeleting}
          />
        </section>
      </div>
      {adding === null ? null : (
        <AddDialog
          request={adding}
          onDone={(id) => {
            setAdding(null);
            if (id !== null) {
              setSelected(id);
              announce('已添加，可以继续编辑');
            }
          }}
        />
      )}
      {deleting === null ? null : (
        <ConfirmDialog
          title="确认删除"
          message={<p>{describeDeletion(report, deleting)}</p>}
          confirmLabel="删除"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => confirmDelete(deleting)}
        />
      )}
      {draft.conflict === null ? null : (
        <ConflictDialog
          conflict={draft.conflict}
          onResolve={(choices) => {
            if (store.resolve(choices).ok) announce('冲突已处理，正在保存其余修改');
          }}
        />
      )}
    </div>
  );
}
