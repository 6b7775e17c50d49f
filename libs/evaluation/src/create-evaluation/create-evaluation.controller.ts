import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { Roles } from '@app/identity';
import { CommandAccepted, IsRecordId, Refuses } from '@app/shared';
import { EVALUATION_CRITERIA, type EvaluationCriterion } from '../evaluation';
import { CreateEvaluationCommand } from './create-evaluation.handler';
import { EvaluationExists, UnknownProgramme } from '../errors';

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

  @ApiPropertyOptional({
    description: 'The criteria to assess; all seven when absent',
    enum: EVALUATION_CRITERIA,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(EVALUATION_CRITERIA, { each: true })
  criteria?: EvaluationCriterion[];
}

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('evaluations')
export class CreateEvaluationController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office sets up the evaluation of a programme and the criteria it assesses. */
  @Post()
  @Refuses(EvaluationExists, UnknownProgramme)
  @Roles('grants-office')
  create(@Body() body: CreateEvaluationDto): Promise<CommandAccepted> {
    return this.commandBus.execute(new CreateEvaluationCommand(body));
  }
}
