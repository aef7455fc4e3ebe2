import { z } from 'zod';
import { ErrorBodySchema } from './error-body.js';
import type { ResponseSpec, RouteMeta } from './route.js';

type JsonSchema = Record<string, unknown>;
type SecurityRequirement = Record<string, string[]>;

/** Schemas that answers and bodies share or recurse into, by their name under components.schemas. */
type Components = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Points `#/$defs/x` at `#/components/schemas/<prefix>.x`: embedded in the document, a schema's own $defs do not resolve. */
function rewriteRefs(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, prefix));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) =>
      key === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
        ? [key, `#/components/schemas/${prefix}.${v.slice('#/$defs/'.length)}`]
        : [key, rewriteRefs(v, prefix)],
    ),
  );
}

/** The JSON Schema of a zod schema, its $defs moved to the document's components. */
function toSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Components,
  prefix: string,
): JsonSchema {
  const {
    $defs,
    $schema: _dialect,
    ...json
  } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  if (isRecord($defs))
    for (const [name, def] of Object.entries($defs))
      components[`${prefix}.${name}`] = rewriteRefs(def, prefix);
  const rewritten = rewriteRefs(json, prefix);
  return isRecord(rewritten) ? rewritten : {};
}

const ERROR_TEXT: Record<number, string> = {
  400: '输入不符合要求 (invalid input)',
  401: '未登录 (not signed in)',
  403: '无权操作或 CSRF 令牌无效 (forbidden)',
  404: '未找到 (not found)',
  405: '不支持该请求方法 (method not allowed)',
  409: '与他人的修改冲突 (conflict)',
  413: '请求过大 (payload too large)',
  415: '仅接受 JSON (JSON only)',
  422: '未通过校验 (unprocessable)',
  429: '尝试过于频繁 (too many attempts)',
  500: '服务器内部错误 (internal error)',
};

export interface OpenApiOptions<A extends string> {
  info: {
    title: string;
    version: string;
    description: string;
    /** SPDX identifier and name of the licence the API's code and answers are under. */
    license: { name: string; identifier: string };
  };
  servers?: { url: string }[];
  securitySchemes?: Record<string, Record<string, unknown>>;
  /** What an operation requires; `[]` declares it public. Every operation says so explicitly. */
  security: (route: RouteMeta<A>) => SecurityRequirement[];
  /** Error statuses the server answers for this route whatever its handler does (401, 403 …). */
  commonErrors?: (route: RouteMeta<A>) => readonly number[];
  /** Answers carry a strong ETag and may be 304 for If-None-Match. */
  etags?: boolean;
}

const pathOf = (route: RouteMeta): string => route.path.replace(/:([A-Za-z]\w*)/g, '{$1}');

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

const PropertiesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

function parameters(route: RouteMeta, components: Components): Parameter[] {
  const out: Parameter[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (schema === undefined) continue;
    const json = toSchema(schema, 'input', components, `${route.operationId}.${where}`);
    const required = new Set(z.array(z.string()).optional().parse(json.required) ?? []);
    for (const [name, prop] of Object.entries(PropertiesSchema.parse(json.properties ?? {}))) {
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
        schema: prop,
      });
    }
  }
  for (const [, name] of route.path.matchAll(/:([A-Za-z]\w*)/g)) {
    if (!out.some((p) => p.in === 'path' && p.name === name))
      throw new Error(`route ${route.operationId}: path parameter :${name} has no schema`);
  }
  return out;
}

function responses<A extends string>(
  route: RouteMeta<A>,
  options: OpenApiOptions<A>,
  components: Components,
) {
  const out: Record<string, unknown> = {};
  const etag = options.etags === true ? { headers: { ETag: { schema: { type: 'string' } } } } : {};
  for (const [status, spec] of Object.entries<ResponseSpec>(route.responses)) {
    out[status] =
      spec instanceof z.ZodType
        ? {
            description: 'OK',
            ...etag,
            content: {
              'application/json': {
                schema: toSchema(spec, 'output', components, `${route.operationId}.${status}`),
              },
            },
          }
        : {
            description: spec.description,
            ...etag,
            content: { [spec.mediaType]: { schema: { type: 'string', format: 'binary' } } },
          };
  }
  if (options.etags === true)
    out['304'] = { description: 'Not modified (If-None-Match matched the ETag)' };
  const errors = new Set([
    ...(route.params !== undefined || route.query !== undefined || route.body !== undefined
      ? [400]
      : []),
    ...(options.commonErrors?.(route) ?? []),
    ...route.errors,
  ]);
  for (const status of [...errors].sort((a, b) => a - b)) {
    out[String(status)] = {
      description: ERROR_TEXT[status] ?? 'error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return out;
}

/**
 * The OpenAPI 3.1 document of a route list, from the same zod schemas that check requests and
 * answers: each operation with its operationId, security, parameters, body, answers and errors.
 */
export function buildOpenApi<A extends string>(
  routes: readonly RouteMeta<A>[],
  options: OpenApiOptions<A>,
): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const ids = new Set<string>();
  const components: Components = {};
  const error = toSchema(ErrorBodySchema, 'output', components, 'Error');
  for (const route of routes) {
    if (ids.has(route.operationId))
      throw new Error(`operationId ${route.operationId} is used twice`);
    ids.add(route.operationId);
    const params = parameters(route, components);
    (paths[pathOf(route)] ??= {})[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.tag === undefined ? {} : { tags: [route.tag] }),
      security: options.security(route),
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: toSchema(route.body, 'input', components, `${route.operationId}.body`),
                },
              },
            },
          }),
      responses: responses(route, options, components),
      'x-access': route.access,
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: options.info,
    ...(options.servers === undefined ? {} : { servers: options.servers }),
    paths,
    components: {
      schemas: { Error: error, ...components },
      ...(options.securitySchemes === undefined
        ? {}
        : { securitySchemes: options.securitySchemes }),
    },
  };
}
