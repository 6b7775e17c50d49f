import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { AcceptEsfReportCommand } from './accept-esf-report.handler';
import {
  EsfAcceptanceNotBooked,
  EsfReportAlreadyAccepted,
  EsfReportNotSubmitted,
  FinancingSourceExhausted,
  GrantRevoked,
} from '../errors';

@ApiTags('Reporting')
@ApiBearerAuth()
@Controller(['reports/:reportId/acceptance', 'esf-reports/:reportId/acceptance'])
export class AcceptEsfReportController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office accepts a submitted report; its figures then count in the programme totals. */
  @Post()
  @HttpCode(200)
  @Refuses(
    EsfAcceptanceNotBooked,
    EsfReportAlreadyAccepted,
    EsfReportNotSubmitted,
    FinancingSourceExhausted,
    GrantRevoked,
  )
  @Roles('grants-office')
  accept(@Param('reportId', IdPipe) reportId: string): Promise<CommandAccepted> {
    return this.commandBus.execute(new AcceptEsfReportCommand(reportId));
  }
}
