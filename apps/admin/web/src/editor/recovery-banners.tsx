import type { Command } from '@leshan/report-core';
import { useApp } from '../layout/app-context.js';
import { useDraft } from '../layout/use-draft.js';
import { formatTime } from '../ui/labels.js';

/** The words an editor typed in refused commands, shown so they can be copied, never lost unseen. */
function typedTexts(commands: readonly Command[]): string[] {
  return commands.flatMap((c) => {
    if (!('patch' in c)) return [];
    const patch: Record<string, unknown> = c.patch;
    return ['text', 'title', 'reasoning'].flatMap((k) => {
      const value = patch[k];
      return typeof value === 'string' && value !== '' ? [value] : [];
    });
  });
}

/**
 * What this tab holds that is not in the draft, in front of the editor: changes of a tab that
 * was closed before it could send them (offered back), and changes the server refused.
 */
export function RecoveryBanners() {
  const { store, announce } = useApp();
  const draft = useDraft();
  return (
    <>
      {draft.orphans.map((orphan) => (
        <div className="error-banner" role="alert" key={orphan.tabId}>
          <p>
            另一个已关闭的标签页有 {orphan.commands.length} 项修改没有保存（最后修改于{' '}
            {formatTime(orphan.savedAt)}）。
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                store.adoptOrphan(orphan.tabId);
                announce('已恢复这些修改，正在保存');
              }}
            >
              恢复并保存这些修改
            </button>
            <button type="button" onClick={() => store.discardOrphan(orphan.tabId)}>
              放弃这些修改
            </button>
          </div>
        </div>
      ))}
      {draft.rejected === null ? null : (
        <div className="error-banner" role="alert">
          <p>
            {draft.rejected.commands.length} 项修改没有保存：{draft.rejected.message}
          </p>
          {typedTexts(draft.rejected.commands).map((text, i) => (
            <blockquote key={i} className="rejected-text">
              {text}
            </blockquote>
          ))}
          <div className="actions">
            <button type="button" onClick={() => store.discardRejected()}>
              知道了，放弃这些修改
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/** Who else has this node open right now (presence from the live connection). */
export function PresenceNote({ nodeId }: { nodeId: string }) {
  const { store, session } = useApp();
  const draft = useDraft();
  const others = draft.presence.filter((p) => p.nodeId === nodeId && p.clientId !== store.tabId);
  if (others.length === 0) return null;
  const names = [
    ...new Set(others.map((p) => (p.userId === session.user.id ? '您的另一个标签页' : p.name))),
  ];
  return (
    <p className="presence hint" role="status">
      {names.join('、')} 也打开了此项
    </p>
  );
}
