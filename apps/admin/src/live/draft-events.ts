import type { RequestHandler } from 'express';
import type { Store } from '@leshan/report-store';
import { ApiError } from '@leshan/http-kit';
import { principalOf } from '../auth/principal.js';
import { unauthenticated } from '../http/route.js';
import { liveFor } from './draft-live.js';

/**
 * `GET /api/draft/events`: server-sent events of the draft for a signed-in editor, publisher or admin (a reporter is refused):
 * `event: revision` {revision, author, authorName, at, keys, summary, clientId, clientSeq},
 * `event: presence` {editors}, a heartbeat comment every 15 s. 429 past the limits; the stream
 * ends when its session does (sign-out, expiry, password change).
 */
export function draftEvents(store: Store): RequestHandler {
  return (req, res, next) => {
    const user = principalOf(req);
    if (user === undefined) {
      next(unauthenticated());
      return;
    }
    if (user.mustChangePassword) {
      next(new ApiError(403, 'password-change-required', '请先修改密码'));
      return;
    }
    // A reporter never sees the draft's editing (issue 18).
    if (user.role === 'reporter') {
      next(new ApiError(403, 'forbidden', '您的角色无权执行此操作'));
      return;
    }
    if (!liveFor(store).open(res, user.userId, user.token)) {
      next(new ApiError(429, 'too-many-streams', '打开的实时连接过多，请关闭其他标签页后再试'));
    }
  };
}
