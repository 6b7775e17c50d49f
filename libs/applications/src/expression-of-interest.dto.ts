import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  registerDecorator,
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
import { isValidId } from '@app/eventsourcing';

const TEXT = 20000;

/** Answers by field id: at most 100, each a text (≤ 20,000 characters), a finite number or yes/no. */
function IsFormAnswers(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isFormAnswers',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message:
          '$property must map up to 100 field ids to text (at most 20000 characters), numbers or booleans',
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= 100 &&
            entries.every(
              ([key, v]) =>
                isValidId(key) &&
                ((typeof v === 'string' && v.length <= TEXT) ||
                  (typeof v === 'number' && Number.isFinite(v)) ||
                  typeof v === 'boolean'),
            )
          );
        },
      },
    });
}

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

  @ApiPropertyOptional({
    description:
      "Answers to the call's own form (`form.fields` of the call), by field id: text and dates as strings, numbers, yes/no as true/false",
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { schools: 12, concept: 'Medienkonzept der Grundschulen im Kreis' },
  })
  @IsOptional()
  @IsObject()
  @IsFormAnswers()
  answers?: Record<string, string | number | boolean>;
}

/** Splits the body into members and content, dropping undefined fields so events stay canonical. */
export function toContent(dto: ExpressionOfInterestDto) {
  const { memberAgs, ...content } = dto;
  return {
    memberAgs: memberAgs ?? [],
    content: JSON.parse(JSON.stringify(content)) as Omit<ExpressionOfInterestDto, 'memberAgs'>,
  };
}
