import { z } from 'zod';
import { invalidInput } from './api-error.js';
import type { InputPart } from './api-error.js';
import type { PreparedJson } from './prepared-json.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export const STATE_CHANGING: ReadonlySet<Method> = new Set(['post', 'put', 'patch', 'delete']);

/** An answer that is not JSON: a file of this media type (the reply may name a narrower one). */
export interface MediaResponse {
  readonly mediaType: string;
  readonly description: string;
}
export type ResponseSpec = z.ZodType | MediaResponse;
/** The answers a route may give on success, by status. */
export type Responses = Readonly<Record<number, ResponseSpec>>;

export type HeaderMap = Readonly<Record<string, string>>;
export type Content = Uint8Array | AsyncIterable<Uint8Array>;

type StatusField<S extends number> = S extends 200 ? { status?: 200 } : { status: S };
type JsonReply<Spec extends z.ZodType> =
  | { body: z.input<Spec>; prepared?: never }
  /** JSON made (and checked) earlier with PreparedJson.of, e.g. cached per edition. */
  | { prepared: PreparedJson<z.output<Spec>>; body?: never };
interface MediaReply {
  content: Content;
  /** The file's own media type; the declared one when absent. */
  mediaType?: string;
  /** Sent as an attachment with this file name. */
  attachment?: string;
}
type ReplyFor<S extends number, Spec> = StatusField<S> & {
  headers?: HeaderMap;
} & (Spec extends z.ZodType ? JsonReply<Spec> : MediaReply);

/** What a handler returns: one of its declared statuses with a body of that status's schema. */
export type Reply<R extends Responses> = {
  [S in keyof R & number]: ReplyFor<S, R[S]>;
}[keyof R & number];

/** What a route answered, ready for any server to write. */
export type Answer =
  | { kind: 'json'; status: number; headers: HeaderMap; json: string }
  | {
      kind: 'media';
      status: number;
      headers: HeaderMap;
      content: Content;
      mediaType: string;
      attachment: string | undefined;
    };

/** The request parts a route reads, as the server got them (strings, parsed JSON). */
export interface RawInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

/** What a route is, without its handler: what servers, the OpenAPI builder and tests read. */
export interface RouteMeta<A extends string = string> {
  readonly method: Method;
  /** Express-style path: `/editions/:id`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string | undefined;
  /** Who may call it, in the app's own terms (a role, `public`); the app's server enforces it. */
  readonly access: A;
  readonly params: z.ZodType | undefined;
  readonly query: z.ZodType | undefined;
  readonly body: z.ZodType | undefined;
  readonly responses: Responses;
  /** Error statuses the route answers besides the server's common ones, for the document. */
  readonly errors: readonly number[];
}

/** A route ready to serve: its handler's types are closed over, so routes of any types share a list. */
export interface Route<Ctx, A extends string = string> extends RouteMeta<A> {
  run(raw: RawInput, ctx: Ctx): Promise<Answer>;
}

/** A part the route does not read: whatever came, the handler sees `undefined`. */
const NO_INPUT = z.unknown().transform((): undefined => undefined);
type NoInput = typeof NO_INPUT;

export interface RouteInfo<A extends string, R extends Responses> {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  tag?: string;
  access: A;
  responses: R;
  errors?: readonly number[];
}

/** The handler's argument: the app's context and the parsed parameters, query and body. */
export type HandlerInput<
  Ctx,
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
> = Ctx & {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
};

function parsePart<S extends z.ZodType>(schema: S, value: unknown, where: InputPart): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(where, result.error);
  return result.data;
}

const isMedia = (spec: ResponseSpec): spec is MediaResponse => !(spec instanceof z.ZodType);

/** Checks a reply against the route's declared answers; a reply that breaks them is a bug (500). */
function answerOf(
  meta: RouteMeta,
  reply: { status?: number; headers?: HeaderMap } & (
    | { body: unknown; prepared?: PreparedJson<unknown> }
    | { prepared: PreparedJson<unknown>; body?: unknown }
    | MediaReply
  ),
): Answer {
  const status = reply.status ?? 200;
  const where = `route ${meta.method} ${meta.path}`;
  const spec = meta.responses[status];
  if (spec === undefined) throw new Error(`${where} answered undeclared status ${status}`);
  const headers = reply.headers ?? {};
  if (isMedia(spec)) {
    if (!('content' in reply)) throw new Error(`${where} answered JSON for a file (${status})`);
    return {
      kind: 'media',
      status,
      headers,
      content: reply.content,
      mediaType: reply.mediaType ?? spec.mediaType,
      attachment: reply.attachment,
    };
  }
  if ('content' in reply) throw new Error(`${where} answered a file for JSON (${status})`);
  if (reply.prepared !== undefined)
    return { kind: 'json', status, headers, json: reply.prepared.json };
  const checked = spec.safeParse(reply.body);
  if (!checked.success)
    throw new Error(`${where} produced an invalid ${status} body: ${checked.error.message}`);
  return { kind: 'json', status, headers, json: JSON.stringify(checked.data) };
}

/**
 * One route under construction: `.params()`, `.query()` and `.body()` give the schemas of what it
 * reads, `.handle()` its handler, typed from them. A builder rather than one object so that a part
 * left out is a schema too (it reads nothing), and the handler's types hold without a cast.
 */
export class RouteBuilder<
  Ctx,
  A extends string,
  R extends Responses,
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
> {
  constructor(
    private readonly info: RouteInfo<A, R>,
    private readonly parts: { params: P; query: Q; body: B },
  ) {}

  params<S extends z.ZodType>(schema: S): RouteBuilder<Ctx, A, R, S, Q, B> {
    return new RouteBuilder(this.info, { ...this.parts, params: schema });
  }

  query<S extends z.ZodType>(schema: S): RouteBuilder<Ctx, A, R, P, S, B> {
    return new RouteBuilder(this.info, { ...this.parts, query: schema });
  }

  body<S extends z.ZodType>(schema: S): RouteBuilder<Ctx, A, R, P, Q, S> {
    return new RouteBuilder(this.info, { ...this.parts, body: schema });
  }

  /** Input is parsed before the handler runs (400 with issues); its reply is checked after. */
  handle(
    handler: (input: HandlerInput<Ctx, P, Q, B>) => Reply<R> | Promise<Reply<R>>,
  ): Route<Ctx, A> {
    const { params, query, body } = this.parts;
    const given = (schema: z.ZodType): z.ZodType | undefined =>
      schema === NO_INPUT ? undefined : schema;
    const meta: RouteMeta<A> = {
      method: this.info.method,
      path: this.info.path,
      operationId: this.info.operationId,
      summary: this.info.summary,
      tag: this.info.tag,
      access: this.info.access,
      params: given(params),
      query: given(query),
      body: given(body),
      responses: this.info.responses,
      errors: this.info.errors ?? [],
    };
    return {
      ...meta,
      run: async (raw, ctx) => {
        const input = {
          ...ctx,
          params: parsePart(params, raw.params, 'params'),
          query: parsePart(query, raw.query, 'query'),
          body: parsePart(body, raw.body, 'body'),
        };
        return answerOf(meta, await handler(input));
      },
    };
  }
}

/**
 * The route constructor of one app: its handlers' context and its access levels are fixed once,
 * e.g. `const route = routesFor<AdminContext, Access>()`, then `route({ … }).body(S).handle(fn)`.
 */
export function routesFor<Ctx, A extends string>() {
  return <R extends Responses>(
    info: RouteInfo<A, R>,
  ): RouteBuilder<Ctx, A, R, NoInput, NoInput, NoInput> =>
    new RouteBuilder(info, { params: NO_INPUT, query: NO_INPUT, body: NO_INPUT });
}
