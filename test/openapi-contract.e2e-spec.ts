import { bearer, startTestApi, type TestApi } from './support/test-api';

type Schema = {
  $ref?: string;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  example?: unknown;
  enum?: unknown[];
};
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; schema?: Schema; example?: unknown }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  'x-roles'?: string[];
};
type Document = {
  info: { title: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** The OpenAPI document as the API serves it, checked operation by operation. */
describe('the OpenAPI contract at /docs-json', () => {
  let api: TestApi;
  let doc: Document;
  const operations: Array<[string, string, Operation]> = [];

  beforeAll(async () => {
    api = await startTestApi();
    doc = (await api.http.get('/docs-json').expect(200)).body as Document;
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) operations.push([method, path, op]);
  });
  afterAll(() => api.close());

  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]) : schema;
  const isPublic = (op: Operation) => Array.isArray(op.security) && op.security.length === 0;

  it('says in its description what a client needs, completely', () => {
    expect(doc.info.description).not.toMatch(/…\s*$/);
    expect(doc.info.description).toMatch(/German by default/);
    expect(doc.info.description).toMatch(/Accept-Language: en/);
    expect(doc.info.description).toMatch(/\{ items, total, page, limit \}/);
  });

  it('is titled for any programme, naming none of them (issue 12)', () => {
    expect(doc.info.title).toBe('Förderprogramme – API');
    expect(`${doc.info.title}\n${doc.info.description}`).not.toMatch(
      /Präventionsketten|Kein Kind zurücklassen/,
    );
  });

  it('gives every operation a summary, and every guarded one its roles', () => {
    expect(operations.length).toBeGreaterThan(80);
    const missing = operations.filter(([, , op]) => !op.summary?.trim()).map(([m, p]) => `${m} ${p}`);
    expect(missing).toEqual([]);
    const withoutRoles = operations
      .filter(([, , op]) => !isPublic(op) && !(op['x-roles']?.length && /Roles: /.test(op.description ?? '')))
      .map(([m, p]) => `${m} ${p}`);
    expect(withoutRoles).toEqual([]);
  });

  it('documents problem+json answers with their codes on every operation, rule refusals included', () => {
    for (const [method, path, op] of operations) {
      const problems = Object.entries(op.responses).filter(
        ([status]) => /^4\d\d$/.test(status) || status === 'default',
      );
      expect(problems.length > 1 ? `${method} ${path}` : `${method} ${path}: no problem answers`).toBe(
        `${method} ${path}`,
      );
      for (const [, response] of problems) {
        const schema = response.content?.['application/problem+json']?.schema;
        expect(schema?.allOf?.[0]).toEqual({ $ref: '#/components/schemas/Problem' });
        expect(schema?.allOf?.[1].properties?.code.enum?.length).toBeGreaterThan(0);
      }
      if (!isPublic(op)) {
        expect(op.responses['401']).toBeDefined();
        expect(op.responses['403']).toBeDefined();
      }
    }
    const codes = (method: string, path: string, status: string) =>
      resolve(doc.paths[path][method].responses[status].content?.['application/problem+json']?.schema)
        ?.allOf?.[1].properties?.code.enum;
    expect(codes('post', '/calls/{callId}/publish', '422')).toEqual(
      expect.arrayContaining(['call-not-draft', 'closing-date-in-past']),
    );
    expect(codes('post', '/grants/{grantId}/revocations', '422')).toEqual(
      expect.arrayContaining(['revocation-reason-missing']),
    );
    expect(codes('get', '/deadlines', '400')).toEqual(['validation-failed']);
  });

  it('describes every successful answer with a schema, and files with their media types', () => {
    const empty: string[] = [];
    for (const [method, path, op] of operations) {
      const ok = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (ok.length === 0) empty.push(`${method} ${path}: no 2xx`);
      for (const [status, response] of ok) {
        const contents = Object.entries(response.content ?? {});
        if (contents.length === 0) empty.push(`${method} ${path} ${status}: no content`);
        for (const [type, { schema }] of contents) {
          const resolved = resolve(schema);
          if (!resolved || Object.keys(resolved).length === 0)
            empty.push(`${method} ${path} ${status} ${type}: {}`);
          if (schema?.$ref && !resolved) empty.push(`${method} ${path}: dangling ${schema.$ref}`);
        }
      }
    }
    expect(empty).toEqual([]);
    const mediaTypes = (path: string) => Object.keys(doc.paths[path].get.responses['200'].content ?? {});
    expect(mediaTypes('/programmes/{programmeId}/esf-totals.csv')).toEqual(['text/csv']);
    expect(mediaTypes('/programmes/{programmeId}/esf-totals.xlsx')).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(mediaTypes('/calendar/{ags}/{token}.ics')).toEqual(['text/calendar']);
    expect(mediaTypes('/audit/export')).toEqual(['application/x-ndjson']);
    expect(mediaTypes('/metrics')).toEqual(['text/plain']);
    expect(
      resolve(doc.paths['/deadlines/{deadlineId}'].get.responses['200'].content?.['application/json'].schema),
    ).toMatchObject({ properties: { deadlineId: { type: 'string' }, history: { type: 'array' } } });
  });

  it('documents Idempotency-Key on every guarded command, and If-Match where a route reads it', () => {
    const header = (op: Operation, name: string) =>
      op.parameters?.some((p) => p.in === 'header' && p.name === name);
    const without = operations
      .filter(([method, , op]) => method !== 'get' && !isPublic(op) && !header(op, 'Idempotency-Key'))
      .map(([m, p]) => `${m} ${p}`);
    expect(without).toEqual([]);
    expect(header(doc.paths['/expressions-of-interest/{applicationId}'].put, 'If-Match')).toBe(true);
    expect(doc.paths['/expressions-of-interest/{applicationId}'].put.responses['409']).toBeDefined();
  });

  it('gives examples of the type their schema declares (no string example for numbers)', () => {
    const wrong: string[] = [];
    const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
    const fits = (type: string | undefined, value: unknown) =>
      type === undefined ||
      typeOf(value) === type ||
      (type === 'number' && typeof value === 'number') ||
      (type === 'integer' && typeOf(value) === 'integer');
    const check = (where: string, schema: Schema | undefined) => {
      if (!schema) return;
      if (schema.example !== undefined) {
        if (!fits(schema.type, schema.example))
          wrong.push(`${where}: ${JSON.stringify(schema.example)} is no ${schema.type}`);
        if (schema.type === 'array' && Array.isArray(schema.example) && schema.items?.type)
          for (const item of schema.example)
            if (!fits(schema.items.type, item))
              wrong.push(`${where}[]: ${JSON.stringify(item)} is no ${schema.items.type}`);
      }
      for (const [name, property] of Object.entries(schema.properties ?? {}))
        check(`${where}.${name}`, property);
      check(`${where}[]`, schema.items);
    };
    for (const [name, schema] of Object.entries(doc.components.schemas)) check(name, schema);
    for (const [method, path, op] of operations)
      for (const p of op.parameters ?? [])
        check(`${method} ${path} ${p.name}`, {
          ...p.schema,
          ...(p.example !== undefined ? { example: p.example } : {}),
        });
    expect(wrong).toEqual([]);
  });

  describe('lists that scale, the same way on every list route', () => {
    const lists = () =>
      operations.filter(([method, , op]) => {
        const schema = resolve(op.responses['200']?.content?.['application/json']?.schema);
        return (
          method === 'get' &&
          schema?.properties?.items?.type === 'array' &&
          schema.properties.total !== undefined
        );
      });

    it('offers page, limit and q, and answers { items, total, page, limit }', () => {
      expect(lists().map(([, path]) => path)).toEqual(
        expect.arrayContaining([
          '/deadlines',
          '/grants',
          '/calls',
          '/programmes',
          '/expressions-of-interest',
          '/inbox',
        ]),
      );
      expect(lists().length).toBeGreaterThanOrEqual(15);
      for (const [, path, op] of lists()) {
        const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        expect({ path, names }).toEqual({ path, names: expect.arrayContaining(['page', 'limit', 'q']) });
        const schema = resolve(op.responses['200'].content?.['application/json'].schema);
        expect(Object.keys(schema?.properties ?? {})).toEqual(
          expect.arrayContaining(['items', 'total', 'page', 'limit']),
        );
      }
    });

    it('pages, searches and refuses a bad page on each list route a grants office can call without ids', async () => {
      const office = bearer(await api.token('grants-office'));
      const auditor = bearer(await api.token('auditor'));
      for (const [, path, op] of lists().filter(([, p]) => !p.includes('{'))) {
        const who = op['x-roles']?.includes('grants-office') ? office : auditor;
        const res = await api.http.get(`${path}?page=2&limit=1&q=nothing-matches-this`).set(who).expect(200);
        expect({ path, body: res.body }).toMatchObject({
          path,
          body: { items: [], total: 0, page: 2, limit: 1 },
        });
        expect((await api.http.get(`${path}?limit=501`).set(who).expect(400)).body.code).toBe(
          'validation-failed',
        );
        expect((await api.http.get(`${path}?page=0`).set(who).expect(400)).body.code).toBe(
          'validation-failed',
        );
      }
    });
  });
});
