import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Roles } from '@app/identity';
import {
  CommandAccepted,
  IdPipe,
  IsPlausibleDate,
  IsRecordId,
  MUNICIPALITY_TYPES,
  type MunicipalityType,
  Refuses,
} from '@app/shared';
import type { CouncilResolutionRule } from '../call';
import { DraftCallCommand } from './draft-call.handler';
import {
  CallAlreadyExists,
  ClosingDateInPast,
  DuplicateAssessmentCriterion,
  InvalidFundingTiers,
  InvalidParticipantRange,
  KickOffAfterClosing,
  UnknownProgramme,
} from '../errors';

export class FundingTierDto {
  @ApiProperty({ example: 200001 }) @IsInt() @Min(0) @Max(100_000_000) minPopulation: number;
  @ApiPropertyOptional({ description: 'inclusive; open-ended when absent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  maxPopulation?: number;
  @ApiProperty({ example: 64000 }) @IsInt() @Min(1) @Max(1_000_000_000) amountEur: number;
}

const RESOLUTION_RULES: CouncilResolutionRule[] = [
  'required-at-submission',
  'may-follow-after-selection',
  'not-required',
];

export class CallConditionsDto {
  @ApiProperty({ enum: RESOLUTION_RULES }) @IsIn(RESOLUTION_RULES) councilResolution: CouncilResolutionRule;
  @ApiProperty() @IsBoolean() coordinatorRequired: boolean;
}

export class ParticipantRangeDto {
  @ApiProperty({ example: 10 }) @IsInt() @Min(1) @Max(10000) min: number;
  @ApiProperty({ example: 15 }) @IsInt() @Min(1) @Max(10000) max: number;
}

export class AssessmentCriterionDto {
  @ApiProperty({ example: 'prevention-concept' }) @IsRecordId() @MaxLength(80) criterionId: string;
  @ApiProperty({ example: 'Verbesserung der Lage von Kindern durch Prävention' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;
  @ApiProperty({ example: 40, description: 'relative weight of the criterion' })
  @IsInt()
  @Min(1)
  @Max(1000)
  weight: number;
}

export class DraftCallDto {
  /** At most 150 characters: expressions of interest are named `<callId>.<AGS>`. */
  @ApiPropertyOptional({ example: 'kkz-2011' }) @IsOptional() @IsRecordId() @MaxLength(150) callId?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) description?: string;

  @ApiProperty({ enum: MUNICIPALITY_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MUNICIPALITY_TYPES, { each: true })
  eligibleApplicantTypes: MunicipalityType[];

  @ApiPropertyOptional({ example: '2011-11-09' }) @IsOptional() @IsPlausibleDate() kickOffDate?: string;
  @ApiProperty({ example: '2011-12-15', description: 'Last day; the call closes at 24:00 Europe/Berlin' })
  @IsPlausibleDate()
  closingDate: string;

  @ApiProperty({ type: [FundingTierDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FundingTierDto)
  fundingTiers: FundingTierDto[];

  @ApiProperty({ type: CallConditionsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CallConditionsDto)
  conditions: CallConditionsDto;

  @ApiPropertyOptional({ type: ParticipantRangeDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ParticipantRangeDto)
  participants?: ParticipantRangeDto;

  @ApiPropertyOptional({ enum: [1, 2], description: 'Förderphase I (2011 call) or II (from 2016/2017)' })
  @IsOptional()
  @IsIn([1, 2])
  phase?: 1 | 2;

  @ApiPropertyOptional({ type: [AssessmentCriterionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AssessmentCriterionDto)
  assessmentCriteria?: AssessmentCriterionDto[];
}

@ApiTags('programmes and calls')
@ApiBearerAuth()
@Controller('programmes/:programmeId/calls')
export class DraftCallController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office drafts a call for expressions of interest. */
  @Post()
  @Refuses(
    CallAlreadyExists,
    ClosingDateInPast,
    DuplicateAssessmentCriterion,
    InvalidFundingTiers,
    InvalidParticipantRange,
    KickOffAfterClosing,
    UnknownProgramme,
  )
  @Roles('grants-office')
  draft(
    @Param('programmeId', IdPipe) programmeId: string,
    @Body() body: DraftCallDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new DraftCallCommand(programmeId, body));
  }
}
