import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { sourceAmountsProblem } from '@app/shared';
import type { ReportContentInput } from './esf-report';

/** 100 billion EUR: far above any grant, far below where integers stop being exact. */
const MAX_CENTS = 10_000_000_000_000;

/** One source's expenditure: the source by the id the terms of the grant's notice give it. */
export class SourceExpenditureDto {
  @ApiProperty({ example: 'bund', description: "The id of one of the sources of the grant's notice" })
  sourceId: string;
  @ApiProperty({ example: 1_200_000, description: 'In cents' })
  cents: number;
}

/** Deprecated: the first programme's form, for grants whose sources are ESF, Land and own funds. */
export class ExpenditureDto {
  @ApiProperty({ example: 1600000, description: 'ESF share, cents' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  esfCents: number;
  @ApiProperty({ example: 800000, description: 'Land share, cents' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  landCents: number;
  @ApiProperty({ example: 800000, description: 'own funds, cents' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  ownCents: number;
  @ApiPropertyOptional({
    example: 3200000,
    description: 'if stated, must equal the sum of the three sources',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  totalCents?: number;
}

const isCents = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_CENTS;
const V1_KEYS = ['esfCents', 'landCents', 'ownCents'];

/** Why an expenditure value is not one the API takes, or undefined when it is. */
export function expenditureProblem(value: unknown): string | undefined {
  if (Array.isArray(value)) return sourceAmountsProblem(value, MAX_CENTS);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    const known = [...V1_KEYS, 'totalCents'];
    if (!V1_KEYS.every((k) => keys.includes(k)) || keys.some((k) => !known.includes(k)))
      return 'must be a list of { sourceId, cents } (or, deprecated, { esfCents, landCents, ownCents, totalCents? })';
    if (!keys.every((k) => isCents(record[k])))
      return `esfCents, landCents, ownCents and totalCents must be whole numbers between 0 and ${MAX_CENTS}`;
    return undefined;
  }
  return 'must be a list of { sourceId, cents }';
}

/** A report's expenditure: a list of { sourceId, cents }, or the deprecated v1 object. */
function IsExpenditure(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isExpenditure',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => expenditureProblem(value) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'expenditure'} ${expenditureProblem(args?.value) ?? 'is invalid'}`,
      },
    });
  };
}

/** A report's content; on submission, parts left out are taken from the saved draft. */
@ApiExtraModels(SourceExpenditureDto, ExpenditureDto)
export class EsfReportContentDto {
  @ApiPropertyOptional({
    description:
      "What was spent in the period, per source of the grant's notice: a list of { sourceId, cents } (a source not named counts 0; a source the notice does not name is refused, financing-source-unknown). Deprecated: the object { esfCents, landCents, ownCents, totalCents? }, for grants whose sources are esf, land and own (else financing-form-not-applicable).",
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(SourceExpenditureDto) } },
      { $ref: getSchemaPath(ExpenditureDto), deprecated: true },
    ],
    example: [
      { sourceId: 'bund', cents: 1_000_000 },
      { sourceId: 'land', cents: 600_000 },
      { sourceId: 'own', cents: 400_000 },
    ],
  })
  @IsOptional()
  @IsExpenditure()
  expenditure?: SourceExpenditureDto[] | ExpenditureDto;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0 },
    example: { schulenAngebunden: 4, fachkraefteQualifiziert: 12 },
    description:
      "indicatorId → value, from the indicator catalogue of the terms the grant's notice applied (the 2011 programme: the ESF common indicators publicAdministrationsSupported, required, and participants); an unknown indicator is refused (unknown-indicator), a value of the wrong type too (indicator-type), a missing required one at submission (indicator-required)",
  })
  @IsOptional()
  @IsObject()
  indicators?: Record<string, number>;
  @ApiPropertyOptional({ example: 'Netzwerke gebündelt, Präventionskette im Aufbau' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  narrative?: string;
}

export class ReturnEsfReportDto {
  @ApiProperty({ example: 'Bitte die Personalkosten des Koordinators belegen.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  remarks: string;
}

/** Plain data without undefined fields, so events stay canonical. */
export function toContentInput(dto: EsfReportContentDto): ReportContentInput {
  return JSON.parse(JSON.stringify(dto)) as ReportContentInput;
}
