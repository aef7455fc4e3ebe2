/** One operation of an OpenAPI document, as the suite needs it. */
export interface Operation {
  method: string;
  /** Path with {name} parameters, as the document writes it. */
  path: string;
  access: string;
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema }[];
  /** The JSON Schema of the request body, when the route takes one. */
  body: JsonSchema | undefined;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  [key: string]: unknown;
}

interface RawOperation {
  'x-access'?: string;
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content?: { 'application/json'?: { schema?: JsonSchema } } };
}

/** Every operation of the document: a route added to the app is covered without touching the suite. */
export function operationsOf(doc: unknown): Operation[] {
  const paths = (doc as { paths: Record<string, Record<string, RawOperation>> }).paths;
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method,
        path,
        access: op['x-access'] ?? 'public',
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

/** The path with each {param} replaced. */
export function fillPath(path: string, values: (name: string) => string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => values(name));
}

export const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);
