import { z } from 'zod';
import type { Credentials } from './system.js';

const SessionSchema = z.object({ csrfToken: z.string().min(1) });

export interface Answer {
  status: number;
  body: unknown;
}

/** A signed-in session on the admin API (/api), as the admin UI holds one: cookie + CSRF token. */
export class AdminSession {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  /** Signs in; the answer's status when the credentials are refused. */
  static async signIn(baseUrl: string, credentials: Credentials): Promise<AdminSession | number> {
    const res = await fetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: credentials.email, password: credentials.password }),
    });
    if (res.status !== 200) return res.status;
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .join('; ');
    const { csrfToken } = SessionSchema.parse(await res.json());
    return new AdminSession(baseUrl, cookie, csrfToken);
  }

  static async mustSignIn(baseUrl: string, credentials: Credentials): Promise<AdminSession> {
    const session = await AdminSession.signIn(baseUrl, credentials);
    if (typeof session === 'number')
      throw new Error(`admin refused ${credentials.email}: HTTP ${session}`);
    return session;
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Answer> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  }

  /** GET that must answer 200, parsed with the given schema. */
  async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const answer = await this.request('GET', path);
    if (answer.status !== 200)
      throw new Error(`GET ${path}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return schema.parse(answer.body);
  }

  /** A state-changing request that must succeed (2xx). */
  async send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<unknown> {
    const answer = await this.request(method, path, body);
    if (answer.status < 200 || answer.status > 299)
      throw new Error(`${method} ${path}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}

const MeasureLikeSchema = z.looseObject({ id: z.string(), text: z.string() });
const DraftSchema = z.object({
  revision: z.number(),
  report: z.looseObject({
    chapters: z.array(
      z.looseObject({ sections: z.array(z.looseObject({ measures: z.array(MeasureLikeSchema) })) }),
    ),
  }),
});

/** The draft's revision and the measure with this id, from GET /api/draft. */
export async function draftMeasure(
  session: AdminSession,
  id: string,
): Promise<{ revision: number; text: string }> {
  const draft = await session.get('/api/draft', DraftSchema);
  const measure = draft.report.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures))
    .find((m) => m.id === id);
  if (measure === undefined) throw new Error(`the draft has no measure ${id}`);
  return { revision: draft.revision, text: measure.text };
}

/**
 * Adds a sentence to a measure's text through the API (one `measure.update` command; the text
 * keeps its indicators' wording, which validation requires). Returns the new text.
 */
export async function appendToMeasureText(
  session: AdminSession,
  id: string,
  sentence: string,
): Promise<string> {
  const { revision, text } = await draftMeasure(session, id);
  const next = `${text}${sentence}`;
  await session.send('POST', '/api/draft/commands', {
    baseRevision: revision,
    commands: [{ type: 'measure.update', id, patch: { text: next } }],
  });
  return next;
}

/** Publishes the draft as it is now; the new edition's number. */
export async function publish(session: AdminSession): Promise<number> {
  const { revision } = await session.get('/api/draft', z.object({ revision: z.number() }));
  const result = z
    .object({ edition: z.object({ number: z.number() }) })
    .parse(await session.send('POST', '/api/editions', { baseRevision: revision }));
  return result.edition.number;
}

/** Creates a user through the admin API (admins only). */
export async function createUser(
  session: AdminSession,
  user: {
    email: string;
    displayName: string;
    role: 'admin' | 'editor' | 'publisher';
    password: string;
  },
): Promise<void> {
  await session.send('POST', '/api/users', user);
}
