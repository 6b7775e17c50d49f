import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsPlausibleDate, IsRecordId } from '@app/shared';
import type { QuestionKind } from '../survey';

export class SurveyQuestionDto {
  @ApiProperty({ example: 'networks' }) @IsRecordId() @MaxLength(100) questionId: string;

  @ApiProperty({ example: 'Wie weit haben Sie Ihre Ziele beim Aufbau von Netzwerken umgesetzt?' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;

  @ApiProperty({
    enum: ['scale', 'text'],
    description: 'scale: answered with a step of the survey’s scale; text: free text',
  })
  @IsIn(['scale', 'text'])
  kind: QuestionKind;

  @ApiPropertyOptional({ example: 'networks', description: 'The goal the question asks about' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  goal?: string;

  @ApiPropertyOptional({
    example: 'goal-attainment',
    description: "The evaluation's criterion the question informs (one of its `criteria`)",
  })
  @IsOptional()
  @IsRecordId()
  criterion?: string;

  @ApiPropertyOptional({
    example: ['aufbau'],
    description:
      "Ask only recipients who joined in one of these phases, by the ids of the programme's terms; absent or []: ask everyone (a programme without phases)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsRecordId({ each: true })
  phaseIds?: string[];

  @ApiPropertyOptional({
    example: [1],
    deprecated: true,
    description:
      'The phases by number, as before phases were named: n stands for the phase `phase-<n>` of the programme’s terms (the 2011 programme’s Förderphase I and II), refused where the programme has no such phase; prefer `phaseIds`',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(9, { each: true })
  phases?: number[];

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() optional?: boolean;
}

export class ScaleStepDto {
  @ApiProperty({ example: 'largely' }) @IsRecordId() @MaxLength(100) stepId: string;
  @ApiProperty({ example: 'weitgehend' }) @IsString() @IsNotEmpty() @MaxLength(200) label: string;
}

/** The steps the survey's scale questions are answered on, in order, with their labels. */
export class SurveyScaleDto {
  @ApiProperty({ type: [ScaleStepDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ScaleStepDto)
  steps: ScaleStepDto[];
}

export class CreateSurveyDto {
  @ApiPropertyOptional({
    description: 'Readable id (not starting with "answer-"); generated when absent',
    example: 'online-survey-2017',
  })
  @IsOptional()
  @IsRecordId()
  // Room for ".<ags>" in the answer streams' names, which allow 160 characters.
  @MaxLength(100)
  @Matches(/^(?!answer-)/, { message: 'surveyId must not start with "answer-"' })
  surveyId?: string;

  @ApiProperty({ example: 'Onlinebefragung aller Projektkommunen Ende 2017' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: '2017-12-06', description: 'Answers from 00:00 Berlin time on this day' })
  @IsPlausibleDate()
  opensOn: string;

  @ApiProperty({ example: '2018-01-02', description: 'Answers until 24:00 Berlin time on this day' })
  @IsPlausibleDate()
  closesOn: string;

  @ApiProperty({
    type: SurveyScaleDto,
    description: 'The scale of the survey’s scale questions, e.g. not / partly / largely / fully',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => SurveyScaleDto)
  scale: SurveyScaleDto;

  @ApiProperty({ type: [SurveyQuestionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionDto)
  questions: SurveyQuestionDto[];
}
