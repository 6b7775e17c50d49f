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
  app.use(securityHeaders());
  app.use(express.json({ limit: config.bodyLimitBytes, strict: true, verify: noteJsonBodySize }));
  app.use(checkJsonBody);
  const logger = new NestLogger('Http');
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) =>
    sendProblem(error, req, res, logger),
  );
  app.use(runInRequestContext);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = createApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
