import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { ApiError } from '@leshan/http-kit';
import { unsafeTextReason } from '@leshan/report-core/model';

// Text the API stores ends up in SQL rows, XML (XLSX, DOCX), PDF and HTML: what it may hold is
// report-core's rule (unsafeTextReason). Bytes that are not UTF-8 would be silently replaced by
// U+FFFD. Both are refused at the door with a 400 naming the field, before any handler sees the body.

const MAX_ISSUES = 20;

/** Every string (keys too) of a parsed JSON body that may not be stored, with its path. */
export function unsafeTextIssues(
  value: unknown,
  path = 'body',
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: { value: unknown; path: string }[] = [{ value, path }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const next = stack.pop();
    if (next === undefined) break;
    if (typeof next.value === 'string') {
      const reason = unsafeTextReason(next.value);
      if (reason !== null) issues.push({ path: next.path, message: reason.zh });
    } else if (Array.isArray(next.value)) {
      next.value.forEach((item: unknown, i) =>
        stack.push({ value: item, path: `${next.path}.${i}` }),
      );
    } else if (typeof next.value === 'object' && next.value !== null) {
      for (const [key, item] of Object.entries(next.value)) {
        const reason = unsafeTextReason(key);
        if (reason !== null) issues.push({ path: next.path, message: `字段名${reason.zh}` });
        else stack.push({ value: item, path: `${next.path}.${key}` });
      }
    }
  }
  return issues;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** express.json `verify`: a body that is not valid UTF-8 is refused instead of being patched up. */
export function verifyUtf8(_req: IncomingMessage, _res: unknown, buffer: Buffer): void {
  try {
    utf8.decode(buffer);
  } catch {
    throw new ApiError(400, 'invalid-utf8', '请求内容不是有效的 UTF-8 文本，请检查文件编码后重试');
  }
}

/** Refuses a JSON body with control characters or lone surrogates anywhere in it. */
export const rejectUnsafeText: RequestHandler = (req, _res, next) => {
  const body: unknown = req.body;
  if (body === undefined || body === null || typeof body !== 'object') {
    next();
    return;
  }
  const issues = unsafeTextIssues(body);
  if (issues.length > 0) {
    next(
      new ApiError(400, 'invalid-text', '请求内容含有不能保存的字符，请按提示删除后重试', {
        issues,
      }),
    );
    return;
  }
  next();
};
