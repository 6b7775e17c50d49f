import { Controller, Get, Param, Query as QueryParam, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { ApiFile, IdPipe, ListQuery, listPage, type Page } from '@app/shared';
import { esfTotalsCsv, esfTotalsXlsx } from '../exports/esf-totals.export';
import type { EsfReportView } from './esf-reports.projection';
import {
  type EsfTotalsView,
  GetEsfReportQuery,
  GetEsfTotalsQuery,
  ListGrantEsfReportsQuery,
} from './esf-reports.queries';

export class EsfReportsQuery extends ListQuery('status', 'from', 'to') {}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('ESF reporting')
@ApiBearerAuth()
@Controller()
export class EsfReportsQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A grant's reports: the grants office, auditors and the grant's own municipality. `from`/`to` by due date. */
  @Get('grants/:grantId/esf-reports')
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
  @Get('esf-reports/:reportId')
  @Roles('grants-office', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('reportId', IdPipe) reportId: string,
  ): Promise<EsfReportView> {
    return this.queryBus.execute(new GetEsfReportQuery(principal, reportId));
  }

  /** Programme totals by year and source, each line traced to its accepted reports and events. */
  @Get('programmes/:programmeId/esf-totals')
  @Roles('grants-office', 'auditor')
  totals(@Param('programmeId', IdPipe) programmeId: string): Promise<EsfTotalsView> {
    return this.queryBus.execute(new GetEsfTotalsQuery(programmeId));
  }

  /** The totals as CSV: RFC 4180, comma-separated, UTF-8, amounts in EUR with a decimal point. */
  @Get('programmes/:programmeId/esf-totals.csv')
  @Roles('grants-office', 'auditor')
  @ApiFile('text/csv', 'The totals, one line per year and source, with a header line.')
  async totalsCsv(@Param('programmeId', IdPipe) programmeId: string): Promise<StreamableFile> {
    const totals = await this.queryBus.execute(new GetEsfTotalsQuery(programmeId));
    return new StreamableFile(Buffer.from(esfTotalsCsv(totals), 'utf8'), {
      type: 'text/csv; charset=utf-8; header=present',
      disposition: `attachment; filename="esf-totals-${programmeId}.csv"`,
    });
  }

  /** The totals as an Excel workbook with numeric cells. */
  @Get('programmes/:programmeId/esf-totals.xlsx')
  @Roles('grants-office', 'auditor')
  @ApiFile(XLSX, 'An Excel workbook of the totals.', { binary: true })
  async totalsXlsx(@Param('programmeId', IdPipe) programmeId: string): Promise<StreamableFile> {
    const totals = await this.queryBus.execute(new GetEsfTotalsQuery(programmeId));
    return new StreamableFile(Buffer.from(esfTotalsXlsx(totals)), {
      type: XLSX,
      disposition: `attachment; filename="esf-totals-${programmeId}.xlsx"`,
    });
  }
}
