import { useDraft } from '../layout/use-draft.js';
import { formatTime } from '../ui/labels.js';
import type { DraftState, SaveState } from './draft-store.js';

const TEXT: Record<SaveState, string> = {
  loading: '正在载入草稿…',
  saved: '已保存',
  pending: '有修改待保存…',
  saving: '正在保存…',
  offline: '离线：修改已存在本机，联网后自动保存',
  conflict: '与其他编辑的修改冲突，请处理',
  error: '保存失败',
};

/**
 * What the header says. "已保存" only when nothing is unsent, refused by the server, or
 * refused in a field (that value is still in its box with its error).
 */
export function saveStatusText(draft: DraftState): { state: string; text: string } {
  const unsent =
    draft.unsent > 0 && draft.saveState !== 'saving' ? `，${draft.unsent} 项未发送` : '';
  if (draft.saveState === 'saved' && draft.rejected !== null)
    return { state: 'rejected', text: `有 ${draft.rejected.commands.length} 项修改未被服务器接受` };
  if (draft.saveState === 'saved' && draft.refused > 0)
    return { state: 'refused', text: `有 ${draft.refused} 处输入未被接受，请修改后再保存` };
  if (draft.saveState === 'saved' && draft.unsent > 0)
    return { state: 'pending', text: `${TEXT.pending}${unsent}` };
  const suffix =
    draft.saveState === 'saved' && draft.savedAt !== null
      ? `（${formatTime(draft.savedAt)}，第 ${draft.revision} 版）`
      : '';
  return { state: draft.saveState, text: `${TEXT[draft.saveState]}${suffix}${unsent}` };
}

/** Saved / saving / offline, always visible, announced politely to screen readers. */
export function SaveStatus() {
  const { state, text } = saveStatusText(useDraft());
  return (
    <p
      className={`save-status save-${state}${state === 'refused' || state === 'rejected' ? ' save-error' : ''}`}
      role="status"
      aria-live="polite"
      data-state={state}
    >
      {text}
    </p>
  );
}
