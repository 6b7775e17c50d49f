import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Roles } from '@app/identity';
import { CommandAccepted, IsRecordId, Refuses } from '@app/shared';
import { CreateProgrammeCommand } from './create-programme.handler';
import { ProgrammeAlreadyExists } from '../errors';
import { HOLIDAY_REGIONS, type HolidayRegion } from '../programme';

export class ProgrammeSenderDto {
  @ApiProperty({
    example: 'Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration NRW',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ example: 'foerderung@mkjfgfi.nrw.de' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

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

  @ApiPropertyOptional({ example: 'Kein Kind zurücklassen', description: 'For subject lines and lists' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  shortTitle?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({
    type: ProgrammeSenderDto,
    description: 'Who the programme’s messages come from; when absent, the programme’s title',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ProgrammeSenderDto)
  sender?: ProgrammeSenderDto;

  @ApiPropertyOptional({
    enum: HOLIDAY_REGIONS,
    example: 'NW',
    description:
      'The Land whose public holidays count for the programme’s deadlines (date-holidays code); when absent NW, the Land of the registry’s municipalities. The event records the value either way.',
  })
  @IsOptional()
  @IsIn(HOLIDAY_REGIONS)
  holidayRegion?: HolidayRegion;
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
