import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
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
import type { ReportContentInput } from './esf-report';

/** 100 billion EUR: far above any grant, far below where integers stop being exact. */
const MAX_CENTS = 10_000_000_000_000;

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

/** A report's content; on submission, parts left out are taken from the saved draft. */
export class EsfReportContentDto {
  @ApiPropertyOptional({ type: ExpenditureDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ExpenditureDto)
  expenditure?: ExpenditureDto;
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
