import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { isDeprecatedReportPath } from '@app/reporting';
import { addProblemResponses } from './problem-responses';
import responseSchemas from './response-schemas.json';

export const API_DESCRIPTION = [
  'Event-sourced backend of public funding programmes (German grants practice; each programme states its own terms):',
  'programmes and calls, expressions of interest with council resolutions, formal check, assessment and',
  'selection, grant notices, disbursements, reports and proof of use, evaluation surveys and indicators,',
  'deadlines with reminders and escalation, notifications, and an auditor’s read-only view of the event history',
  'with integrity checks and signed exports.',
  '',
  '**Sign-in.** Every route but the health probes needs a bearer token (OpenID Connect in production, a dev',
  'token from `npm run token` otherwise). Each operation names the roles it admits (`x-roles`); a',
  'municipality sees and changes only its own records (others answer 404, as if they did not exist).',
  '',
  '**Language.** Field names, codes and this document are English. Texts meant for people (`title` and',
  '`detail` of problems, notices in the inbox) are German by default; send `Accept-Language: en` for English.',
  '',
  '**Errors.** Every refusal is `application/problem+json` (RFC 9457) with a stable, machine-readable `code`;',
  'each operation lists the codes it can answer, by status. A refused command records nothing.',
  '',
  '**Commands.** Commands answer the record’s id and `revision`. Send `If-Match: "<revision>"` to refuse',
  'a change to a record that changed meanwhile (409), and `Idempotency-Key` to make a retry safe: the same',
  'key and body answer as the first time, without a second effect.',
  '',
  '**Lists.** Every list route pages and filters the same way: `page` (from 1), `limit` (1–500, default 50),',
  '`q` (free text, every word must occur), and where they fit `status`, `ags`, `from`/`to` (Berlin days, by',
  'the list’s date); each answers `{ items, total, page, limit }`.',
  '',
  '**Time.** Dates are Berlin calendar days (`YYYY-MM-DD`), instants ISO-8601 in UTC. The business time the',
  'server decides by is `GET /clock` (a demo installation runs a simulated, faster clock).',
  '',
  '**Limits.** `RATE_LIMIT_PER_MINUTE` requests per minute per client address, across replicas; answers carry',
  '`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy`; past it 429 with `Retry-After`.',
].join('\n');

type Responses = Record<string, { description?: string; content?: Record<string, { schema?: object }> }>;
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: object[];
  parameters?: Array<Record<string, unknown>>;
  responses: Responses;
  'x-roles'?: string[];
  'x-public'?: boolean;
  deprecated?: boolean;
};

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

/** The OpenAPI document the API serves at /docs-json, complete: see API_DESCRIPTION. */
export function createApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Förderprogramme – API')
      .setDescription(API_DESCRIPTION)
      .setVersion('0.1.0')
      .setLicense('UNLICENSED', 'https://choosealicense.com/no-permission/')
      .addServer('/', 'This installation')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  nameAliasedRoutes(document);
  addResponseSchemas(document);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op) describeOperation(path, method, op);
    }
  }
  addProblemResponses(document);
  document.tags = [...new Set(Object.values(document.paths).flatMap((item) => Object.values(item)))]
    .flatMap((op) => (op as { tags?: string[] }).tags ?? [])
    .filter((tag, i, all) => all.indexOf(tag) === i)
    .sort()
    .map((name) => ({ name, description: `Routes of ${name}.` }));
  return document;
}

/**
 * A handler served under two paths (a route and its deprecated alias) gets Nest's operation ids
 * `<Controller>_<method>[0]` and `[1]`: the route keeps `<Controller>_<method>`, the alias is
 * `<Controller>_<method>_deprecated`, marked deprecated.
 */
function nameAliasedRoutes(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op?.operationId) continue;
      const base = op.operationId.replace(/\[\d+\]$/, '');
      if (isDeprecatedReportPath(path)) {
        op.operationId = `${base}_deprecated`;
        op.deprecated = true;
      } else op.operationId = base;
    }
  }
}

/** Fills each 2xx answer the compiler plugin left without a schema from the routes' return types. */
function addResponseSchemas(document: OpenAPIObject): void {
  const generated = responseSchemas as {
    components: Record<string, object>;
    operations: Record<string, object>;
  };
  document.components = document.components ?? {};
  document.components.schemas = { ...generated.components, ...document.components.schemas };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      const schema = op?.operationId
        ? generated.operations[op.operationId.replace(/_deprecated$/, '')]
        : undefined;
      if (!op || !schema) continue;
      for (const [status, response] of Object.entries(op.responses)) {
        if (!status.startsWith('2')) continue;
        if (!response.description) response.description = status === '201' ? 'Recorded.' : 'Success.';
        // A file or text answer (CSV, iCalendar, …) keeps the media type its route declares.
        if (Object.keys(response.content ?? {}).some((type) => type !== 'application/json')) continue;
        // The plugin's schema stands where it names a class; for an interface or a type alias it
        // could only say `object` (or nothing), and the type checker's schema is the better one.
        const json = response.content?.['application/json'];
        if (!json?.schema || !JSON.stringify(json.schema).includes('$ref')) {
          response.content = { ...response.content, 'application/json': { schema } };
        }
      }
    }
  }
}

/** Summary (first sentence of the JSDoc), roles, security and the Idempotency-Key header. */
function describeOperation(path: string, method: string, op: Operation): void {
  const text = (op.summary ?? '').trim();
  const first = /^(.+?[.!?])(\s|$)/s.exec(text)?.[1] ?? text;
  if (text.length > first.length || first.length > 120) {
    op.summary = first.length > 120 ? `${first.slice(0, 117)}…` : first;
    op.description = [text, op.description].filter(Boolean).join('\n\n');
  }
  op.summary = op.summary?.replace(/\s+/g, ' ').replace(/\.$/, '');
  const guarded = !op['x-public'];
  if (op['x-public']) {
    op.security = [];
    op.description = [op.description, 'Public: no token needed.'].filter(Boolean).join('\n\n');
  } else if (op['x-roles']) {
    op.description = [op.description, `Roles: ${op['x-roles'].join(', ')}.`].filter(Boolean).join('\n\n');
  }
  delete op['x-public'];
  // A parameter sent as one string and split by the server (e.g. `steps=largely,fully`) keeps the
  // plugin's array `items` beside its declared string type: the string is what a client sends.
  for (const parameter of op.parameters ?? []) {
    const schema = parameter.schema as { type?: string; items?: unknown } | undefined;
    if (schema?.type && schema.type !== 'array') delete schema.items;
  }
  if (method !== 'get' && guarded) {
    op.parameters = [
      ...(op.parameters ?? []),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Makes a retry safe: a repeat with the same key and body answers as the first time (with `Idempotent-Replayed: true`) and records nothing twice; the same key with another body is refused (422 `idempotency-key-reused`). 1–200 visible ASCII characters.',
        schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
      },
    ];
  }
  if (path === '/health' || path === '/health/ready') {
    const ok = op.responses['200'];
    op.responses['503'] = { description: 'A part is down (see the body).', content: ok?.content };
  }
}
