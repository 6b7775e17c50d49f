import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { DraftCallDto } from '../draft-call/draft-call.controller';
import {
  AmendmentEmpty,
  CallNotAmendable,
  ChangeReasonMissing,
  ClosingDateInPast,
  DuplicateAssessmentCriterion,
  InvalidForm,
  InvalidFundingTiers,
  InvalidParticipantRange,
  InvalidPopulationBands,
  OpensAfterClosing,
} from '../errors';
import { AmendCallCommand } from './amend-call.handler';

/** The terms an amendment may change; the closing moves by `POST /calls/:id/closing-extensions`. */
export class CallChangesDto extends PartialType(
  PickType(DraftCallDto, [
    'title',
    'description',
    'eligibleApplicantTypes',
    'opensOn',
    'fundingTiers',
    'conditions',
    'participants',
    'budgetCents',
    'assessmentCriteria',
    'crossSection',
    'form',
  ] as const),
) {}

export class AmendCallDto {
  @ApiProperty({ type: CallChangesDto, description: 'only the terms that change' })
  @IsObject()
  @ValidateNested()
  @Type(() => CallChangesDto)
  changes: CallChangesDto;

  @ApiProperty({ example: 'Budget um 200.000 € aufgestockt (Haushaltsbeschluss vom 3. März 2026)' })
  @IsString()
  @MaxLength(2000)
  reason: string;
}

@ApiTags('programmes and calls')
@ApiBearerAuth()
@Controller('calls/:callId/amendments')
export class AmendCallController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office amends a call's terms, with its reason; every municipality that drafted is notified. */
  @Post()
  @HttpCode(201)
  @Refuses(
    AmendmentEmpty,
    CallNotAmendable,
    ChangeReasonMissing,
    ClosingDateInPast,
    DuplicateAssessmentCriterion,
    InvalidForm,
    InvalidFundingTiers,
    InvalidParticipantRange,
    InvalidPopulationBands,
    OpensAfterClosing,
  )
  @Roles('grants-office')
  amend(
    @CurrentPrincipal() principal: Principal,
    @Param('callId', IdPipe) callId: string,
    @Body() body: AmendCallDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new AmendCallCommand(principal, callId, body.changes, body.reason));
  }
}
