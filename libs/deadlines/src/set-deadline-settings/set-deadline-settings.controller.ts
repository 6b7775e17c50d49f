import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, IsPlausibleDate, Refuses } from '@app/shared';
import { SetDeadlineSettingsCommand } from './set-deadline-settings.handler';
import {
  DuplicateFixedDate,
  DuplicateReminderOffset,
  NegativeReminderOffset,
  ReminderOffsetTooLarge,
  TooManyReminders,
  UnknownTimeZone,
  UnsupportedTimeZone,
} from '../errors';

export class DeadlineSettingsDto {
  @ApiProperty({ example: [14, 7, 1, 0], description: 'Days before the last day; 0 is the day itself' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  reminderOffsetsDays: number[];

  @ApiProperty({ example: 'Europe/Berlin', description: 'Only Europe/Berlin is supported' })
  @IsString()
  @MaxLength(100)
  timeZone: string;

  @ApiPropertyOptional({
    example: ['2017-12-23'],
    description: 'Stated due dates never shifted by § 193 BGB',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @IsPlausibleDate({ each: true })
  fixedDates?: string[];
}

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('programmes/:programmeId/deadline-settings')
export class SetDeadlineSettingsController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office sets the reminder ladder for deadlines opened from now on. */
  @Put()
  @HttpCode(200)
  @Refuses(
    DuplicateFixedDate,
    DuplicateReminderOffset,
    NegativeReminderOffset,
    ReminderOffsetTooLarge,
    TooManyReminders,
    UnknownTimeZone,
    UnsupportedTimeZone,
  )
  @Roles('grants-office')
  set(
    @CurrentPrincipal() principal: Principal,
    @Param('programmeId', IdPipe) programmeId: string,
    @Body() body: DeadlineSettingsDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new SetDeadlineSettingsCommand(
        principal,
        programmeId,
        body.reminderOffsetsDays,
        body.timeZone,
        body.fixedDates ?? [],
      ),
    );
  }
}
