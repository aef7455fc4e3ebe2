import { useEffect, useState } from 'react';
import { useApp } from '../layout/app-context.js';
import { Dialog } from '../ui/dialog.js';
import { ErrorMessage } from '../ui/error-message.js';
import { formatTime } from '../ui/labels.js';
import type { RestoreNodeResult } from './history-endpoints.js';

interface RestoreNodeDialogProps {
  revision: number;
  nodeId: string;
  label: string;
  onClose: () => void;
}

/**
 * Restores one node as it was in a revision. It first asks the server what that would do (a dry
 * run) and lists the later changes by other editors it would revert; only then can it be confirmed.
 */
export function RestoreNodeDialog({ revision, nodeId, label, onClose }: RestoreNodeDialogProps) {
  const { api, store, announce } = useApp();
  const [plan, setPlan] = useState<RestoreNodeResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.restoreNode(revision, nodeId, true).then(
      (p) => live && setPlan(p),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [api, revision, nodeId]);

  const confirm = async () => {
    setBusy(true);
    try {
      await store.flush();
      await api.restoreNode(revision, nodeId, false, store.state.revision);
      await store.reload();
      announce(`已将“${label}”恢复为第 ${revision} 版时的样子`);
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const later = plan?.laterChangesByOthers ?? [];
  const nothing = plan !== null && plan.commands.length === 0;
  return (
    <Dialog title="只恢复一处" onClose={onClose}>
      <div className="dialog-body">
        <p>
          将“{label}”恢复为第 {revision} 版时的样子。这会产生一个新的修订，其他内容不变。
        </p>
        <ErrorMessage error={error} />
        {plan === null && error === null ? <p role="status">正在检查会撤销哪些修改…</p> : null}
        {nothing ? <p role="status">这一处与第 {revision} 版时相同，无需恢复。</p> : null}
        {!nothing && plan !== null && later.length === 0 ? (
          <p>第 {revision} 版之后没有其他人修改过这一处。</p>
        ) : null}
        {later.length === 0 ? null : (
          <div className="later-changes" role="alert">
            <p>
              <strong>这会撤销其他人之后的 {later.length} 次修改：</strong>
            </p>
            <ul>
              {later.map((change) => (
                <li key={change.number}>
                  第 {change.number} 版 · {change.authorName ?? '系统'} ·{' '}
                  <time dateTime={change.at}>{formatTime(change.at)}</time>
                  <ul>
                    {change.summary.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {nothing ? '关闭' : '取消'}
        </button>
        {nothing ? null : (
          <button
            type="button"
            className={later.length === 0 ? 'primary' : 'danger'}
            disabled={plan === null || busy}
            onClick={() => void confirm()}
          >
            {busy ? '正在恢复…' : later.length === 0 ? '恢复' : '仍然恢复'}
          </button>
        )}
      </div>
    </Dialog>
  );
}
