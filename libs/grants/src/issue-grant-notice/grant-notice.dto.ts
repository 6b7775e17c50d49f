import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  ValidateNested,
} from 'class-validator';
import { AGS_PATTERN, IsPlausibleDate, IsRecordId } from '@app/shared';

/** Ten million euros in cents: far above any municipality's grant, far below float trouble. */
export const MAX_CENTS = 1_000_000_000;

export class GrantPeriodDto {
  @ApiProperty({ example: '2012-03-01' }) @IsPlausibleDate() from: string;
  @ApiProperty({ example: '2015-06-30' }) @IsPlausibleDate() to: string;
}

/**
 * The financing plan: ESF + Land is the grant (its amount, to the cent); own funds come on top.
 * The shares are reckoned on all three together, the eligible total expenditure.
 */
export class FinancingDto {
  @ApiProperty({ example: 4_300_000, description: 'ESF share of the grant in cents' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  esfCents: number;
  @ApiProperty({ example: 2_100_000, description: "The Land's share of the grant in cents" })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  landCents: number;
  @ApiProperty({
    example: 2_200_000,
    description: "The municipality's own funds (Eigenanteil) in cents, on top of the grant",
  })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  ownCents: number;
}

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
export class IssueGrantNoticeDto {
  @ApiProperty({ enum: [1, 2], example: 1 }) @IsIn([1, 2]) phase: 1 | 2;
  @ApiProperty({ example: '05978000' })
  @Matches(AGS_PATTERN, { message: 'ags must be an 8-digit AGS' })
  ags: string;
  @ApiPropertyOptional({ example: 'kkz-2011.05978000' }) @IsOptional() @IsRecordId() applicationId?: string;
  @ApiPropertyOptional({ example: 'kkz.phase-1.05978000' })
  @IsOptional()
  @IsRecordId()
  continuationOf?: string;
  @ApiPropertyOptional({
    description:
      'The grant (Zuwendung) in cents, ESF + Land without own funds: defaults to the selected amount, never above it',
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
  @ApiProperty({ type: FinancingDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FinancingDto)
  financing: FinancingDto;
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
