import { z } from 'zod';
import { ErrorBodySchema } from './errors.js';
import type { RouteSpec } from './route.js';

type JsonSchema = Record<string, unknown>;
const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

const ERROR_TEXT: Record<number, string> = {
  400: '输入不符合要求 (invalid input)',
  401: '未登录 (not signed in)',
  403: '无权操作或 CSRF 令牌无效 (forbidden)',
  404: '未找到 (not found)',
  409: '与他人的修改冲突 (conflict)',
  413: '请求过大 (payload too large)',
  415: '仅接受 JSON (JSON only)',
  422: '报告未通过校验 (report invalid)',
  429: '尝试过于频繁 (too many attempts)',
};

/** The OpenAPI 3.1 document of a route list, generated from the same zod schemas that check requests. */
export function buildOpenApi(
  routes: readonly RouteSpec[],
  info: { title: string; version: string; description: string },
): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (schema === undefined) continue;
      const json = toSchema(schema, 'input');
      const props = (json.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((json.required ?? []) as string[]);
      for (const [name, prop] of Object.entries(props)) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || required.has(name),
          schema: prop,
        });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(route.responses)) {
      responses[status] = {
        description: 'OK',
        content: { 'application/json': { schema: toSchema(schema, 'output') } },
      };
    }
    const errorStatuses = new Set([
      400,
      ...(route.access === 'public' ? [] : [401, 403]),
      ...(route.errors ?? []),
    ]);
    for (const status of errorStatuses) {
      responses[String(status)] = {
        description: ERROR_TEXT[status] ?? 'error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    (paths[path] ??= {})[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.body, 'input') } },
            },
          }),
      responses,
      'x-access': route.access,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: { Error: toSchema(ErrorBodySchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'leshan_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
    },
    security: [{ session: [], csrf: [] }],
  };
}
