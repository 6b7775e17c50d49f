import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createValidationPipe, MetricsRegistry } from '@app/shared';
import { type ApiOptions, ApiModule } from './api.module';
import { correlationIdOf, frameworkErrors, MAX_PARAM_LENGTH, registerHttpHooks } from './http-hooks';
import { securityHeaders } from './security-headers';
import { createApiDocument } from './openapi/api-document';
import { registerWebWorkspace } from './web/web-workspace';

function originOf(url: string): string[] {
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}

export type Api = NestFastifyApplication;

/**
 * The API exactly as it runs in production, for main.ts and for tests alike: Nest on Fastify,
 * security headers, a body size limit, correlation ids, problem+json for every error,
 * validation, OpenAPI. Fastify rather than Express because a command costs about a third less
 * CPU on it (bench/results/PROFILE.md, sixth session of 7 Dec). Tests that do not listen start
 * it with {@link initApi}.
 */
export async function buildApi(options: ApiOptions): Promise<Api> {
  const { config } = options;
  // With OIDC, the web workspace's sign-in fetches the identity provider's discovery and token endpoints.
  const headersFor = securityHeaders(config.auth.mode === 'oidc' ? originOf(config.auth.issuer) : []);
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    // Fastify's own request log stays off: pino-http (nestjs-pino) writes one line per request.
    logger: false,
    // The JSON body is read by the parser in http-hooks.ts, with its own limit.
    bodyLimit: config.bodyLimitBytes,
    // The correlation id is the request's id: the caller's if sane, else a fresh one.
    requestIdHeader: false,
    genReqId: correlationIdOf,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkErrors(headersFor),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(options), adapter, {
    // Bodies are read by the parser in http-hooks.ts alone.
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  registerHttpHooks(app.getHttpAdapter().getInstance(), {
    bodyLimitBytes: config.bodyLimitBytes,
    headersFor,
    metrics: app.get(MetricsRegistry),
  });
  // The web workspace's pages and files; every other path is the API's.
  await registerWebWorkspace(app, config.webRoot);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  // Built when /docs or /docs-json is first asked for (memoised by SwaggerModule): scanning every
  // route and DTO is about a tenth of the API's start, and most starts never serve the docs.
  SwaggerModule.setup('docs', app, () => createApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}

/**
 * Nest's routes, then Fastify's own readiness: what a test needs before it sends requests to
 * `app.getHttpServer()` without listening (`listen()` does both itself).
 */
export async function initApi<T extends Api>(app: T): Promise<T> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
