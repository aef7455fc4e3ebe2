import { z } from 'zod';
import { EditionSchema } from '../../schemas.js';
import { IndicatorQuerySchema } from '../../view/indicator-query.js';
import { ErrorBodySchema } from '../http/errors.js';
import {
  ApiIndexSchema,
  ArtifactListSchema,
  EditionListSchema,
  EditionParamsSchema,
  FileParamsSchema,
  IndicatorListSchema,
  MeasureParamsSchema,
  MeasureQuerySchema,
  MeasureResponseSchema,
} from './api-schemas.js';
import { API_BASE } from './links.js';
import {
  SearchIndexResponseSchema,
  SearchQuerySchema,
  SearchResponseSchema,
} from './search-schemas.js';

type JsonSchema = Record<string, unknown>;

interface RouteSpec {
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON schema of the answer, or a media type for files. */
  response: z.ZodType | { mediaType: string };
  errors: number[];
}

/** Every public route, in the order the document lists them. */
export const ROUTES: readonly RouteSpec[] = [
  { path: '/', summary: 'Where to start / 接口索引', response: ApiIndexSchema, errors: [] },
  {
    path: '/editions',
    summary: 'Every published edition / 版本列表',
    response: EditionListSchema,
    errors: [],
  },
  {
    path: '/editions/latest',
    summary: 'The latest edition with its report / 最新版本',
    response: EditionSchema,
    errors: [404],
  },
  {
    path: '/editions/{edition}',
    summary: 'An edition by id, number or hash / 指定版本',
    params: EditionParamsSchema,
    response: EditionSchema,
    errors: [400, 404],
  },
  {
    path: '/editions/{edition}/artifacts',
    summary: 'Export files of an edition / 导出文件',
    params: EditionParamsSchema,
    response: ArtifactListSchema,
    errors: [400, 404],
  },
  {
    path: '/editions/{edition}/files/{fileName}',
    summary: 'Download one export file / 下载文件',
    params: FileParamsSchema,
    response: { mediaType: 'application/octet-stream' },
    errors: [400, 404],
  },
  {
    path: '/editions/{edition}/search-index',
    summary: 'Serialized search index for in-browser search / 搜索索引',
    params: EditionParamsSchema,
    response: SearchIndexResponseSchema,
    errors: [400, 404],
  },
  {
    path: '/measures/{id}',
    summary: 'A measure by id / 举措',
    params: MeasureParamsSchema,
    query: MeasureQuerySchema,
    response: MeasureResponseSchema,
    errors: [400, 404],
  },
  {
    path: '/indicators',
    summary: 'Quantitative targets, flat / 量化指标',
    query: IndicatorQuerySchema,
    response: IndicatorListSchema,
    errors: [400, 404],
  },
  {
    path: '/search',
    summary: 'Full-text search of measures / 搜索',
    query: SearchQuerySchema,
    response: SearchResponseSchema,
    errors: [400, 404],
  },
];

const ERROR_TEXT: Record<number, string> = {
  400: '参数不符合要求 (invalid parameters)',
  404: '未找到 (not found)',
};

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

function parameters(spec: RouteSpec): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (schema === undefined) continue;
    const json = toSchema(schema, 'input');
    const required = new Set(Array.isArray(json.required) ? (json.required as string[]) : []);
    for (const [name, prop] of Object.entries(
      (json.properties ?? {}) as Record<string, JsonSchema>,
    )) {
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        description: prop.description,
        schema: prop,
      });
    }
  }
  return out;
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that parse requests. */
export function buildOpenApi(): JsonSchema {
  const paths: Record<string, unknown> = {};
  for (const spec of ROUTES) {
    const ok =
      spec.response instanceof z.ZodType
        ? {
            description: 'OK',
            headers: { ETag: { schema: { type: 'string' } } },
            content: { 'application/json': { schema: toSchema(spec.response, 'output') } },
          }
        : {
            description: 'The file',
            content: {
              [spec.response.mediaType]: { schema: { type: 'string', format: 'binary' } },
            },
          };
    const responses: Record<string, unknown> = {
      '200': ok,
      '304': { description: 'Not modified (If-None-Match matched the ETag)' },
    };
    for (const status of spec.errors) {
      responses[String(status)] = {
        description: ERROR_TEXT[status],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    const params = parameters(spec);
    paths[spec.path] = {
      get: {
        summary: spec.summary,
        ...(params.length > 0 ? { parameters: params } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: '乐山今后五年工作 · 公开数据接口 (Leshan report public API)',
      version: '1.0.0',
      description:
        'Read-only. Every answer has a strong ETag and Cache-Control and answers 304 to If-None-Match; CORS is open for GET, HEAD and OPTIONS. Any path may end in .json. Errors are { error, issues: [{ path, message }] } in Chinese.',
    },
    servers: [{ url: API_BASE }],
    paths,
    components: { schemas: { Error: toSchema(ErrorBodySchema, 'output') } },
  };
}
