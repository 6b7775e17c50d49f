import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { IsRecordId } from '@app/shared';
import { MAX_SCORE, MIN_SCORE } from './assessment';

export class CriterionScoreDto {
  @ApiProperty({ example: 'prevention' }) @IsRecordId() criterionId: string;
  @ApiProperty({ minimum: MIN_SCORE, maximum: MAX_SCORE, example: 8 })
  @IsInt()
  @Min(MIN_SCORE)
  @Max(MAX_SCORE)
  score: number;
}

/** One assessor's scores, one per criterion of the call, with an optional comment. */
export class AssessmentDto {
  @ApiProperty({ type: [CriterionScoreDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores: CriterionScoreDto[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) comment?: string;

  @ApiPropertyOptional({ description: "The assessor's name as it should appear in the record" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assessorName?: string;
}

/** Plain data for the decider: the validated body without class instances. */
export const assessmentInput = (dto: AssessmentDto) => ({
  scores: dto.scores.map(({ criterionId, score }) => ({ criterionId, score })),
  comment: dto.comment,
  assessorName: dto.assessorName,
});
