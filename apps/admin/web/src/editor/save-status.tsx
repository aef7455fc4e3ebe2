import { useDraft } from '../layout/use-draft.js';
import { formatTime } from '../ui/labels.js';
import type { SaveState } from './draft-store.js';

const TEXT: Record<SaveState, string> = {
  loading: '正在载入草稿…',
  saved: '已保存',
  pending: '有修改待保存…',
  saving: '正在保存…',
  offline: '离线：修改已存在本机，联网后自动保存',
  conflict: '与其他编辑的修改冲突，请处理',
  error: '保存失败',
};

/** Saved / saving / offline, always visible, announced politely to screen readers. */
export function SaveStatus() {
  const draft = useDraft();
  const suffix =
    draft.saveState === 'saved' && draft.savedAt !== null
      ? `（${formatTime(draft.savedAt)}，第 ${draft.revision} 版）`
      : '';
  const unsent =
    draft.unsent > 0 && draft.saveState !== 'saving' ? `，${draft.unsent} 项未发送` : '';
  return (
    <p
      className={`save-status save-${draft.saveState}`}
      role="status"
      aria-live="polite"
      data-state={draft.saveState}
    >
      {TEXT[draft.saveState]}
      {suffix}
      {unsent}
    </p>
  );
}
