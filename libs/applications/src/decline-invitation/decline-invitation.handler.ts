import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { authorizeOwnInvitation, releaseUnlessBound } from '../application-access';
import { applicationStream } from '../expression-of-interest';
import { declineInvitationDecider } from './decline-invitation.decide';

export class DeclineInvitationCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly ags: string,
    readonly reason?: string,
  ) {
    super();
  }
}

@CommandHandler(DeclineInvitationCommand)
export class DeclineInvitationHandler implements ICommandHandler<DeclineInvitationCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({
    principal,
    applicationId,
    ags,
    reason,
  }: DeclineInvitationCommand): Promise<CommandAccepted> {
    authorizeOwnInvitation(principal, applicationId, ags);
    const outcome = await this.commands.run(applicationStream(applicationId), declineInvitationDecider, {
      applicationId,
      ags,
      reason,
    });
    await releaseUnlessBound(this.commands, applicationId, ags);
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
