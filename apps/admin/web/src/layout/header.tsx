import type { MouseEvent } from 'react';
import { ROLE_LABELS } from '../ui/labels.js';
import { SaveStatus } from '../editor/save-status.js';
import { useApp } from './app-context.js';
import { NAV_ITEMS } from './nav-items.js';
import { navigate, pathOf } from './router.js';
import type { Route } from './router.js';

/** Title, navigation, save state, and who is signed in with which role. */
export function Header({ route }: { route: Route }) {
  const { session, signOut } = useApp();
  const items = NAV_ITEMS.filter((item) => item.needs === null || session.permissions[item.needs]);
  const go = (event: MouseEvent, target: Route) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(target);
    document.getElementById('main')?.focus();
  };
  return (
    <header className="top">
      <div className="brand">乐山政府工作报告 · 编辑工作台</div>
      <nav aria-label="主导航">
        <ul>
          {items.map((item) => (
            <li key={item.route}>
              <a
                href={pathOf(item.route)}
                aria-current={item.route === route ? 'page' : undefined}
                onClick={(e) => go(e, item.route)}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
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
        <button type="button" onClick={() => void signOut()}>
          退出登录
        </button>
      </div>
    </header>
  );
}
