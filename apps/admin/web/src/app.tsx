import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient } from './api/client.js';
import { endpoints } from './api/endpoints.js';
import type { Endpoints, SessionView } from './api/endpoints.js';
import { ReporterScreen } from './reporting/reporter-screen.js';
import { Workspace } from './layout/workspace.js';
import { FirstPassword } from './session/first-password.js';
import { SignIn } from './session/sign-in.js';

type SessionState =
  | { phase: 'checking' }
  | { phase: 'signed-out'; notice: string | null }
  | { phase: 'signed-in'; session: SessionView };

/** Checks the session cookie, then shows the sign-in form or the workspace. */
/** One client for the page's life: it holds the CSRF token of the session. */
const defaultClient = new ApiClient();

export function App({ client = defaultClient }: { client?: ApiClient }) {
  const api: Endpoints = useMemo(() => endpoints(client), [client]);
  const [state, setState] = useState<SessionState>({ phase: 'checking' });

  const enter = useCallback(
    (session: SessionView) => {
      client.setCsrfToken(session.csrfToken);
      setState({ phase: 'signed-in', session });
    },
    [client],
  );

  useEffect(() => {
    api.session().then(enter, () => setState({ phase: 'signed-out', notice: null }));
  }, [api, enter]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await api.signIn(email, password);
      enter(session);
      return session;
    },
    [api, enter],
  );

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      client.setCsrfToken(null);
      setState({ phase: 'signed-out', notice: '您已退出登录。' });
    }
  }, [api, client]);

  const expired = useCallback(() => {
    client.setCsrfToken(null);
    setState({
      phase: 'signed-out',
      notice: '登录已过期，请重新登录；未保存的修改已保留在本机，登录后会继续保存。',
    });
  }, [client]);

  if (state.phase === 'checking') {
    return (
      <main className="loading" id="main">
        <p role="status">正在载入…</p>
      </main>
    );
  }
  if (state.phase === 'signed-out') return <SignIn signIn={signIn} notice={state.notice} />;
  if (state.session.user.mustChangePassword)
    return <FirstPassword api={api} session={state.session} done={enter} signOut={signOut} />;
  if (state.session.user.role === 'reporter')
    return <ReporterScreen api={api} session={state.session} signOut={signOut} />;
  return (
    <Workspace
      key={state.session.user.id}
      api={api}
      session={state.session}
      signOut={signOut}
      renewSession={enter}
      onExpired={expired}
    />
  );
}
