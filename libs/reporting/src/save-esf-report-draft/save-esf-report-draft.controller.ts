import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, IfMatchRevision, Refuses } from '@app/shared';
import { EsfReportContentDto, toContentInput } from '../esf-report.dto';
import { SaveEsfReportDraftCommand } from './save-esf-report-draft.handler';
import {
  EsfReportAlreadyAccepted,
  EsfReportAwaitingReview,
  EsfReportPeriodNotOpened,
  ExpenditureTotalMismatch,
  FinancingFormNotApplicable,
  FinancingSourceTwice,
  FinancingSourceUnknown,
  InvalidReportFigures,
  IndicatorTypeMismatch,
  UnknownIndicator,
} from '../errors';

@ApiTags('Reporting')
@ApiBearerAuth()
@Controller(['reports/:reportId', 'esf-reports/:reportId'])
export class SaveEsfReportDraftController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The municipality saves its draft report (replacing the previous draft). */
  @Put()
  @Refuses(
    EsfReportAlreadyAccepted,
    EsfReportAwaitingReview,
    EsfReportPeriodNotOpened,
    ExpenditureTotalMismatch,
    FinancingFormNotApplicable,
    FinancingSourceTwice,
    FinancingSourceUnknown,
    InvalidReportFigures,
    IndicatorTypeMismatch,
    UnknownIndicator,
  )
  @Roles('municipality')
  @ApiHeader({ name: 'If-Match', required: false, description: 'revision last read, e.g. "0"' })
  save(
    @CurrentPrincipal() principal: Principal,
    @Param('reportId', IdPipe) reportId: string,
    @Body() body: EsfReportContentDto,
    @IfMatchRevision() expectedRevision?: number,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new SaveEsfReportDraftCommand(principal, reportId, toContentInput(body), expectedRevision),
    );
  }
}
