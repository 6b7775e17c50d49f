import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { type Outcome, OUTCOMES } from './selection';
import { IsReasons } from './reasons.dto';

export class DecisionDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome: Outcome;

  @ApiProperty({ type: [String], example: ['Überzeugendes Konzept der Verantwortungsgemeinschaft'] })
  @IsReasons()
  reasons: string[];
}

export class LimitOverrideDto {
  @ApiProperty({ example: 'Nachrücker wegen Rückzug der Stadt Hamm; Mittel aus Restbudget 2026' })
  @IsString()
  @MaxLength(2000)
  reason: string;
}

/** A first decision: may select beyond the call's participant cap or budget only with a stated reason. */
export class SelectionDecisionDto extends DecisionDto {
  @ApiPropertyOptional({
    type: LimitOverrideDto,
    description:
      "select beyond the call's participant cap or budget; the reason is recorded with the decision",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LimitOverrideDto)
  limitOverride?: LimitOverrideDto;
}
