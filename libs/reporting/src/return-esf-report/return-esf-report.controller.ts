import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { ReturnEsfReportDto } from '../esf-report.dto';
import { ReturnEsfReportCommand } from './return-esf-report.handler';
import { EsfReportAlreadyAccepted, EsfReportNotSubmitted, ReturnRemarksMissing } from '../errors';

@ApiTags('Reporting')
@ApiBearerAuth()
@Controller(['reports/:reportId/return', 'esf-reports/:reportId/return'])
export class ReturnEsfReportController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office returns a submitted report with remarks, for correction and resubmission. */
  @Post()
  @HttpCode(200)
  @Refuses(EsfReportAlreadyAccepted, EsfReportNotSubmitted, ReturnRemarksMissing)
  @Roles('grants-office')
  returnForCorrection(
    @Param('reportId', IdPipe) reportId: string,
    @Body() body: ReturnEsfReportDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new ReturnEsfReportCommand(reportId, body.remarks));
  }
}
