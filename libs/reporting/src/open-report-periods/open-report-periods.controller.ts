import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { IdPipe, Refuses } from '@app/shared';
import { OpenReportPeriodsCommand, ReportPeriodsOpened } from './open-report-periods.handler';
import { GrantPeriodUnreadable, GrantRevoked, ReportScheduleInvalid } from '../errors';

@ApiTags('Reporting')
@ApiBearerAuth()
@Controller('grants/:grantId/report-periods')
export class OpenReportPeriodsController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office opens the grant's report periods; periods already open stay as they are. */
  @Post()
  @HttpCode(200)
  @Refuses(GrantPeriodUnreadable, GrantRevoked, ReportScheduleInvalid)
  @Roles('grants-office')
  @ApiOkResponse({ type: ReportPeriodsOpened })
  open(@Param('grantId', IdPipe) grantId: string): Promise<ReportPeriodsOpened> {
    return this.commandBus.execute(new OpenReportPeriodsCommand(grantId));
  }
}
