import { useState } from 'react';
import type { MouseEvent } from 'react';
import { ROLE_LABELS } from '../ui/labels.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { SaveStatus } from '../editor/save-status.js';
import { useApp } from './app-context.js';
import { useDraft } from './use-draft.js';
import { MainNav } from './main-nav.js';
import { navItemsFor } from './nav-items.js';
import { navigate, pathOf } from './router.js';
import type { Route } from './router.js';

/** Title, navigation, save state, and who is signed in with which role. */
export function Header({ route }: { route: Route }) {
  const { session, signOut, store } = useApp();
  const draft = useDraft();
  const [leaving, setLeaving] = useState<'sending' | 'asking' | null>(null);
  const items = navItemsFor(session.permissions);
  const go = (event: MouseEvent, target: Route) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(target);
    document.getElementById('main')?.focus();
  };
  // Signing out sends unsent changes first; what cannot be sent (offline, a conflict) is asked about.
  const leave = async () => {
    setLeaving('sending');
    const sent = await store.flushAll();
    if (!sent || store.state.refused > 0 || store.state.rejected !== null) {
      setLeaving('asking');
      return;
    }
    setLeaving(null);
    await signOut();
  };
  const waiting = draft.unsent;
  const refused = draft.refused;
  return (
    <header className="top">
      <div className="brand">
        乐山政府工作报告<span className="brand-dot"> · </span>
        <span className="brand-sub">编辑工作台</span>
      </div>
      <MainNav items={items} route={route} go={go} />
      <SaveStatus />
      <div className="user">
        <span className="user-name">{session.user.displayName}</span>
        <span className="role-badge">{ROLE_LABELS[session.user.role]}</span>
        <a
          href={pathOf('account')}
          aria-current={route === 'account' ? 'page' : undefined}
          onClick={(e) => go(e, 'account')}
        >
          修改密码
        </a>
        <button type="button" onClick={() => void leave()} disabled={leaving === 'sending'}>
          {leaving === 'sending' ? '正在保存…' : '退出登录'}
        </button>
      </div>
      {leaving === 'asking' ? (
        <ConfirmDialog
          title="还有修改没有保存"
          message={
            <p>
              {waiting > 0
                ? `有 ${waiting} 项修改未能发送到服务器（离线，或与其他编辑的修改冲突）。`
                : ''}
              {refused > 0 ? `有 ${refused} 处输入未被接受，仍在其输入框中。` : ''}
              退出后它们仍保留在本机这个标签页，您下次在此登录时会继续保存。
            </p>
          }
          confirmLabel="仍然退出"
          onCancel={() => setLeaving(null)}
          onConfirm={() => {
            setLeaving(null);
            void signOut();
          }}
        />
      ) : null}
    </header>
  );
}
