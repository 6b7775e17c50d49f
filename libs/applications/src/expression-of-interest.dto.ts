import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsObject,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AGS_PATTERN, IsPlausibleDate } from '@app/shared';

const TEXT = 20000;

export class FinancialPlanDto {
  @ApiProperty({ example: 40000 }) @IsInt() @Min(0) @Max(1_000_000_000) ownContributionEur: number;
  @ApiProperty({ enum: ['staff-costs', 'material-costs', 'mixed'] })
  @IsIn(['staff-costs', 'material-costs', 'mixed'])
  ownContributionKind: 'staff-costs' | 'material-costs' | 'mixed';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) notes?: string;
}

export class CoordinatorDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) phone?: string;
}

export class CouncilResolutionStatementDto {
  @ApiProperty({ enum: ['adopted', 'promised'] }) @IsIn(['adopted', 'promised']) status:
    'adopted' | 'promised';
  @ApiPropertyOptional({ example: '2012-04-26' }) @IsOptional() @IsPlausibleDate() date?: string;
  @ApiPropertyOptional({ example: 'B/17/1797-01' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;
}

/** The content of an Interessensbekundung; everything optional while drafting, checked at submission. */
export class ExpressionOfInterestDto {
  @ApiPropertyOptional({
    description: "Joint application (Verbundbewerbung): the members' AGS; the caller is the lead",
    example: ['05978020', '05978024', '05978032', '05978036'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(AGS_PATTERN, { each: true, message: 'each member must be an 8-digit AGS' })
  memberAgs?: string[];

  @ApiPropertyOptional({ example: 'Brücken für Familien' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  motto?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) existingActivities?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) goals?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) measures?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) successCriteria?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) difficulties?: string;
  @ApiPropertyOptional({ type: FinancialPlanDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FinancialPlanDto)
  financialPlan?: FinancialPlanDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) nextSteps?: string;
  @ApiPropertyOptional({ type: CoordinatorDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CoordinatorDto)
  coordinator?: CoordinatorDto;
  @ApiPropertyOptional({ type: CouncilResolutionStatementDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CouncilResolutionStatementDto)
  councilResolution?: CouncilResolutionStatementDto;
}

/** Splits the body into members and content, dropping undefined fields so events stay canonical. */
export function toContent(dto: ExpressionOfInterestDto) {
  const { memberAgs, ...content } = dto;
  return {
    memberAgs: memberAgs ?? [],
    content: JSON.parse(JSON.stringify(content)) as Omit<ExpressionOfInterestDto, 'memberAgs'>,
  };
}
