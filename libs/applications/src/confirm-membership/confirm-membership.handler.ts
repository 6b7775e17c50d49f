import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import {
  authorizeOwnInvitation,
  claimParticipation,
  loadCallFacts,
  releaseUnlessBound,
} from '../application-access';
import type { CallFacts } from '../call-facts';
import { applicationStream, type ExpressionOfInterestState } from '../expression-of-interest';
import { type ConfirmMembership, confirmMembershipDecider } from './confirm-membership.decide';

export class ConfirmMembershipCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly ags: string,
  ) {
    super();
  }
}

@CommandHandler(ConfirmMembershipCommand)
export class ConfirmMembershipHandler implements ICommandHandler<ConfirmMembershipCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ principal, applicationId, ags }: ConfirmMembershipCommand): Promise<CommandAccepted> {
    authorizeOwnInvitation(principal, applicationId, ags);
    const stream = applicationStream(applicationId);
    const command = async (state: ExpressionOfInterestState): Promise<ConfirmMembership> => ({
      applicationId,
      ags,
      // Without an application the decider refuses before it looks at the call.
      call: state.status === 'none' ? ({} as CallFacts) : await loadCallFacts(this.commands, state.callId),
      now: this.commands.now().toISOString(),
    });
    // Refusals first (nothing claimed); then the claim, which the store lets only one application
    // hold; then the confirmation, decided again on the stream as it is then. If that is refused
    // (the lead withdrew the invitation or submitted meanwhile), the claim just made is freed.
    const { state } = await this.commands.preview(stream, confirmMembershipDecider, command);
    if (state.status === 'none') throw new Error('unreachable: the preview refuses a missing application');
    const claimed = await claimParticipation(this.commands, state.callId, ags, applicationId);
    try {
      const outcome = await this.commands.run(stream, confirmMembershipDecider, command);
      return CommandAccepted.of(applicationId, outcome.revision);
    } catch (error) {
      if (claimed) await releaseUnlessBound(this.commands, applicationId, ags).catch(() => undefined);
      throw error;
    }
  }
}
