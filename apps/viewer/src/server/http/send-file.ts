import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { ApiError } from '@leshan/http-kit';
import { sendError } from '@leshan/http-kit/express';
import type { Artifact } from '../../schemas.js';
import type { LocatedArtifact } from '../source.js';
import { CACHE, matchesIfNoneMatch } from './respond.js';

/** What the file server tells the operator: one line per refused or failed download. */
export interface FileGuardHooks {
  log: (line: string) => void;
  /**
   * A file differs from what the worker recorded (size or sha256): it is not served. The viewer is
   * read-only; the worker's reconcile loop regenerates such files, and this hook is where a
   * deployment may ask it to hurry.
   */
  onMismatch: (artifact: Artifact, reason: string) => void;
}

const CHECKED_LIMIT = 2000;

/**
 * Which files were checked against their record, by path, with the identity (size, mtime, inode)
 * they had then: a file is hashed before it is first served and again when that identity changes.
 */
export class FileGuard {
  private readonly checked = new Map<string, string>();

  constructor(readonly hooks: FileGuardHooks) {}

  isChecked(path: string, identity: string): boolean {
    return this.checked.get(path) === identity;
  }

  remember(path: string, identity: string): void {
    this.checked.delete(path);
    this.checked.set(path, identity);
    if (this.checked.size > CHECKED_LIMIT) {
      const oldest = this.checked.keys().next();
      if (oldest.done !== true) this.checked.delete(oldest.value);
    }
  }

  forget(path: string): void {
    this.checked.delete(path);
  }
}

/**
 * Logs to stderr; a file that differs from its record is also reported to `ask` (the store's
 * regeneration request, which the worker's reconcile loop takes).
 */
export function defaultFileGuard(
  ask?: (artifact: Artifact, reason: string) => Promise<void>,
): FileGuard {
  const log = (line: string): void => void process.stderr.write(`viewer: ${line}\n`);
  return new FileGuard({
    log,
    onMismatch: (artifact, reason) => {
      log(`export ${artifact.fileName} (${artifact.id}) needs regenerating: ${reason}`);
      void ask?.(artifact, reason).catch(() => undefined);
    },
  });
}

const identityOf = (s: Stats): string => `${s.size}|${s.mtimeMs}|${s.ino}|${s.dev}`;

const missing = (fileName: string): ApiError =>
  new ApiError(404, 'not-found', `文件“${fileName}”暂不可下载（文件不存在），请稍后再试`);
const unreadable = (fileName: string): ApiError =>
  new ApiError(500, 'file-unreadable', `文件“${fileName}”暂时无法读取，请稍后再试`);
const mismatch = (fileName: string): ApiError =>
  new ApiError(
    503,
    'file-mismatch',
    `文件“${fileName}”与发布时的记录不符，正在重新生成，请稍后再试`,
  );

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

const GONE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

async function sha256Of(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(64 * 1024);
  for (let position = 0; ;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) return hash.digest('hex');
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
}

type Span = { status: 200 | 206; start: number; end: number } | { status: 416 };

/**
 * The part of the file to send: the whole, one range (206), or 416. Several ranges, malformed
 * ones and a Range whose If-Range names another version get the whole file (RFC 9110 §14.2).
 */
function spanOf(req: Request, size: number, etag: string): Span {
  const whole: Span = { status: 200, start: 0, end: size - 1 };
  const header = req.get('range');
  if (header === undefined || req.method !== 'GET') return whole;
  const ifRange = req.get('if-range');
  if (ifRange !== undefined && ifRange.trim() !== etag) return whole;
  const ranges = req.range(size, { combine: true });
  if (ranges === -1) return { status: 416 };
  if (ranges === -2 || ranges === undefined || ranges.type !== 'bytes' || ranges.length !== 1)
    return whole;
  const [range] = ranges;
  return range === undefined ? whole : { status: 206, start: range.start, end: range.end };
}

const aborted = (res: Response): boolean => res.destroyed || res.writableEnded;

/**
 * Sends an export file: headers first, the file opened only when a body goes out (not for HEAD,
 * 304 or 416), checked against its recorded size and sha256 before it is first served and
 * whenever its size, mtime or inode change (503 on a mismatch), streamed with every error
 * handled: an aborted download closes the file, a vanished one is 404, an unreadable one 500.
 */
export async function sendArtifact(
  req: Request,
  res: Response,
  located: LocatedArtifact,
  guard: FileGuard,
): Promise<void> {
  const { meta, bytes } = located;
  const where = `${req.method} ${req.originalUrl}`;
  const fail = (error: ApiError, line: string): void => {
    guard.hooks.log(`${where}: ${line}`);
    if (!res.headersSent) sendError(res, error);
    else res.destroy();
  };
  const refuse = (reason: string): void => {
    guard.hooks.onMismatch(meta, reason);
    fail(mismatch(meta.fileName), `${meta.fileName} refused: ${reason}`);
  };

  const size = bytes.kind === 'memory' ? bytes.bytes.byteLength : meta.size;
  if (bytes.kind === 'file') {
    let stats: Stats;
    try {
      stats = await stat(bytes.path);
    } catch (error) {
      const code = errorCode(error);
      if (code !== undefined && GONE.has(code))
        return fail(missing(meta.fileName), `${bytes.path} is missing (${code})`);
      return fail(unreadable(meta.fileName), `${bytes.path}: ${String(error)}`);
    }
    if (!stats.isFile()) return fail(missing(meta.fileName), `${bytes.path} is not a file`);
    if (stats.size !== meta.size)
      return refuse(`size ${stats.size} on disk, ${meta.size} recorded`);
  }

  const etag = `"${meta.sha256}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', CACHE.immutable);
  res.setHeader('Accept-Ranges', 'bytes');
  res.attachment(meta.fileName);
  res.setHeader('Content-Type', meta.mediaType);
  if (matchesIfNoneMatch(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  const span = spanOf(req, size, etag);
  if (span.status === 416) {
    res.setHeader('Content-Range', `bytes */${size}`);
    sendError(
      res,
      new ApiError(416, 'range-not-satisfiable', `请求的范围超出文件大小（共 ${size} 字节）`),
    );
    return;
  }
  const length = size === 0 ? 0 : span.end - span.start + 1;
  res.status(span.status);
  if (span.status === 206)
    res.setHeader('Content-Range', `bytes ${span.start}-${span.end}/${size}`);
  res.setHeader('Content-Length', String(length));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  if (bytes.kind === 'memory') {
    res.end(bytes.bytes.subarray(span.start, span.start + length));
    return;
  }
  if (aborted(res)) return;

  let handle: FileHandle;
  try {
    handle = await open(bytes.path, 'r');
  } catch (error) {
    const code = errorCode(error);
    if (code !== undefined && GONE.has(code))
      return fail(missing(meta.fileName), `${bytes.path} vanished (${code})`);
    return fail(unreadable(meta.fileName), `${bytes.path} cannot be read: ${String(error)}`);
  }
  try {
    const stats = await handle.stat();
    const identity = identityOf(stats);
    if (!guard.isChecked(bytes.path, identity)) {
      if (stats.size !== meta.size)
        return refuse(`size ${stats.size} on disk, ${meta.size} recorded`);
      const sha256 = await sha256Of(handle);
      if (sha256 !== meta.sha256) {
        guard.forget(bytes.path);
        return refuse(`sha256 ${sha256} on disk, ${meta.sha256} recorded`);
      }
      guard.remember(bytes.path, identity);
    }
    if (aborted(res)) return;
    if (length === 0) {
      res.end();
      return;
    }
    const stream = handle.createReadStream({
      start: span.start,
      end: span.end,
      autoClose: false,
    });
    await pipeline(stream, res);
  } catch (error) {
    // A client that goes away mid-download is ordinary; anything else is logged.
    if (errorCode(error) !== 'ERR_STREAM_PREMATURE_CLOSE')
      fail(unreadable(meta.fileName), `${bytes.path} failed while sent: ${String(error)}`);
    else if (!res.destroyed) res.destroy();
  } finally {
    await handle.close().catch((error: unknown) => {
      guard.hooks.log(`${where}: closing ${bytes.path}: ${String(error)}`);
    });
  }
}

/**
 * A download answer's content: the file located, not opened. The viewer's sender recognizes it
 * and calls sendArtifact; iterating it (any other sender) opens the file then, and closes it.
 */
export class ArtifactContent implements AsyncIterable<Uint8Array> {
  constructor(readonly located: LocatedArtifact) {}

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const { bytes } = this.located;
    if (bytes.kind === 'memory') {
      yield bytes.bytes;
      return;
    }
    const handle = await open(bytes.path, 'r');
    try {
      for await (const chunk of handle.createReadStream({ autoClose: false }))
        yield chunk as Buffer;
    } finally {
      await handle.close();
    }
  }
}

/** sendArtifact for the sender of the read API, which has no `next`: a failure is logged and answered 500. */
export function sendArtifactAnswer(
  req: Request,
  res: Response,
  content: ArtifactContent,
  guard: FileGuard,
): void {
  sendArtifact(req, res, content.located, guard).catch((error: unknown) => {
    guard.hooks.log(`${req.method} ${req.originalUrl}: ${String(error)}`);
    if (!res.headersSent)
      sendError(res, new ApiError(500, 'internal', '服务器内部错误，请稍后重试'));
    else res.destroy();
  });
}
