import { useCallback, useEffect, useMemo, useState } from 'react';
import { ReviewScreen } from '../reporting/review-screen.js';
import { FeedbackScreen } from '../feedback/feedback-screen.js';
import { OutlineDrawer } from './outline-drawer.js';
import type { Endpoints, SessionView } from '../api/endpoints.js';
import { useDraftSession } from '../editor/draft-session.js';
import { EditorScreen } from '../editor/editor-screen.js';
import { HistoryScreen } from '../history/history-screen.js';
import { ImportScreen } from '../import/import-screen.js';
import { SheetScreen } from '../sheet/sheet-screen.js';
import { PreviewScreen } from '../preview/preview-screen.js';
import { PublishScreen } from '../publish/publish-screen.js';
import { AuditScreen } from '../users/audit-screen.js';
import { UsersScreen } from '../users/users-screen.js';
import { AccountScreen } from '../session/account-screen.js';
import { DepartmentsScreen } from '../follow-up/departments-screen.js';
import { OversightScreen } from '../follow-up/oversight-screen.js';
import { AppContext } from './app-context.js';
import type { AppContextValue } from './app-context.js';
import { allowedRoutes } from './nav-items.js';
import { useRoute } from './router.js';
import { Header } from './header.js';

interface WorkspaceProps {
  api: Endpoints;
  session: SessionView;
  signOut: () => Promise<void>;
  renewSession: (session: SessionView) => void;
  onExpired: () => void;
}

/** The signed-in workspace: one draft store for the session, the header and the current screen. */
export function Workspace({ api, session, signOut, renewSession, onExpired }: WorkspaceProps) {
  const store = useDraftSession(api, session, onExpired);
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((message: string) => setAnnouncement(message), []);
  const value: AppContextValue = useMemo(
    () => ({ api, session, store, signOut, renewSession, announce }),
    [api, session, store, signOut, renewSession, announce],
  );

  const route = useRoute();
  const allowed = allowedRoutes(session.permissions);
  const current = allowed.includes(route) ? route : 'edit';

  useEffect(() => {
    document.title = `${TITLES[current]} · 乐山政府工作报告编辑工作台`;
  }, [current]);

  return (
    <AppContext.Provider value={value}>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Header route={current} />
      <main id="main" tabIndex={-1} className={`screen screen-${current}`}>
        {current === 'edit' ? (
          <OutlineDrawer>
            <EditorScreen />
          </OutlineDrawer>
        ) : null}
        {current === 'preview' ? <PreviewScreen /> : null}
        {current === 'history' ? <HistoryScreen /> : null}
        {current === 'publish' ? <PublishScreen /> : null}
        {current === 'departments' ? <DepartmentsScreen /> : null}
        {current === 'oversight' ? <OversightScreen /> : null}
        {current === 'import' ? <ImportScreen /> : null}
        {current === 'sheet' ? <SheetScreen /> : null}
        {current === 'users' ? <UsersScreen /> : null}
        {current === 'audit' ? <AuditScreen /> : null}
        {current === 'review' ? <ReviewScreen /> : null}
        {current === 'feedback' ? <FeedbackScreen /> : null}
        {current === 'account' ? <AccountScreen /> : null}
      </main>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </AppContext.Provider>
  );
}

const TITLES = {
  edit: '编辑',
  preview: '预览',
  history: '修订历史',
  publish: '发布',
  departments: '单位管理',
  oversight: '督办看板',
  import: '导入原文',
  sheet: '批量更新',
  users: '用户管理',
  audit: '审计日志',
  review: '待审核',
  feedback: '公众反馈',
  account: '我的账号',
} as const;
