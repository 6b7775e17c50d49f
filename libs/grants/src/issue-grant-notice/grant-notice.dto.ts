import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  type ValidationArguments,
  ValidateNested,
} from 'class-validator';
import { AGS_PATTERN, IsPlausibleDate, IsRecordId, sourceAmountsProblem } from '@app/shared';

/** Ten million euros in cents: far above any municipality's grant, far below float trouble. */
export const MAX_CENTS = 1_000_000_000;

export class GrantPeriodDto {
  @ApiProperty({ example: '2012-03-01' }) @IsPlausibleDate() from: string;
  @ApiProperty({ example: '2015-06-30' }) @IsPlausibleDate() to: string;
}

/** One source's part of the financing plan. */
export class SourceAmountDto {
  @ApiProperty({ example: 'bund', description: "The id of one of the programme terms' sources" })
  sourceId: string;

  @ApiProperty({ example: 4_500_000, description: 'In cents' })
  cents: number;
}

/** The first programme's form, deprecated: for programmes whose sources are esf, land and own. */
export class FinancingV1Dto {
  @ApiProperty({ example: 4_300_000, description: 'ESF share of the grant in cents' })
  esfCents: number;

  @ApiProperty({ example: 2_100_000, description: "The Land's share of the grant in cents" })
  landCents: number;

  @ApiProperty({ example: 2_200_000, description: "The municipality's own funds (Eigenanteil) in cents" })
  ownCents: number;
}

const isCents = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_CENTS;
const V1_KEYS = ['esfCents', 'landCents', 'ownCents'];

/** Why a financing value is not one the API takes, or undefined when it is. */
export function financingProblem(value: unknown): string | undefined {
  if (Array.isArray(value)) return sourceAmountsProblem(value, MAX_CENTS);
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length !== 3 || !V1_KEYS.every((k) => keys.includes(k)))
      return 'must be a list of { sourceId, cents } (or, deprecated, { esfCents, landCents, ownCents })';
    if (!V1_KEYS.every((k) => isCents((value as Record<string, unknown>)[k])))
      return `esfCents, landCents and ownCents must be whole numbers between 0 and ${MAX_CENTS}`;
    return undefined;
  }
  return 'must be a list of { sourceId, cents }';
}

/** A financing plan or expenditure: a list of { sourceId, cents }, or the deprecated v1 object. */
export function IsFinancing(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isFinancing',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => financingProblem(value) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'financing'} ${financingProblem(args?.value) ?? 'is invalid'}`,
      },
    });
  };
}

/** The OpenAPI description of a financing field: the list, or the v1 object (deprecated). */
export const financingSchema = (description: string) => ({
  description: `${description} A list of { sourceId, cents }, one entry per source of the programme's terms (a source not named counts 0). Deprecated: the object { esfCents, landCents, ownCents }, for programmes whose sources are esf, land and own.`,
  oneOf: [
    { type: 'array', items: { $ref: getSchemaPath(SourceAmountDto) } },
    { $ref: getSchemaPath(FinancingV1Dto), deprecated: true },
  ],
  example: [
    { sourceId: 'esf', cents: 4_300_000 },
    { sourceId: 'land', cents: 2_100_000 },
    { sourceId: 'own', cents: 2_200_000 },
  ],
});

export class GrantCoordinatorDto {
  @ApiProperty({ example: 'Koordinierungsstelle Kreis Unna' }) @IsString() @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) phone?: string;
}

/**
 * A Zuwendungsbescheid: after a selection (`applicationId`) or continuing the previous phase's
 * grant (`continuationOf`), exactly one of the two.
 */
@ApiExtraModels(SourceAmountDto, FinancingV1Dto)
export class IssueGrantNoticeDto {
  @ApiPropertyOptional({
    example: 'phase-1',
    description:
      "The programme's phase (one of its terms' phaseIds); by default the call's phase, or for a continuation the next one. A programme without phases takes none.",
  })
  @IsOptional()
  @IsRecordId()
  phaseId?: string;

  @ApiPropertyOptional({
    enum: [1, 2],
    deprecated: true,
    description: 'Deprecated: the phase by number, the same as phaseId `phase-<n>`.',
  })
  @IsOptional()
  @IsIn([1, 2])
  phase?: 1 | 2;
  @ApiProperty({ example: '05978000' })
  @Matches(AGS_PATTERN, { message: 'ags must be an 8-digit AGS' })
  ags: string;
  @ApiPropertyOptional({ example: 'kkz-2011.05978000' }) @IsOptional() @IsRecordId() applicationId?: string;
  @ApiPropertyOptional({
    example: 'kkz.phase-1.05978000',
    description: 'The grant this notice continues into the next phase',
  })
  @IsOptional()
  @IsRecordId()
  continuationOf?: string;
  @ApiPropertyOptional({
    description:
      'The grant (Zuwendung) in cents, the grant-kind sources without own funds: defaults to the selected amount, never above it',
    example: 6_400_000,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents?: number;
  @ApiProperty({ type: GrantPeriodDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GrantPeriodDto)
  period: GrantPeriodDto;
  @ApiProperty(
    financingSchema(
      'The financing plan: the grant-kind sources add up to the grant to the cent; own funds and third parties come on top. Shares are reckoned on all together.',
    ),
  )
  @IsFinancing()
  financing: SourceAmountDto[] | FinancingV1Dto;
  @ApiProperty({ type: [String], example: ['Kreistagsbeschluss bis 2012-05-31 nachreichen'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  conditions: string[];
  @ApiProperty({ type: GrantCoordinatorDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GrantCoordinatorDto)
  coordinator: GrantCoordinatorDto;
}
