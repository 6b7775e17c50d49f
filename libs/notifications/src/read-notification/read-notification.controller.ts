import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe } from '@app/shared';
import { ReadNotificationCommand } from './read-notification.handler';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('inbox/:notificationId/read')
export class ReadNotificationController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Marks a notification of the caller's own inbox as read (again: nothing new is recorded). */
  @Post()
  @HttpCode(200)
  @Roles('municipality', 'grants-office')
  read(
    @CurrentPrincipal() principal: Principal,
    @Param('notificationId', IdPipe) notificationId: string,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new ReadNotificationCommand(principal, notificationId));
  }
}
