import { buildOpenApi } from '@leshan/http-kit';
import type { RouteMeta } from '@leshan/http-kit';
import { API_BASE } from './links.js';

/** The read API's OpenAPI 3.1 document: every operation public (`security: []`), with ETags. */
export function viewerOpenApi(routes: readonly RouteMeta<'public'>[]): Record<string, unknown> {
  return buildOpenApi(routes, {
    info: {
      title: '乐山今后五年工作 · 公开数据接口 (Leshan report public API)',
      version: '1.0.0',
      description:
        'Read-only. Every answer has a strong ETag and Cache-Control and answers 304 to If-None-Match; CORS is open for GET, HEAD and OPTIONS. Any path may end in .json. Errors are { error, code, issues: [{ path, message }] } with the message in Chinese.',
      license: { name: 'MIT License', identifier: 'MIT' },
    },
    servers: [{ url: API_BASE }],
    security: () => [],
    etags: true,
  });
}
