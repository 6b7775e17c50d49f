import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { EsfReportContentDto, toContentInput } from '../esf-report.dto';
import { SubmitEsfReportCommand } from './submit-esf-report.handler';
import {
  EsfReportAlreadyAccepted,
  EsfReportAwaitingReview,
  EsfReportIncomplete,
  EsfReportPeriodNotEnded,
  EsfReportPeriodNotOpened,
  ExpenditureTotalMismatch,
  FinancingFormNotApplicable,
  FinancingSourceTwice,
  FinancingSourceUnknown,
  FinancingShareExceeded,
  FinancingSourceExhausted,
  GrantRevoked,
  InvalidReportFigures,
  IndicatorRequired,
  IndicatorTypeMismatch,
  UnknownIndicator,
} from '../errors';

@ApiTags('Reporting')
@ApiBearerAuth()
@Controller(['reports/:reportId/submissions', 'esf-reports/:reportId/submissions'])
export class SubmitEsfReportController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * The municipality submits its report once the period has ended, or resubmits it corrected
   * after it was returned. Parts left out of the body are taken from the saved draft.
   */
  @Post()
  @Refuses(
    EsfReportAlreadyAccepted,
    EsfReportAwaitingReview,
    EsfReportIncomplete,
    EsfReportPeriodNotEnded,
    EsfReportPeriodNotOpened,
    ExpenditureTotalMismatch,
    FinancingFormNotApplicable,
    FinancingSourceTwice,
    FinancingSourceUnknown,
    FinancingShareExceeded,
    FinancingSourceExhausted,
    GrantRevoked,
    InvalidReportFigures,
    IndicatorRequired,
    IndicatorTypeMismatch,
    UnknownIndicator,
  )
  @Roles('municipality')
  submit(
    @CurrentPrincipal() principal: Principal,
    @Param('reportId', IdPipe) reportId: string,
    @Body() body: EsfReportContentDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new SubmitEsfReportCommand(principal, reportId, toContentInput(body)));
  }
}
