import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { CommandAccepted, Refuses } from '@app/shared';
import { IssueGrantNoticeDto } from './grant-notice.dto';
import { IssueGrantNoticeCommand } from './issue-grant-notice.handler';
import {
  AmountAboveSelection,
  AmountNotPositive,
  AmountRequired,
  ApplicantNotSelected,
  ContinuationOfOtherMunicipality,
  ContinuationPeriodOverlaps,
  ContinuationPhaseMismatch,
  ContinuationRequired,
  ContinuedGrantRevoked,
  ContinuedGrantUnknown,
  CoordinatorMissing,
  EsfShareExceeded,
  FinancingDoesNotAddUp,
  GrantNoticeExists,
  GrantPeriodInvalid,
  GranteeNotSelectedApplicant,
  LandShareExceeded,
  NoticeBasisInvalid,
  OwnShareTooLow,
  PhaseNotOfCall,
  RulesVersionUnknown,
} from '../errors/notice-errors';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants')
export class IssueGrantNoticeController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office issues the notice for a selected municipality, or continues a grant into the next phase. */
  @Post()
  @Refuses(
    AmountAboveSelection,
    AmountNotPositive,
    AmountRequired,
    ApplicantNotSelected,
    ContinuationOfOtherMunicipality,
    ContinuationPeriodOverlaps,
    ContinuationPhaseMismatch,
    ContinuationRequired,
    ContinuedGrantRevoked,
    ContinuedGrantUnknown,
    CoordinatorMissing,
    EsfShareExceeded,
    FinancingDoesNotAddUp,
    GrantNoticeExists,
    GrantPeriodInvalid,
    GranteeNotSelectedApplicant,
    LandShareExceeded,
    NoticeBasisInvalid,
    OwnShareTooLow,
    PhaseNotOfCall,
    RulesVersionUnknown,
  )
  @Roles('grants-office')
  issue(@Body() body: IssueGrantNoticeDto): Promise<CommandAccepted> {
    return this.commandBus.execute(new IssueGrantNoticeCommand(body));
  }
}
