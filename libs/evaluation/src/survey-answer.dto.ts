import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** One answer; which of step or text it needs is the question's kind, checked against the survey. */
export class QuestionAnswerDto {
  @ApiProperty({ example: 'networks' }) @IsString() @IsNotEmpty() @MaxLength(160) questionId: string;

  @ApiPropertyOptional({
    example: 'largely',
    description: 'For a scale question: the stepId of a step of the survey’s scale',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  step?: string;

  @ApiPropertyOptional({ description: 'For a text question' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  text?: string;
}

export class SurveyAnswerDto {
  @ApiProperty({ type: [QuestionAnswerDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => QuestionAnswerDto)
  answers: QuestionAnswerDto[];
}

/** Only the fields given: `{ questionId, step }` or `{ questionId, text }`. */
export const givenAnswers = (dto: SurveyAnswerDto) =>
  dto.answers.map(({ questionId, step, text }) => ({
    questionId,
    ...(step !== undefined ? { step } : {}),
    ...(text !== undefined ? { text } : {}),
  }));
