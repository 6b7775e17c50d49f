import { Controller, Get, Param, Query as QueryParam, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  type ProgrammeReportView,
  renderProgrammeReportHtml,
  renderProgrammeReportPdf,
} from '@app/documents';
import { Roles } from '@app/identity';
import { IdPipe, preferredLocale, setContentLanguage } from '@app/shared';
import { GetProgrammeReportQuery } from './programme-report.query';

export class ProgrammeReportQuery {
  /** `pdf` for the printable report; the same as `Accept: application/pdf`. Default: HTML. */
  @ApiPropertyOptional({ enum: ['html', 'pdf'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'pdf'])
  format?: 'html' | 'pdf';
}

/** Whether the client asks for PDF before HTML (`Accept: application/pdf`, q-values respected). */
export function prefersPdf(accept: string | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    weights.set(type, q === undefined ? 1 : Number(q));
  }
  const pdf = weights.get('application/pdf') ?? 0;
  return pdf > 0 && pdf >= (weights.get('text/html') ?? 0);
}

@ApiTags('Reporting')
@ApiBearerAuth()
@Controller()
export class ProgrammeReportController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * The programme report, built from the read models as they are now: key figures, the time line
   * of phases and calls, funding by source and year, participants by phase and municipality type,
   * the latest survey. HTML (charts drawn offline, tables beside each) for a browser; PDF
   * with `Accept: application/pdf` or `?format=pdf`. For the grants office, auditors and
   * evaluators: it shows the whole programme, so no municipality reads it. German, or English on
   * `Accept-Language: en` (ranked above German); `Content-Language` says which.
   */
  @Get('programmes/:programmeId/report')
  @Roles('grants-office', 'auditor', 'evaluator')
  @ApiOkResponse({
    description: 'The programme report as an HTML page or a PDF document.',
    content: {
      'text/html': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async report(
    @Param('programmeId', IdPipe) programmeId: string,
    @QueryParam() query: ProgrammeReportQuery,
    // Read from the request, not as a documented parameter: OpenAPI ignores an `Accept` parameter,
    // and any value is answered (HTML unless PDF is preferred).
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const locale = preferredLocale(req.headers['accept-language']);
    const view: ProgrammeReportView = await this.queryBus.execute(
      new GetProgrammeReportQuery(programmeId, locale),
    );
    setContentLanguage(res, locale);
    if (query.format === 'pdf' || (query.format === undefined && prefersPdf(req.headers.accept))) {
      const pdf = await renderProgrammeReportPdf(view);
      return new StreamableFile(pdf.bytes, {
        type: pdf.contentType,
        disposition: `inline; filename="${locale === 'en' ? 'programme-report' : 'programmbericht'}-${programmeId}.pdf"`,
      });
    }
    return new StreamableFile(Buffer.from(renderProgrammeReportHtml(view), 'utf8'), {
      type: 'text/html; charset=utf-8',
    });
  }
}
