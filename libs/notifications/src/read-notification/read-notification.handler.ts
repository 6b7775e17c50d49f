import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { notificationStream } from '../notifications';
import { inboxOwner } from '../queries/inbox-owner';
import { notificationsProjection } from '../queries/notifications.projection';
import { readNotificationDecider } from './read-notification.decide';

export class ReadNotificationCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly notificationId: string,
  ) {
    super();
  }
}

@CommandHandler(ReadNotificationCommand)
export class ReadNotificationHandler implements ICommandHandler<ReadNotificationCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({ principal, notificationId }: ReadNotificationCommand): Promise<CommandAccepted> {
    const item = this.projections.state(notificationsProjection).byId.get(notificationId);
    const outcome = await this.commands.run(notificationStream(notificationId), readNotificationDecider, {
      notificationId,
      reader: inboxOwner(principal),
      notification: item && { ags: item.ags },
      readAt: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(notificationId, outcome.revision);
  }
}
