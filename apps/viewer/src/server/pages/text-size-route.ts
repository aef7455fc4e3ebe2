import type { Request, RequestHandler, Response } from 'express';
import {
  isTextSize,
  sameSitePath,
  TEXT_SIZE_COOKIE,
  TEXT_SIZE_MAX_AGE_SECONDS,
} from '../../ui/text-size.js';

/**
 * GET /settings/text-size?size=large&back=/chapters/2 (issue 19): remembers the reader's text
 * size in a cookie for a year and answers 303 to `back`, a path of this site only (anything
 * else goes to /: no open redirect). Works without JavaScript: the header's links come here.
 * An unknown size is a 400 that says which sizes exist; nothing is set.
 */
export function textSizeRoute(siteUrl: string): RequestHandler {
  const secure = siteUrl.startsWith('https:');
  return (req: Request, res: Response): void => {
    res.setHeader('Cache-Control', 'no-store');
    const size = req.query.size;
    if (!isTextSize(size)) {
      res
        .status(400)
        .type('text/plain; charset=utf-8')
        .send(
          '字号只能是 standard（标准）、large（大）或 xlarge（特大）。\n' +
            'size must be standard, large or xlarge.\n',
        );
      return;
    }
    res.cookie(TEXT_SIZE_COOKIE, size, {
      maxAge: TEXT_SIZE_MAX_AGE_SECONDS * 1000,
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure,
    });
    res.redirect(303, sameSitePath(req.query.back));
  };
}
