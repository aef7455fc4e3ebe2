import type { JsonSchema, Operation } from './openapi.js';
import { STATE_CHANGING, fillPath } from './openapi.js';

/** The kinds of hostile input, as the report lists them. */
export const CATEGORIES = [
  'malformed-json',
  'wrong-type',
  'huge-body',
  'deep-nesting',
  'invalid-utf8',
  'lone-surrogate',
  'control-chars',
  'script-html',
  'formula',
  'path-traversal',
  'overlong',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** One hostile request: where it goes and the exact bytes it sends. */
export interface HostileCase {
  category: Category;
  /** `METHOD /path` as the OpenAPI document names the route. */
  route: string;
  method: string;
  /** The URL path and query, already encoded. */
  url: string;
  /** Sent as application/json, byte for byte. */
  body?: Buffer;
  label: string;
}

const SCRIPTS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(2)>'];
const FORMULAS = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", '@SUM(1+1)'];
const TRAVERSALS = ['../../../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd'];
const CONTROLS = ['nul\u0000byte', 'esc\u001b[31mred'];

/** Encoded forms of the same attacks for a path segment or a query value. */
const URL_FORMS: Partial<Record<Category, string[]>> = {
  'script-html': SCRIPTS.map(encodeURIComponent),
  formula: FORMULAS.map(encodeURIComponent),
  'path-traversal': [
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '%2E%2E%2F%2E%2E%2Fleshan.db',
    '..%5C..%5Cwin.ini',
  ],
  'control-chars': ['%00', 'a%0D%0ASet-Cookie%3A%20x%3D1'],
  'invalid-utf8': ['%FF%FE', '%C3%28'],
  'lone-surrogate': ['%ED%A0%80'],
  overlong: ['a'.repeat(5000)],
};

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');

/** A JSON object with one property's value replaced by raw JSON text (for escapes JSON.stringify would not write). */
function withRaw(base: Record<string, unknown>, prop: string, rawValue: string): Buffer {
  const marker = '"__HOSTILE__"';
  const text = JSON.stringify({ ...base, [prop]: '__HOSTILE__' }).replace(marker, rawValue);
  return Buffer.from(text, 'utf8');
}

const schemaText = (schema: JsonSchema): string => JSON.stringify(schema);
/** A string whose content the route checks (format, pattern, enum…), not free text. */
const constrained = (schema: JsonSchema): boolean =>
  /"(enum|pattern|format|const)"/.test(schemaText(schema)) ||
  /"type":"(integer|number|boolean|array|object)"/.test(schemaText(schema));
const maxLengthOf = (schema: JsonSchema): number | undefined => {
  const found = /"maxLength":(\d+)/.exec(schemaText(schema));
  return found === null ? undefined : Number(found[1]);
};

function wrongType(schema: JsonSchema): unknown[] {
  const text = schemaText(schema);
  if (/"type":"(integer|number)"/.test(text)) return ['十二', { n: 1 }];
  if (/"type":"boolean"/.test(text) || /"const":true/.test(text)) return ['yes', 1];
  if (/"type":"array"/.test(text)) return [{ length: 1 }, 'list'];
  if (/"type":"object"/.test(text)) return [['a'], 7];
  return [12345, ['text'], { text: 'x' }];
}

export interface CorpusInput {
  /** A request body the route would accept, to carry one hostile value at a time. */
  validBody: (op: Operation) => Record<string, unknown>;
  /** A valid value for a path parameter. */
  validParam: (op: Operation, name: string) => string;
}

const routeOf = (op: Operation): string => `${op.method.toUpperCase()} ${op.path}`;

/** Hostile requests for one operation of the admin or viewer API (prefix: '' or '/api/v1'). */
export function hostileCases(op: Operation, prefix: string, input: CorpusInput): HostileCase[] {
  const cases: HostileCase[] = [];
  const route = routeOf(op);
  const add = (category: Category, label: string, url: string, body?: Buffer): void => {
    cases.push({
      category,
      route,
      method: op.method,
      url,
      label,
      ...(body === undefined ? {} : { body }),
    });
  };
  const validPath = (): string => prefix + fillPath(op.path, (name) => input.validParam(op, name));
  const base = op.body === undefined ? {} : input.validBody(op);

  // The body parser and the text check run before any route: every state-changing route gets these.
  if (STATE_CHANGING.has(op.method)) {
    const url = validPath();
    for (const raw of [
      '{"baseRevision": 0, "commands": [',
      "{'email': 'x'}",
      '{"a":1,}',
      '{"a":1}}',
      'NaN',
    ])
      add('malformed-json', raw, url, Buffer.from(raw));
    add('huge-body', '5 MB string', url, json({ ...base, text: 'x'.repeat(5 * 1024 * 1024) }));
    const firstString = Object.keys(base).find((k) => typeof base[k] === 'string') ?? 'text';
    add('invalid-utf8', 'bytes C3 28 FF FE in a string', url, invalidUtf8Body(base, firstString));
    add('control-chars', 'NUL in a string', url, json({ ...base, [firstString]: CONTROLS[0] }));
    add('lone-surrogate', 'lone high surrogate', url, withRaw(base, firstString, '"\\ud800"'));
  }

  // Each property of the body, one hostile value at a time in an otherwise valid body.
  if (op.body !== undefined) {
    const url = validPath();
    let deep = '1';
    for (let i = 0; i < 20_000; i += 1) deep = `[${deep}]`;
    add(
      'deep-nesting',
      '20 000 nested arrays',
      url,
      Buffer.from(`{"commands":${deep},"baseRevision":0}`),
    );
    let deepObject = '"x"';
    for (let i = 0; i < 20_000; i += 1) deepObject = `{"a":${deepObject}}`;
    add('deep-nesting', '20 000 nested objects', url, Buffer.from(deepObject));
    for (const [prop, schema] of Object.entries(op.body.properties ?? {})) {
      for (const value of wrongType(schema))
        add(
          'wrong-type',
          `${prop} = ${JSON.stringify(value)}`,
          url,
          json({ ...base, [prop]: value }),
        );
      const max = maxLengthOf(schema);
      if (max !== undefined)
        add(
          'overlong',
          `${prop} of ${max + 1} characters`,
          url,
          json({ ...base, [prop]: 'a'.repeat(max + 1) }),
        );
      else if (/"type":"(integer|number)"/.test(schemaText(schema)))
        add('overlong', `${prop} = 1e400`, url, withRaw(base, prop, '1e400'));
      add('control-chars', `${prop} with ESC`, url, json({ ...base, [prop]: CONTROLS[1] }));
      add(
        'lone-surrogate',
        `${prop} with a lone low surrogate`,
        url,
        withRaw(base, prop, '"tail\\udfff"'),
      );
      add('invalid-utf8', `${prop} with bytes C3 28`, url, invalidUtf8Body(base, prop));
      if (constrained(schema)) {
        for (const s of SCRIPTS)
          add('script-html', `${prop} = ${s}`, url, json({ ...base, [prop]: s }));
        for (const f of FORMULAS)
          add('formula', `${prop} = ${f}`, url, json({ ...base, [prop]: f }));
        for (const t of TRAVERSALS.slice(0, 2))
          add('path-traversal', `${prop} = ${t}`, url, json({ ...base, [prop]: t }));
      }
    }
  }

  // Path parameters: each attack in place of one parameter.
  for (const name of op.pathParams) {
    for (const category of CATEGORIES) {
      for (const form of URL_FORMS[category] ?? []) {
        const url =
          prefix + fillPath(op.path, (n) => (n === name ? form : input.validParam(op, n)));
        add(
          category,
          `path ${name} = ${form.slice(0, 40)}`,
          url,
          op.body === undefined ? undefined : json(base),
        );
      }
    }
    if (op.body === undefined && name === 'number')
      add('wrong-type', `path ${name} = abc`, prefix + fillPath(op.path, () => 'abc'));
  }

  // Query parameters the route checks.
  for (const { name, schema } of op.queryParams) {
    const checked = constrained(schema) || maxLengthOf(schema) !== undefined;
    if (!checked) continue;
    const url = (value: string): string => `${validPath()}?${name}=${value}`;
    if (/"type":"(integer|number)"/.test(schemaText(schema)) || /"enum"/.test(schemaText(schema)))
      add('wrong-type', `${name} = [object]`, url('%5Bobject%5D'));
    add('overlong', `${name} of 5000 characters`, url('a'.repeat(5000)));
    if (!constrained(schema)) continue;
    for (const category of [
      'script-html',
      'formula',
      'path-traversal',
      'control-chars',
      'invalid-utf8',
      'lone-surrogate',
    ] as const) {
      for (const form of (URL_FORMS[category] ?? []).slice(0, 1))
        add(category, `${name} = ${form.slice(0, 40)}`, url(form));
    }
  }
  return cases;
}

/** The valid body with bytes that are not UTF-8 inside one string value. */
function invalidUtf8Body(base: Record<string, unknown>, prop: string): Buffer {
  const text = JSON.stringify({ ...base, [prop]: 'MARK' });
  const [head, tail] = text.split('"MARK"') as [string, string];
  return Buffer.concat([
    Buffer.from(`${head}"ok`),
    Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
    Buffer.from(`"${tail}`),
  ]);
}
