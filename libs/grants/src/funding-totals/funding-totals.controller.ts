import { Controller, Get, Param, Query as QueryParam, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  CSV_CONTENT_TYPE,
  CSV_DIALECTS,
  type CsvDialect,
  tableLocale,
  workbookLocale,
  writeCsv,
  writeXlsx,
  XLSX_CONTENT_TYPE,
} from '@app/documents';
import { Roles } from '@app/identity';
import { ApiFile, Clock, IdPipe, preferredLocale, setContentLanguage } from '@app/shared';
import {
  type FundingTotalsView,
  fundingTotalsTable,
  fundingTotalsWorkbook,
  GetFundingTotalsQuery,
} from './funding-totals.query';

export class FundingTotalsCsvQuery {
  /** `excel-de` (default): `;`, decimal comma, UTF-8 BOM, German headers (the sources' names). `rfc4180`: `,`, decimal point, snake_case headers (the sources' ids). */
  @ApiPropertyOptional({ enum: CSV_DIALECTS, default: 'excel-de' })
  @IsOptional()
  @IsIn(CSV_DIALECTS)
  dialect?: CsvDialect;
}

/** Money is not the evaluators' or a municipality's business across the programme: the office and auditors read it. */
@ApiTags('grants')
@ApiBearerAuth()
@Controller('programmes/:programmeId')
export class FundingTotalsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  /** The programme's accepted expenditure by year and funding source, each source named as its terms name it. */
  @Get('funding-totals')
  @Roles('grants-office', 'auditor')
  totals(@Param('programmeId', IdPipe) programmeId: string): Promise<FundingTotalsView> {
    return this.queryBus.execute(new GetFundingTotalsQuery(programmeId));
  }

  /** The totals as CSV: a row per year, a column per source, a totals row. Headers in English on `Accept-Language: en` (the sources keep their names; `Content-Language` says which). */
  @Get('funding-totals.csv')
  @Roles('grants-office', 'auditor')
  @ApiFile('text/csv', 'A row per year, a column per funding source (headed by its name), with a totals row.')
  async totalsCsv(
    @Param('programmeId', IdPipe) programmeId: string,
    @QueryParam() query: FundingTotalsCsvQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const view: FundingTotalsView = await this.queryBus.execute(new GetFundingTotalsQuery(programmeId));
    const table = fundingTotalsTable(view);
    const locale = tableLocale(table, preferredLocale(req.headers['accept-language']));
    setContentLanguage(res, locale);
    return new StreamableFile(Buffer.from(writeCsv(table, query.dialect ?? 'excel-de', locale), 'utf8'), {
      type: CSV_CONTENT_TYPE,
      disposition: `attachment; filename="finanzierung-${programmeId}.csv"`,
    });
  }

  /** An Excel workbook: expenditure by year and source, and each source's share. In English on `Accept-Language: en` (`Content-Language` says which). */
  @Get('funding-totals.xlsx')
  @Roles('grants-office', 'auditor')
  @ApiFile(XLSX_CONTENT_TYPE, 'An Excel workbook of the accepted expenditure by funding source.', {
    binary: true,
  })
  async totalsXlsx(
    @Param('programmeId', IdPipe) programmeId: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const view: FundingTotalsView = await this.queryBus.execute(new GetFundingTotalsQuery(programmeId));
    const workbook = fundingTotalsWorkbook(view, this.clock);
    const locale = workbookLocale(workbook, preferredLocale(req.headers['accept-language']));
    setContentLanguage(res, locale);
    return new StreamableFile(await writeXlsx(workbook, locale), {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="finanzierung-${programmeId}.xlsx"`,
    });
  }
}
