import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { createValidationPipe, MetricsRegistry, noteJsonBodySize, sendProblem } from '@app/shared';
import { type ApiOptions, ApiModule } from './api.module';
import { checkJsonBody } from './body-checks.middleware';
import { assignCorrelationId, runInRequestContext } from './correlation.middleware';
import { createApiDocument } from './openapi/api-document';
import { securityHeaders } from './security-headers';
import { webWorkspace } from './web/web-workspace';

function originOf(url: string): string[] {
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}

/**
 * The API exactly as it runs in production, for main.ts and for tests alike: security headers,
 * a body size limit, correlation ids, problem+json for every error, validation, OpenAPI.
 */
export async function buildApi(options: ApiOptions): Promise<NestExpressApplication> {
  const { config } = options;
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(options), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Every answer is built fresh from the read models; ETags would cost a hash per response for nothing.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  // Before any route: correlation id, headers, body parsing and its checks. Errors of
  // these steps never reach Nest's filters, so one handler after them renders them as problem+json.
  app.use(assignCorrelationId);
  app.use(app.get(MetricsRegistry).httpMetrics());
  // With OIDC, the web workspace's sign-in fetches the identity provider's discovery and token endpoints.
  app.use(securityHeaders(config.auth.mode === 'oidc' ? originOf(config.auth.issuer) : []));
  // The web workspace's pages and files; every other path is the API's.
  app.use(webWorkspace(config.webRoot));
  app.use(express.json({ limit: config.bodyLimitBytes, strict: true, verify: noteJsonBodySize }));
  app.use(checkJsonBody);
  const logger = new NestLogger('Http');
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) =>
    sendProblem(error, req, res, logger),
  );
  app.use(runInRequestContext);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  // Built when /docs or /docs-json is first asked for (memoised by SwaggerModule): scanning every
  // route and DTO is about a tenth of the API's start, and most starts never serve the docs.
  SwaggerModule.setup('docs', app, () => createApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}
