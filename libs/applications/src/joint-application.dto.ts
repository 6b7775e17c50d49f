import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Declining or leaving may say why, e.g. that the council decided against taking part. */
export class MembershipReasonDto {
  @ApiPropertyOptional({ example: 'Der Rat hat die Teilnahme am 12.12.2011 abgelehnt.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
