import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Roles } from '@app/identity';
import { CommandAccepted, IsRecordId, Refuses } from '@app/shared';
import { CreateEvaluationCommand } from './create-evaluation.handler';
import { CriterionTwice, EvaluationExists, UnknownProgramme } from '../errors';

export class EvaluationCriterionDto {
  @ApiProperty({ example: 'goal-attainment' }) @IsRecordId() criterionId: string;
  @ApiProperty({ example: 'Zielerreichung' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 'Wurden die vereinbarten Ziele der Präventionskette erreicht?' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class CreateEvaluationDto {
  @ApiPropertyOptional({ description: 'Readable id; generated when absent', example: 'kkz-evaluation' })
  @IsOptional()
  @IsRecordId()
  evaluationId?: string;

  @ApiProperty({ example: 'kkz' }) @IsRecordId() programmeId: string;

  @ApiProperty({ example: 'Evaluation des Landesprojekts Kommunale Präventionsketten' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({
    description:
      'The criteria this evaluation assesses, each with an id (which survey questions name) and its name',
    type: () => [EvaluationCriterionDto],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EvaluationCriterionDto)
  criteria: EvaluationCriterionDto[];
}

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('evaluations')
export class CreateEvaluationController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office sets up the evaluation of a programme and the criteria it assesses. */
  @Post()
  @Refuses(EvaluationExists, UnknownProgramme, CriterionTwice)
  @Roles('grants-office')
  create(@Body() body: CreateEvaluationDto): Promise<CommandAccepted> {
    return this.commandBus.execute(new CreateEvaluationCommand(body));
  }
}
