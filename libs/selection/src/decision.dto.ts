import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { type Outcome, OUTCOMES } from './selection';
import { IsReasons } from './reasons.dto';

export class DecisionDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome: Outcome;

  @ApiProperty({ type: [String], example: ['Überzeugendes Konzept der Verantwortungsgemeinschaft'] })
  @IsReasons()
  reasons: string[];
}
