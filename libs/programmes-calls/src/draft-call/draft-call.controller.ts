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
import {
  CLOSING_RULES,
  type ClosingRule,
  type CouncilResolutionRule,
  CROSS_SECTION_DIMENSIONS,
  type CrossSectionDimension,
  FORM_FIELD_TYPES,
  type FormFieldType,
} from '../call';
import { DraftCallCommand } from './draft-call.handler';
import {
  CallAlreadyExists,
  ClosingDateInPast,
  DuplicateAssessmentCriterion,
  InvalidFundingTiers,
  InvalidParticipantRange,
  KickOffAfterClosing,
  UnknownProgramme,
  ClosingNotStated,
  InvalidForm,
  InvalidPopulationBands,
  OpensAfterClosing,
  PhaseStatedTwice,
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

export class CallClosingDto {
  @ApiProperty({ example: '2026-03-15', description: 'The last day as the call states it' })
  @IsPlausibleDate()
  date: string;
  @ApiProperty({
    enum: CLOSING_RULES,
    description:
      "`fixed`: the call ends at 24:00 Berlin of that day (§ 31 (3) sentence 2 VwVfG NRW); `statutory-shift`: a Saturday, Sunday or public holiday of the programme's holiday region moves to the next working day (§ 31 (3) VwVfG NRW)",
  })
  @IsIn(CLOSING_RULES)
  rule: ClosingRule;
}

export class PopulationBandDto {
  @ApiProperty({ example: 'under-30k' }) @IsRecordId() @MaxLength(80) bandId: string;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) @Max(100_000_000) minPopulation: number;
  @ApiPropertyOptional({ example: 29999, description: 'inclusive; open-ended when absent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  maxPopulation?: number;
}

export class CrossSectionDto {
  @ApiProperty({ enum: CROSS_SECTION_DIMENSIONS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(CROSS_SECTION_DIMENSIONS.length)
  @IsIn(CROSS_SECTION_DIMENSIONS, { each: true })
  dimensions: CrossSectionDimension[];

  @ApiPropertyOptional({ type: [PopulationBandDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PopulationBandDto)
  populationBands?: PopulationBandDto[];
}

export class FormFieldDto {
  @ApiProperty({ example: 'schools' }) @IsRecordId() @MaxLength(80) fieldId: string;
  @ApiProperty({ example: 'Beteiligte Schulen' }) @IsString() @IsNotEmpty() @MaxLength(300) label: string;
  @ApiProperty({ enum: FORM_FIELD_TYPES }) @IsIn(FORM_FIELD_TYPES) type: FormFieldType;
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiPropertyOptional({ example: 2000 }) @IsOptional() @IsInt() @Min(1) @Max(100_000) maxLength?: number;
  @ApiPropertyOptional({ type: [String], description: 'the values a `choice` field allows' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  options?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) help?: string;
}

export class CallFormDto {
  @ApiProperty({ type: [FormFieldDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  fields: FormFieldDto[];
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

  @ApiPropertyOptional({
    example: '2011-11-09',
    description: 'informational; `opensOn` refuses earlier submissions',
  })
  @IsOptional()
  @IsPlausibleDate()
  kickOffDate?: string;

  @ApiPropertyOptional({
    example: '2026-01-12',
    description: 'nothing is accepted before 00:00 Europe/Berlin of this day',
  })
  @IsOptional()
  @IsPlausibleDate()
  opensOn?: string;

  @ApiPropertyOptional({
    type: CallClosingDto,
    description: 'the closing day and its rule; or `closingDate`',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CallClosingDto)
  closing?: CallClosingDto;

  @ApiPropertyOptional({
    example: '2011-12-15',
    description:
      'The earlier form of `closing`: the last day, kept as stated (rule `fixed`); the call closes at 24:00 Europe/Berlin',
  })
  @IsOptional()
  @IsPlausibleDate()
  closingDate?: string;

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

  @ApiPropertyOptional({
    enum: [1, 2],
    description: 'the phase by number (phase-1, phase-2); prefer `phaseId`',
  })
  @IsOptional()
  @IsIn([1, 2])
  phase?: 1 | 2;

  @ApiPropertyOptional({ example: 'aufbau', description: "the programme's phase the call is for" })
  @IsOptional()
  @IsRecordId()
  @MaxLength(80)
  phaseId?: string;

  @ApiPropertyOptional({
    example: 120000000,
    description: 'the budget of the call in cents; selection stays within it',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetCents?: number;

  @ApiPropertyOptional({ type: CrossSectionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CrossSectionDto)
  crossSection?: CrossSectionDto;

  @ApiPropertyOptional({ type: CallFormDto, description: 'the expression-of-interest form' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CallFormDto)
  form?: CallFormDto;

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
    ClosingNotStated,
    InvalidForm,
    InvalidPopulationBands,
    OpensAfterClosing,
    PhaseStatedTwice,
  )
  @Roles('grants-office')
  draft(
    @Param('programmeId', IdPipe) programmeId: string,
    @Body() body: DraftCallDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new DraftCallCommand(programmeId, body));
  }
}
