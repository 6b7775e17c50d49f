import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Role } from '@app/identity';
import { CALL_2011, DORTMUND } from './support/fixtures';
import {
  bodyCases,
  bodyText,
  FOREIGN_BODIES,
  HOSTILE_HEADERS,
  HOSTILE_IDS,
  hostileQueryValues,
  type OpenApiDoc,
  type Operation,
  resolve,
  sample,
  type Schema,
} from './support/openapi-fuzz';
import { bearer, startTestApi, type TestApi } from './support/test-api';
import { CONTEXT_ROUTES, PUBLIC_PATHS } from './route-guards';
import { asRole, type Method, type RouteCase } from './route-guards/route-case';

const ROUTES: RouteCase[] = CONTEXT_ROUTES.flatMap((c) => c.routes);
const PUBLIC = PUBLIC_PATHS;
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const DRAFT_CALL = 'kkz-fuzz-unpublished-draft';
/** How the request itself is refused, before any handler: by the body checks or the validator. */
const SHAPE_CODES = ['validation-failed', 'malformed-json', 'forbidden-key', 'too-deeply-nested'];

interface Expected {
  /** The field the validator must name. */
  field?: string;
  /** The codes a refusal may carry; any code when absent. */
  codes?: string[];
  /** The statuses it may have; any 4xx when absent. */
  statuses?: number[];
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: { code?: unknown; detail?: string; errors?: { field: string }[] };
}

interface Target {
  method: Method;
  template: string;
  op: Operation;
  /** A concrete path on records the setup created, and who may call it. */
  path: string;
  headers: Record<string, string>;
  bodySchema?: Schema;
  body?: unknown;
}

/**
 * Every operation of /docs-json, on the world the route-guard setups build, gets values no field,
 * parameter or id of its type may take (numbers JSON cannot hold, broken Unicode, impossible
 * dates, ids that name system streams or paths, wrong types, lists inside lists, bodies that are
 * not JSON). Each must be refused with a 4xx problem+json carrying a `code`, naming the field where
 * the validator refused it, and without an event written. Failures are collected per kind and
 * listed together.
 */
describe('hostile input on every documented route', () => {
  // Thousands of requests per test: minutes under load on a shared machine, seconds on its own.
  jest.setTimeout(240_000);
  let api: TestApi;
  let doc: OpenApiDoc;
  let targets: Target[] = [];
  let keys = 0;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    api = await startTestApi({ now: '2011-11-20T09:00:00.000Z' });
    const as = asRole(api);
    for (const context of CONTEXT_ROUTES) await context.setup?.({ api, as });
    // A call the office keeps in draft: no view a municipality sees may name it.
    await api.http
      .post('/programmes/kkz/calls')
      .set(await as('grants-office'))
      .send({ ...CALL_2011, callId: DRAFT_CALL })
      .expect(201);
    // One listening server for thousands of requests (supertest would open one per request).
    const server = (api.app.getHttpServer() as Server).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    http = request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    doc = (await http.get('/docs-json').expect(200)).body as OpenApiDoc;
    targets = await targetsOf(doc);
  }, 180_000);
  afterAll(() => api.close());

  async function targetsOf(document: OpenApiDoc): Promise<Target[]> {
    const found: Target[] = [];
    for (const [template, ops] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(ops) as [Method, Operation][]) {
        const route = ROUTES.find((r) => r.method === method && r.openApiPath === template);
        const bodySchema = op.requestBody?.content['application/json']?.schema;
        const base = { method, template, op, bodySchema };
        if (route) {
          found.push({
            ...base,
            path: route.path,
            headers: await callerOf(route),
            body: route.body ?? (bodySchema ? sample(bodySchema, document) : undefined),
          });
        } else if (PUBLIC.includes(template) || PUBLIC.includes(`${method} ${template}`)) {
          found.push({
            ...base,
            path: template.replace(/\{[^}]+\}/g, 'x'),
            headers: {},
            body: bodySchema ? sample(bodySchema, document) : undefined,
          });
        }
      }
    }
    return found;
  }

  async function callerOf(route: RouteCase): Promise<Record<string, string>> {
    const role: Role = route.allowed.includes('grants-office') ? 'grants-office' : route.allowed[0];
    return bearer(await api.token(role, role === 'municipality' ? (route.ownedBy ?? DORTMUND) : undefined));
  }

  const send = (t: Target, path: string, extra: Record<string, string> = {}) =>
    http[t.method](path).set({ ...t.headers, ...extra });
  const sendJson = (t: Target, text: string, path = t.path, extra: Record<string, string> = {}) =>
    send(t, path, { 'Content-Type': 'application/json', 'Idempotency-Key': `fuzz-${++keys}`, ...extra }).send(
      text,
    );

  /**
   * Runs one hostile request; returns what is wrong with the answer, if anything. A value the
   * request's shape rules out must be refused as such (`codes`), not by a business rule after
   * the handler has taken it in.
   */
  async function refusal(
    request: () => PromiseLike<Answer>,
    expected: Expected,
  ): Promise<string | undefined> {
    const { field, codes, statuses } = expected;
    const head = await api.store.headPosition();
    const res = await request();
    const wrong: string[] = [];
    if (res.status < 400 || res.status >= 500) wrong.push(`HTTP ${res.status}`);
    if (statuses && !statuses.includes(res.status))
      wrong.push(`HTTP ${res.status}, not ${statuses.join(' or ')}`);
    if (codes && !codes.includes(String(res.body?.code))) wrong.push(`not refused as ${codes.join(' or ')}`);
    if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? ''))
      wrong.push('not problem+json');
    if (typeof res.body?.code !== 'string' || res.body.code === '') wrong.push('no code');
    if ((await api.store.headPosition()) !== head) wrong.push('an event was written');
    if (field !== undefined && res.body?.code === 'validation-failed') {
      const named = (res.body.errors ?? []).some(
        (e) => e.field === field || e.field.startsWith(`${field}.`) || field.startsWith(`${e.field}.`),
      );
      if (!named) wrong.push(`the errors do not name ${field}: ${res.body.detail}`);
    }
    return wrong.length > 0 ? `${wrong.join(', ')} (${res.body?.code ?? '-'})` : undefined;
  }

  async function check(
    failures: string[],
    label: string,
    request: () => PromiseLike<Answer>,
    expected: Expected,
  ) {
    const wrong = await refusal(request, expected);
    if (wrong) failures.push(`${label}: ${wrong}`);
  }

  const label = (t: Target, what: string) => `${t.method.toUpperCase()} ${t.template} ${what}`;

  it('reaches every documented operation and every write route past validation', async () => {
    const problems: string[] = [];
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        if (!targets.some((t) => t.template === template && t.method === method))
          problems.push(`${method.toUpperCase()} ${template}: no case in test/route-guards to call it with`);
      }
    }
    // A body built for the route must pass validation, or its fields' refusals would prove nothing.
    for (const t of targets.filter((x) => x.bodySchema)) {
      const res = await sendJson(t, JSON.stringify(t.body));
      if (res.status >= 500 || res.body?.code === 'validation-failed')
        problems.push(
          label(t, `cannot be exercised: its body is refused (${res.status}) ${res.body?.detail}`),
        );
    }
    const writes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => WRITES.has(m))
        .map((m) => `${m} ${p}`),
    );
    expect(writes.length).toBeGreaterThanOrEqual(38);
    expect(problems).toEqual([]);
  });

  it('refuses hostile ids in every path parameter', async () => {
    const failures: string[] = [];
    for (const t of targets) {
      const segments = t.template.split('/');
      const concrete = t.path.split('?')[0].split('/');
      for (const [i, segment] of segments.entries()) {
        const param = /\{([^}]+)\}/.exec(segment);
        if (!param) continue;
        for (const id of HOSTILE_IDS) {
          const path = [...concrete];
          path[i] = segment.replace(param[0], id);
          const request = () =>
            t.body === undefined
              ? send(t, path.join('/'))
              : sendJson(t, JSON.stringify(t.body), path.join('/'));
          await check(failures, label(t, `with ${param[1]} = ${id.slice(0, 20)}`), request, {
            statuses: [400, 404],
          });
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses hostile values in every query parameter', async () => {
    const failures: string[] = [];
    let parameters = 0;
    for (const t of targets) {
      const query = (t.op.parameters ?? []).filter((p) => p.in === 'query');
      for (const p of query) {
        parameters++;
        for (const hostile of hostileQueryValues(resolve(p.schema, doc))) {
          const params = new URLSearchParams();
          for (const other of query.filter((o) => o.required && o.name !== p.name)) {
            params.append(other.name, String(sample(other.schema, doc)));
          }
          for (const value of hostile.values) params.append(p.name, value);
          const path = `${t.path.split('?')[0]}?${params.toString()}`;
          await check(failures, label(t, `?${p.name} ${hostile.label}`), () => send(t, path), {
            field: p.name,
            codes: ['validation-failed'],
          });
        }
      }
    }
    expect(parameters).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  /** Whether a header value breaks its documented schema (so the server must refuse it). */
  const breaks = (schema: Schema | undefined, value: string) =>
    !schema?.pattern ||
    !new RegExp(schema.pattern).test(value) ||
    (schema.maxLength !== undefined && value.length > schema.maxLength);

  it('refuses hostile values in every header parameter', async () => {
    const failures: string[] = [];
    for (const t of targets) {
      for (const p of (t.op.parameters ?? []).filter((x) => x.in === 'header')) {
        for (const value of HOSTILE_HEADERS.filter((v) => breaks(p.schema, v))) {
          const request = () => sendJson(t, JSON.stringify(t.body ?? {}), t.path, { [p.name]: value });
          await check(failures, label(t, `${p.name}: ${value.slice(0, 20)}`), request, {
            codes: [`invalid-${p.name.toLowerCase()}`],
          });
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses a body that is not JSON, or none, on every route that takes one', async () => {
    const failures: string[] = [];
    for (const t of targets.filter((x) => x.bodySchema)) {
      // A body documented as optional (a reason for declining) may be left out; a foreign one may not.
      const optional = (t.op.requestBody as { required?: boolean } | undefined)?.required === false;
      for (const foreign of FOREIGN_BODIES.filter((f) => !(optional && f.type === ''))) {
        const text = foreign.text ?? JSON.stringify(t.body);
        const request = () => {
          const req = send(t, t.path, { 'Idempotency-Key': `fuzz-${++keys}` });
          if (foreign.type === undefined) return req.send(Buffer.from(text)).unset('Content-Type');
          if (foreign.type === '') return req;
          return req.set('Content-Type', foreign.type).send(text);
        };
        await check(failures, label(t, `with ${foreign.label}`), request, {
          codes: ['unsupported-media-type', 'body-required'],
        });
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses hostile values in every field of every body', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const t of targets.filter((x) => x.bodySchema)) {
      for (const c of bodyCases(t.bodySchema as Schema, doc, t.body)) {
        cases++;
        const text = bodyText(t.bodySchema as Schema, doc, t.body, c);
        const field = c.path.length > 0 ? c.path.join('.') : undefined;
        await check(failures, label(t, `${field ?? 'body'} = ${c.hostile.label}`), () => sendJson(t, text), {
          field,
          codes: SHAPE_CODES,
        });
      }
    }
    expect(cases).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('names no unpublished call in any view a municipality sees', async () => {
    const leaks: string[] = [];
    for (const t of targets.filter((x) => x.method === 'get')) {
      const route = ROUTES.find((r) => r.method === 'get' && r.openApiPath === t.template);
      if (!route?.allowed.includes('municipality')) continue;
      const as = bearer(await api.token('municipality', route.ownedBy ?? DORTMUND));
      const res = await http.get(route.path).set(as);
      if (res.status >= 500) leaks.push(`${t.template}: HTTP ${res.status}`);
      if ((res.text ?? '').includes(DRAFT_CALL)) leaks.push(`${t.template} names ${DRAFT_CALL}`);
    }
    expect(leaks).toEqual([]);
    // The office does see it: the id is there to be found.
    const office = bearer(await api.token('grants-office'));
    expect((await http.get('/programmes/kkz').set(office)).text).toContain(DRAFT_CALL);
  });
});
