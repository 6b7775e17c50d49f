import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CALL_TERMS_ONLY, loadRulesInForce } from '@app/programmes-calls';
import { CommandAccepted, CommandService } from '@app/shared';
import { authorizeChange, loadCallFacts } from '../application-access';
import { applicationStream } from '../expression-of-interest';
import { submitExpressionOfInterestDecider } from './submit-expression-of-interest.decide';

export class SubmitExpressionOfInterestCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
  ) {
    super();
  }
}

@CommandHandler(SubmitExpressionOfInterestCommand)
export class SubmitExpressionOfInterestHandler implements ICommandHandler<SubmitExpressionOfInterestCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ principal, applicationId }: SubmitExpressionOfInterestCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(
      applicationStream(applicationId),
      submitExpressionOfInterestDecider,
      async (state) => {
        authorizeChange(state, applicationId, principal);
        const now = this.commands.now().toISOString();
        const call = await loadCallFacts(this.commands, state.callId);
        const inForce = await loadRulesInForce(this.commands, state.callId, now);
        const rules = inForce
          ? {
              conditions: {
                councilResolution: inForce.rules.councilResolution,
                coordinatorRequired: inForce.rules.coordinatorRequired,
              },
              applied: inForce.applied,
            }
          : { conditions: call.conditions, applied: CALL_TERMS_ONLY };
        return { applicationId, call, rules, now };
      },
    );
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
