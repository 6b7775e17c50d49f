import { Controller, Get, Param, Query as QueryParam, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  CSV_CONTENT_TYPE,
  CSV_DIALECTS,
  type CsvDialect,
  fundingByYearTable,
  fundingLinesTable,
  fundingWorkbook,
  tableLocale,
  workbookLocale,
  writeCsv,
  writeXlsx,
  XLSX_CONTENT_TYPE,
} from '@app/documents';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import {
  ApiFile,
  IdPipe,
  ListQuery,
  listPage,
  type Page,
  preferredLocale,
  setContentLanguage,
} from '@app/shared';
import { GetFundingExportQuery } from '../exports/funding-export.query';
import type { EsfReportView } from './esf-reports.projection';
import {
  type EsfTotalsView,
  GetEsfReportQuery,
  GetEsfTotalsQuery,
  ListGrantEsfReportsQuery,
} from './esf-reports.queries';

/** The neutral routes name every programme's sources; these name the first programme's three. */
const DEPRECATED_TOTALS =
  'Deprecated: use `/programmes/{programmeId}/funding-totals` (also `.csv`, `.xlsx`), which lists every source of the programme by its name.';

export class EsfReportsQuery extends ListQuery('status', 'from', 'to') {}

export class FundingCsvQuery {
  /** `excel-de` (default): `;`, decimal comma, UTF-8 BOM, German headers, for German Excel and LibreOffice. `rfc4180`: `,`, decimal point, ISO dates, snake_case headers, for programs. */
  @ApiPropertyOptional({ enum: CSV_DIALECTS, default: 'excel-de' })
  @IsOptional()
  @IsIn(CSV_DIALECTS)
  dialect?: CsvDialect;

  /** `totals` (default): a row per year, a column per source; `lines`: every accepted amount with its municipality, grant, report and their ids. */
  @ApiPropertyOptional({ enum: ['totals', 'lines'], default: 'totals' })
  @IsOptional()
  @IsIn(['totals', 'lines'])
  table?: 'totals' | 'lines';
}

@ApiTags('Reporting')
@ApiBearerAuth()
@Controller()
export class EsfReportsQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A grant's reports: the grants office, auditors and the grant's own municipality. `from`/`to` by due date. */
  @Get(['grants/:grantId/reports', 'grants/:grantId/esf-reports'])
  @Roles('grants-office', 'auditor', 'municipality')
  async listForGrant(
    @CurrentPrincipal() principal: Principal,
    @Param('grantId', IdPipe) grantId: string,
    @QueryParam() query: EsfReportsQuery,
  ): Promise<Page<EsfReportView>> {
    const reports: EsfReportView[] = await this.queryBus.execute(
      new ListGrantEsfReportsQuery(principal, grantId),
    );
    return listPage(reports, query, {
      text: (r) => [r.reportId, r.periodId, r.grantId, r.ags, r.status],
      status: (r) => r.status,
      date: (r) => r.dueDate,
    });
  }

  /** One ESF report with its draft, submission, remarks, acceptance and history. */
  @Get(['reports/:reportId', 'esf-reports/:reportId'])
  @Roles('grants-office', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('reportId', IdPipe) reportId: string,
  ): Promise<EsfReportView> {
    return this.queryBus.execute(new GetEsfReportQuery(principal, reportId));
  }

  /** Programme totals by year and source, each line traced to its accepted reports and events. */
  @Get('programmes/:programmeId/esf-totals')
  @ApiOperation({ deprecated: true, description: DEPRECATED_TOTALS })
  @Roles('grants-office', 'auditor')
  totals(@Param('programmeId', IdPipe) programmeId: string): Promise<EsfTotalsView> {
    return this.queryBus.execute(new GetEsfTotalsQuery(programmeId));
  }

  /** The totals as CSV for German Excel (default) or, with `?dialect=rfc4180`, for programs; `?table=lines` lists every accepted amount. Headers in English on `Accept-Language: en` where the table has English texts (`Content-Language` says which). */
  @Get('programmes/:programmeId/esf-totals.csv')
  @ApiOperation({ deprecated: true, description: DEPRECATED_TOTALS })
  @Roles('grants-office', 'auditor')
  @ApiFile(
    'text/csv',
    'The totals by year and source (or every accepted amount), with a header line and a totals row.',
  )
  async totalsCsv(
    @Param('programmeId', IdPipe) programmeId: string,
    @QueryParam() query: FundingCsvQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const view = await this.queryBus.execute(new GetFundingExportQuery(programmeId));
    const table = query.table === 'lines' ? fundingLinesTable(view) : fundingByYearTable(view);
    const locale = tableLocale(table, preferredLocale(req.headers['accept-language']));
    setContentLanguage(res, locale);
    return new StreamableFile(Buffer.from(writeCsv(table, query.dialect ?? 'excel-de', locale), 'utf8'), {
      type: CSV_CONTENT_TYPE,
      disposition: `attachment; filename="esf-totals-${programmeId}.csv"`,
    });
  }

  /** An Excel workbook: totals by year, a row per grant, every amount, a sheet per grant and per municipality; € formats, frozen headers, totals that reconcile to the cent. */
  @Get('programmes/:programmeId/esf-totals.xlsx')
  @ApiOperation({ deprecated: true, description: DEPRECATED_TOTALS })
  @Roles('grants-office', 'auditor')
  @ApiFile(XLSX_CONTENT_TYPE, 'An Excel workbook of the accepted expenditure.', { binary: true })
  async totalsXlsx(
    @Param('programmeId', IdPipe) programmeId: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const view = await this.queryBus.execute(new GetFundingExportQuery(programmeId));
    const workbook = fundingWorkbook(view);
    const locale = workbookLocale(workbook, preferredLocale(req.headers['accept-language']));
    setContentLanguage(res, locale);
    return new StreamableFile(await writeXlsx(workbook, locale), {
      type: XLSX_CONTENT_TYPE,
      disposition: `attachment; filename="esf-totals-${programmeId}.xlsx"`,
    });
  }
}
