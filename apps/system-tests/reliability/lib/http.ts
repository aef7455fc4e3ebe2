import { capture } from './capture.js';

/** One HTTP answer as the suite keeps it. */
export interface Answer {
  status: number;
  headers: Headers;
  /** The body as bytes (files) and as UTF-8 text (everything else). */
  bytes: Buffer;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  ms: number;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
}

/** One request; every body and header received goes into the capture (password checks). */
export async function call(url: string, options: CallOptions = {}): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url, {
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body === undefined ? {} : { body: options.body }),
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  capture.response(text);
  capture.response([...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n'));
  let json: unknown;
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
  }
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    text,
    json,
    ms: performance.now() - started,
  };
}

/** A signed-in admin session: the cookie as a header value and the CSRF token. */
export interface Session {
  email: string;
  cookie: string;
  csrf: string;
}

export interface ApiOptions {
  session?: Session | undefined;
  /** A value sent as JSON. */
  json?: unknown;
  /** Bytes or text sent as they are (with Content-Type application/json unless told otherwise). */
  raw?: string | Buffer;
  contentType?: string;
  /** Send the session's CSRF token (default true). */
  csrf?: boolean;
  timeoutMs?: number;
}

/** The admin API of one running admin process. */
export class AdminClient {
  constructor(readonly baseUrl: () => string) {}

  request(method: string, path: string, options: ApiOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    const body =
      options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    if (options.session !== undefined) {
      headers.cookie = options.session.cookie;
      if (options.csrf !== false) headers['x-csrf-token'] = options.session.csrf;
    }
    return call(`${this.baseUrl()}${path}`, {
      method: method.toUpperCase(),
      headers,
      ...(body === undefined ? {} : { body }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  }

  async signIn(email: string, password: string): Promise<Session> {
    const res = await this.request('post', '/api/session', { json: { email, password } });
    if (res.status !== 200)
      throw new Error(`sign-in of ${email} failed: ${res.status} ${res.text}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const body = res.json as { csrfToken: string };
    return { email, cookie, csrf: body.csrfToken };
  }

  /** Creates the account as `admin` (when it does not exist yet) and signs it in. */
  async account(
    admin: Session,
    user: { email: string; password: string; role: string; displayName: string },
  ): Promise<Session> {
    const res = await this.request('post', '/api/users', { session: admin, json: user });
    if (res.status !== 201 && res.status !== 409)
      throw new Error(`cannot create ${user.email}: ${res.status} ${res.text}`);
    return this.signIn(user.email, user.password);
  }

  async get<T>(path: string, session: Session): Promise<T> {
    const res = await this.request('get', path, { session });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
    return res.json as T;
  }
}
