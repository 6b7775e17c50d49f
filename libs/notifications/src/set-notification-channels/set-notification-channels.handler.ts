import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { settingsStream } from '../notifications';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../notifications-config';
import { generateSecret, SecretBox } from '../secret-box';
import { setNotificationChannelsDecider } from './set-notification-channels.decide';

export interface ChannelSettings {
  email?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  rotateWebhookSecret?: boolean;
  rotateCalendarToken?: boolean;
}

export class SetNotificationChannelsCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly ags: string,
    readonly settings: ChannelSettings,
  ) {
    super();
  }
}

/** Only the municipality itself sets its channels; to anyone else its settings do not exist. */
export function assertOwnMunicipality(principal: Principal, ags: string): void {
  if (!principal.roles.includes('municipality') || principal.ags !== ags)
    throw new NotFound('Notification settings for municipality', ags);
}

@CommandHandler(SetNotificationChannelsCommand)
export class SetNotificationChannelsHandler implements ICommandHandler<SetNotificationChannelsCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly secrets: SecretBox,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async execute({ principal, ags, settings }: SetNotificationChannelsCommand): Promise<CommandAccepted> {
    assertOwnMunicipality(principal, ags);
    const { webhookSecret, ...rest } = settings;
    const outcome = await this.commands.run(settingsStream(ags), setNotificationChannelsDecider, (state) => {
      const current = this.secrets.open(state.webhookSecretSealed);
      return {
        ags,
        ...rest,
        chosenWebhookSecret:
          webhookSecret === undefined
            ? undefined
            : { sealed: this.secrets.seal(webhookSecret), digest: digest(webhookSecret) },
        currentWebhookSecretDigest: current === undefined ? undefined : digest(current),
        allowPrivateWebhooks: this.config.allowPrivateWebhooks,
        fresh: {
          webhookSecretSealed: this.secrets.seal(generateSecret()),
          calendarTokenSealed: this.secrets.seal(generateSecret(24, 'hex')),
        },
      };
    });
    return CommandAccepted.of(ags, outcome.revision);
  }
}

/** Compares secrets inside one decision; never stored. */
function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
