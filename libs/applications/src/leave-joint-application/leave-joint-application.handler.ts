import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { authorizeOwnInvitation, releaseUnlessBound } from '../application-access';
import { applicationStream } from '../expression-of-interest';
import { leaveJointApplicationDecider } from './leave-joint-application.decide';

export class LeaveJointApplicationCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly ags: string,
    readonly reason?: string,
  ) {
    super();
  }
}

@CommandHandler(LeaveJointApplicationCommand)
export class LeaveJointApplicationHandler implements ICommandHandler<LeaveJointApplicationCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({
    principal,
    applicationId,
    ags,
    reason,
  }: LeaveJointApplicationCommand): Promise<CommandAccepted> {
    authorizeOwnInvitation(principal, applicationId, ags);
    // The departure is recorded first and the place freed after it: until the lead's stream says
    // the member left, the member stays bound (a crash in between is healed by leaving again).
    const outcome = await this.commands.run(applicationStream(applicationId), leaveJointApplicationDecider, {
      applicationId,
      ags,
      reason,
    });
    await releaseUnlessBound(this.commands, applicationId, ags);
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
