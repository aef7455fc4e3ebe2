import { buildOpenApi, STATE_CHANGING } from '@leshan/http-kit';
import type { RouteMeta } from '@leshan/http-kit';
import { SESSION_COOKIE } from '../auth/cookies.js';
import type { Access } from './route.js';

/** The admin API's OpenAPI 3.1 document: the session cookie on every guarded route, CSRF on changes. */
export function adminOpenApi(routes: readonly RouteMeta<Access>[]): Record<string, unknown> {
  return buildOpenApi(routes, {
    info: {
      title: '乐山政府工作报告 · 管理接口 (admin API)',
      version: '1.0.0',
      description:
        'Drafts, revisions, publishing, import and accounts. State-changing requests need the session cookie and the X-CSRF-Token header. Errors are { error, code, issues } with the message in Chinese.',
      license: { name: 'MIT License', identifier: 'MIT' },
    },
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    },
    security: (route) =>
      route.access === 'public'
        ? []
        : [STATE_CHANGING.has(route.method) ? { session: [], csrf: [] } : { session: [] }],
    // Malformed JSON, wrong types or unsafe text can reach any route; a guarded one refuses callers.
    commonErrors: (route) => (route.access === 'public' ? [400] : [400, 401, 403]),
  });
}
