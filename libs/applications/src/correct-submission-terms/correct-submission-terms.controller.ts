import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import {
  TermsAlreadyApplied,
  TermsCorrectionBeforeSubmission,
  TermsCorrectionReasonMissing,
  TermsVersionUnknown,
} from '../errors';
import { CorrectSubmissionTermsCommand } from './correct-submission-terms.handler';

export class SubmissionTermsCorrectionDto {
  @ApiProperty({ description: "The version of the programme's terms that applies from now on", example: 2 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({
    description: 'Why the submission is to be decided under that version',
    example:
      'Fassung 2 galt bereits am Tag der Einreichung (Erlass vom 3. März 2026), wurde aber erst später erfasst.',
  })
  @IsString()
  @MaxLength(2000)
  reason: string;
}

@ApiTags('expressions of interest')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/terms-corrections')
export class CorrectSubmissionTermsController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * The grants office corrects the terms a submission is decided under, with its reason
   * (`SubmissionTermsCorrected`); the submission's record stays. Later decisions on it use the
   * corrected version; a decision already taken is corrected on its own route.
   */
  @Post()
  @HttpCode(201)
  @Refuses(
    TermsAlreadyApplied,
    TermsCorrectionBeforeSubmission,
    TermsCorrectionReasonMissing,
    TermsVersionUnknown,
  )
  @Roles('grants-office')
  correct(
    @Param('applicationId', IdPipe) applicationId: string,
    @Body() body: SubmissionTermsCorrectionDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new CorrectSubmissionTermsCommand(applicationId, body.version, body.reason),
    );
  }
}
