import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '@app/identity';
import { CommandAccepted, IsRecordId, Refuses } from '@app/shared';
import { CreateProgrammeCommand } from './create-programme.handler';
import { ProgrammeAlreadyExists } from '../errors';

export class CreateProgrammeDto {
  @ApiPropertyOptional({ description: 'Readable id, e.g. "kkz"; generated when absent', example: 'kkz' })
  @IsOptional()
  @IsRecordId()
  programmeId?: string;

  @ApiProperty({ example: 'Kein Kind zurücklassen – Kommunen in NRW beugen vor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;
}

@ApiTags('programmes and calls')
@ApiBearerAuth()
@Controller('programmes')
export class CreateProgrammeController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office sets up a funding programme. */
  @Post()
  @Refuses(ProgrammeAlreadyExists)
  @Roles('grants-office')
  create(@Body() body: CreateProgrammeDto): Promise<CommandAccepted> {
    return this.commandBus.execute(new CreateProgrammeCommand(body));
  }
}
