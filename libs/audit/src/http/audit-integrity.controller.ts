import { Controller, Get, Header, Query as QueryParam, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { ApiFile, Refuses } from '@app/shared';
import { TimeRangeReversed } from '../errors';
import type { PublicKeyInfo } from '../signing/audit-signing-key';
import type { IntegrityReport } from '../integrity/verify-integrity';
import {
  ExportRangeQuery,
  type ExportWriter,
  GetPublicKeyQuery,
  VerifyIntegrityQuery,
} from '../queries/integrity-queries';
import { ExportFilter } from './audit-query.dto';
import { timeRangeFrom } from './as-of-params';
import { ClientDisconnected, responseSink } from './response-sink';

/**
 * Proof that nothing was altered: the chain and checkpoint verification, signed exports, and the
 * key to check them with. The grants office may export and fetch the key too: it hands exports
 * to the ESF audit authority and publishes the key's fingerprint, but it changes nothing here.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditIntegrityController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('integrity')
  @Roles('auditor')
  @ApiOperation({ summary: 'Verify every stream chain and every integrity checkpoint' })
  integrity(): Promise<IntegrityReport> {
    return this.queryBus.execute(new VerifyIntegrityQuery());
  }

  @Get('export')
  @Refuses(TimeRangeReversed)
  @Roles('auditor', 'grants-office')
  @ApiFile('application/x-ndjson', 'One stored event per line (JSON), the signed manifest as the last line.')
  @ApiOperation({
    summary: 'NDJSON of the stored events in a range, the signed manifest as the last line',
    description: 'Check offline with `npm run audit:verify-export -- <file> --public-key <key>`.',
  })
  async export(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: ExportFilter,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const range = timeRangeFrom(filter);
    const writer: ExportWriter = await this.queryBus.execute(
      new ExportRangeQuery({
        description: {
          time: range.axis,
          ...(filter.programmeId ? { programmeId: filter.programmeId } : {}),
          ...(filter.ags ? { ags: filter.ags } : {}),
          ...(filter.from ? { from: filter.from } : {}),
          ...(filter.to ? { to: filter.to } : {}),
        },
        range,
        createdBy: principal.subject,
      }),
    );
    // The lines go out as they are read, on the Node response itself: Fastify hands it over with
    // the headers set so far (correlation id, security headers).
    const res = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) res.setHeader(name, value);
    reply.hijack();
    res.statusCode = 200;
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="audit-export-${writer.createdAt.replace(/[:.]/g, '-')}.ndjson"`,
    );
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    try {
      const sink = responseSink(res);
      await writer.write(sink.write, sink.signal);
      res.end();
    } catch (error) {
      // Half an export must not look like a whole one: once lines went out, cut the connection.
      if (error instanceof ClientDisconnected) res.destroy();
      else if (res.headersSent) res.destroy(error as Error);
      else throw error;
    }
  }

  @Get('public-key')
  @Roles('auditor', 'grants-office')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The Ed25519 public key that signs exports, to pin in the offline verifier' })
  publicKey(): Promise<PublicKeyInfo> {
    return this.queryBus.execute(new GetPublicKeyQuery());
  }
}
