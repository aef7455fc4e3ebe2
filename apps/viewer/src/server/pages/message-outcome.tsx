import type { Lang } from '../../ui/i18n.js';
import { MessagePage } from '../../ui/pages/message-page.js';
import type { PageOutcome } from './page-handler.js';

// The message pages every page router answers with; a module of their own, so the routers that use
// them do not import one another (page-routes mounts compare-routes and search-routes).

/** A 404 or 400 page in the interface language. */
export function messageOutcome(status: number, title: string, lines: string[]): PageOutcome {
  return {
    kind: 'page',
    status,
    content: { title, element: <MessagePage title={title} lines={lines} /> },
  };
}

export function notFoundOutcome(lang: Lang): PageOutcome {
  return lang === 'en'
    ? messageOutcome(404, 'Page not found', ['There is no page at this address.'])
    : messageOutcome(404, '页面不存在', ['此地址没有页面，请检查链接。']);
}
