import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { IsPlausibleDate } from '@app/shared';
import {
  COUNCIL_BODIES,
  CONSULTATION_STAGES,
  type CouncilBody,
  type CouncilResolutionContent,
  type ConsultationStage,
  RESOLUTION_RESULTS,
  type ResolutionResult,
  type ResolutionSource,
  SIGN_OFF_ROLES,
  type SignOffRole,
  withoutUndefined,
} from './council-resolution';
import { RESOLUTION_TEXT_LIMITS as LIMITS } from './resolution-limits';

export class CouncilPaperDto {
  @ApiProperty({ example: 'B/17/1797-01', description: 'Drucksachen-/Vorlagen-Nr.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.paperReference)
  reference: string;
  @ApiProperty({ example: 'Beschlussvorlage' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.paperType)
  type: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.paperTitle) title?: string;
  @ApiPropertyOptional({ example: '2012-04-13' }) @IsOptional() @IsPlausibleDate() date?: string;
}

export class FinancialConsequencesDto {
  @ApiProperty({ description: 'Finanzielle Auswirkungen: ja / keine' }) @IsBoolean() hasConsequences: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.description) description?: string;
  @ApiPropertyOptional({ example: 6400000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000_000)
  amountCents?: number;
}

export class SignOffDto {
  @ApiProperty({ enum: SIGN_OFF_ROLES }) @IsIn(SIGN_OFF_ROLES) role: SignOffRole;
  @ApiProperty({ example: 'Stahl' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.signOffName) name: string;
  @ApiProperty({ example: '2012-04-13' }) @IsPlausibleDate() date: string;
  @ApiPropertyOptional({ example: 'Bereichsleiter Bereich 0-4' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.signOffTitle)
  title?: string;
}

export class ConsultationDto {
  @ApiProperty({ example: 'Rat der Stadt Oberhausen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.committee)
  committee: string;
  @ApiProperty({ enum: CONSULTATION_STAGES }) @IsIn(CONSULTATION_STAGES) stage: ConsultationStage;
  @ApiProperty({ example: '2012-04-23' }) @IsPlausibleDate() date: string;
  @ApiPropertyOptional({ enum: RESOLUTION_RESULTS })
  @IsOptional()
  @IsIn(RESOLUTION_RESULTS)
  result?: ResolutionResult;
}

/** What a municipality states beside OParl documents, and part of every manual record. */
export class StatedBesideOparlDto {
  @ApiPropertyOptional({ type: FinancialConsequencesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FinancialConsequencesDto)
  financialConsequences?: FinancialConsequencesDto;
  @ApiPropertyOptional({ type: [SignOffDto], description: 'department head, Dezernent, treasurer, mayor' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SignOffDto)
  signOffs?: SignOffDto[];
}

/** A council resolution stated by hand (Ratsbeschluss / Kreistagsbeschluss). */
export class CouncilResolutionDto extends StatedBesideOparlDto {
  @ApiProperty({
    enum: COUNCIL_BODIES,
    description: "'council' for cities (Rat), 'county-assembly' for a Kreis",
  })
  @IsIn(COUNCIL_BODIES)
  body: CouncilBody;
  @ApiProperty({ type: CouncilPaperDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CouncilPaperDto)
  paper: CouncilPaperDto;
  @ApiProperty({ description: 'Beschlussvorschlag' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.proposal)
  proposal: string;
  @ApiPropertyOptional({ type: [ConsultationDto], description: 'Beratungsfolge, in the order it took place' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ConsultationDto)
  consultations?: ConsultationDto[];
  @ApiProperty({ enum: RESOLUTION_RESULTS }) @IsIn(RESOLUTION_RESULTS) result: ResolutionResult;
  @ApiProperty({ example: '2012-04-23' }) @IsPlausibleDate() resultDate: string;
}

export class CouncilResolutionCorrectionDto extends CouncilResolutionDto {
  @ApiProperty({ description: 'Why the record is corrected' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.reason)
  reason: string;
}

/** The body as plain data: DTO instances and `undefined` members never reach an event. */
export function toContent(dto: CouncilResolutionDto, source: ResolutionSource): CouncilResolutionContent {
  return withoutUndefined({
    body: dto.body,
    paper: { ...dto.paper },
    proposal: dto.proposal,
    financialConsequences: dto.financialConsequences && { ...dto.financialConsequences },
    signOffs: (dto.signOffs ?? []).map((s) => ({ ...s })),
    consultations: (dto.consultations ?? []).map((c) => ({ ...c })),
    result: dto.result,
    resultDate: dto.resultDate,
    source,
  });
}
