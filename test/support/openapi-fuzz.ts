/**
 * Hostile requests derived from the OpenAPI document (`/docs-json`): for every documented
 * operation, values that no field, parameter or id of that type may take. A new route, field or
 * parameter is covered as soon as it is documented.
 */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  maxLength?: number;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** A value to put somewhere: JSON, or a literal written into the JSON text (numbers JSON cannot hold). */
export type Hostile = { label: string; value: unknown } | { label: string; raw: string };

export interface BodyCase {
  /** Where the value goes, e.g. ['questions', '0', 'text']; [] for the body itself. */
  path: string[];
  hostile: Hostile;
}

// Longer than any text this API takes (the longest allows 100 000 characters), within the body limit.
const LONG = 'x'.repeat(120_000);
const RAW = (raw: string): Hostile => ({ label: raw, raw });
const VALUE = (label: string, value: unknown): Hostile => ({ label, value });
const TEMPORAL_FORMATS = new Set(['date', 'date-time', 'date-or-date-time']);
/** Ids that name a system stream, a path or nothing, for fields that take ids. */
const BODY_IDS = ['$all', 'a/b', '..', 'x'.repeat(161)];
const DATES = ['9999-12-31', '0000-01-01', '2011-02-30', '+275760-09-13'];

export function resolve(schema: Schema | undefined, doc: OpenApiDoc): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop() as string], doc);
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(s, doc));
    return Object.assign({}, ...parts, { ...schema, allOf: undefined });
  }
  return schema;
}

const isObjectSchema = (s: Schema) => s.type === 'object' || s.properties !== undefined;
const isFreeObject = (s: Schema) => isObjectSchema(s) && !s.properties;

/** A plausible value for a schema (its example, the first of its enum, else a simple one of its type). */
export function sample(schema: Schema | undefined, doc: OpenApiDoc): unknown {
  const s = resolve(schema, doc);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (isFreeObject(s)) return {};
  if (isObjectSchema(s)) {
    return Object.fromEntries((s.required ?? []).map((name) => [name, sample(s.properties?.[name], doc)]));
  }
  switch (s.type) {
    case 'array':
      return [sample(s.items, doc)];
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return false;
    default:
      return s.format === 'date' ? '2012-01-02' : 'x';
  }
}

/** What no value of this schema may be. */
export function hostileFor(schema: Schema, doc: OpenApiDoc, base: unknown): Hostile[] {
  const s = resolve(schema, doc);
  if (isFreeObject(s)) {
    return [VALUE('a string', 'x'), VALUE('a list', []), RAW('{"k":1e309}'), RAW('{"k":"\\ud800"}')];
  }
  if (isObjectSchema(s)) return [VALUE('a list', []), VALUE('a list of it', [base]), VALUE('a string', 'x')];
  switch (s.type) {
    case 'array': {
      const items = resolve(s.items, doc);
      const item = Array.isArray(base) && base.length > 0 ? base[0] : sample(items, doc);
      const wrong = isObjectSchema(items)
        ? [VALUE('a nested list', [[item]]), VALUE('a number in it', [1])]
        : [VALUE('an object in it', [{}]), VALUE('a nested list', [[item]])];
      return [VALUE('a string', 'x'), VALUE('an object', {}), ...wrong];
    }
    case 'number':
    case 'integer':
      return [VALUE('a string', '1'), RAW('1e309'), VALUE('an object', {})];
    case 'boolean':
      return [VALUE('a string', 'true'), VALUE('a number', 1)];
    default: {
      const own = [VALUE('an object', {}), RAW('"a\\ud800@example.org"')];
      if (s.enum) return [...own, VALUE('another word', 'bogus-value')];
      if (s.pattern) return [...own, ...BODY_IDS.map((id) => VALUE(id, id))];
      if (s.format && TEMPORAL_FORMATS.has(s.format)) return [...own, ...DATES.map((d) => VALUE(d, d))];
      return [...own, VALUE('120 000 characters', LONG)];
    }
  }
}

/**
 * Every body case of an operation: each field (nested ones and list entries included) in turn
 * set to each hostile value of its type, an unknown field beside them, and bodies of the wrong
 * shape. `base` is a body that passes validation; absent parents are filled from the schema.
 */
export function bodyCases(schema: Schema, doc: OpenApiDoc, base: unknown): BodyCase[] {
  const cases: BodyCase[] = [
    { path: [], hostile: VALUE('a list as the body', []) },
    { path: [], hostile: RAW('"a string"') },
    { path: [], hostile: RAW('null') },
  ];
  const visit = (s: Schema, value: unknown, path: string[]) => {
    const r = resolve(s, doc);
    if (path.length > 0) for (const hostile of hostileFor(r, doc, value)) cases.push({ path, hostile });
    if (isObjectSchema(r) && r.properties) {
      const own = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
      cases.push({ path: [...path, 'unknownFuzzField'], hostile: VALUE('an unknown field', 1) });
      for (const [name, child] of Object.entries(r.properties)) {
        if (r.required?.includes(name)) cases.push({ path: [...path, name], hostile: VALUE('null', null) });
        visit(child, name in own ? own[name] : sample(child, doc), [...path, name]);
      }
    } else if (r.type === 'array' && isObjectSchema(resolve(r.items, doc))) {
      const first = Array.isArray(value) && value.length > 0 ? value[0] : sample(r.items, doc);
      visit(r.items as Schema, first, [...path, '0']);
    }
  };
  visit(schema, base, []);
  return cases;
}

/** The body with one value replaced (parents filled in as needed), as JSON text. */
export function bodyText(schema: Schema, doc: OpenApiDoc, base: unknown, c: BodyCase): string {
  const marker = '__fuzz_raw_value__';
  const put = 'raw' in c.hostile ? marker : c.hostile.value;
  let body: unknown;
  if (c.path.length === 0) body = put;
  else {
    body = structuredClone(base ?? {});
    let node = body as Record<string, unknown>;
    let s = resolve(schema, doc);
    for (const [i, key] of c.path.entries()) {
      const next = s.type === 'array' ? resolve(s.items, doc) : resolve(s.properties?.[key], doc);
      if (i === c.path.length - 1) node[key] = put;
      else {
        if (node[key] === null || typeof node[key] !== 'object') node[key] = sample(next, doc);
        if (Array.isArray(node[key]) && (node[key] as unknown[]).length === 0) {
          (node[key] as unknown[]).push(sample(next.items, doc));
        }
        node = node[key] as Record<string, unknown>;
      }
      s = next;
    }
  }
  const text = JSON.stringify(body);
  return 'raw' in c.hostile ? text.replace(`"${marker}"`, c.hostile.raw) : text;
}

/** Path segments no record id may be (raw, already percent-encoded where needed). */
export const HOSTILE_IDS = [
  '$all',
  '%24all',
  '..',
  '%2E%2E',
  'a%2Fb',
  'with%20space',
  '%ED%A0%80',
  '%00',
  '-leading-dash',
  'x'.repeat(300),
];

/** Query values no parameter of this schema may take; each is sent alone, URL-encoded. */
export function hostileQueryValues(schema: Schema | undefined): { label: string; values: string[] }[] {
  const s = schema ?? {};
  const one = (label: string, value: string) => ({ label, values: [value] });
  if (s.type === 'array') {
    return [one('an unknown entry', 'bogus-value'), one('2 000 characters', LONG.slice(0, 2000))];
  }
  const cases = [{ label: 'given twice', values: ['a', 'b'] }];
  if (s.enum) return [...cases, one('another word', 'bogus-value')];
  if (s.type === 'number' || s.type === 'integer') {
    return [
      ...cases,
      ...['1e309', '-1e309', 'NaN', 'Infinity', '1x', '9007199254740993'].map((v) => one(v, v)),
    ];
  }
  if (s.format && TEMPORAL_FORMATS.has(s.format)) {
    return [...cases, ...[...DATES, '2011-01-01T25:00:00Z', '2011-02-30T12:00:00Z'].map((v) => one(v, v))];
  }
  if (s.pattern) cases.push(...BODY_IDS.map((id) => one(id.slice(0, 20), id)));
  return [...cases, one('2 000 characters', LONG.slice(0, 2000))];
}

/** Header values no header parameter of ours may take (today: If-Match, a revision). */
export const HOSTILE_HEADERS = ['yesterday', '"-1"', '"1e309"', 'x'.repeat(300), 'two words', 'schlüssel'];

/** Bodies that are not JSON, or none, for a route that takes one. */
export const FOREIGN_BODIES: { label: string; type?: string; text?: string }[] = [
  { label: 'JSON sent as text/plain', type: 'text/plain' },
  { label: 'a form', type: 'application/x-www-form-urlencoded', text: 'a=1&b=2' },
  { label: 'multipart', type: 'multipart/form-data; boundary=z', text: '--z\r\n\r\n1\r\n--z--' },
  { label: 'JSON without a Content-Type' },
  { label: 'no body at all', type: '', text: '' },
];
