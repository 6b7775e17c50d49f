import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { loadCallFacts, lookUpMembers, toApplicant, withParticipations } from '../application-access';
import { applicationIdFor, applicationStream } from '../expression-of-interest';
import { type ExpressionOfInterestDto, toContent } from '../expression-of-interest.dto';
import { draftExpressionOfInterestDecider } from './draft-expression-of-interest.decide';

export class DraftExpressionOfInterestCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly callId: string,
    readonly body: ExpressionOfInterestDto,
  ) {
    super();
  }
}

@CommandHandler(DraftExpressionOfInterestCommand)
export class DraftExpressionOfInterestHandler implements ICommandHandler<DraftExpressionOfInterestCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly registry: MunicipalityRegistry,
  ) {}

  async execute({ principal, callId, body }: DraftExpressionOfInterestCommand): Promise<CommandAccepted> {
    const leadAgs = principal.ags as string;
    const applicationId = applicationIdFor(callId, leadAgs);
    const { memberAgs, content } = toContent(body);
    const stream = applicationStream(applicationId);
    const command = {
      applicationId,
      leadAgs,
      content,
      call: await loadCallFacts(this.commands, callId),
      applicant: toApplicant(this.registry, leadAgs),
      members: lookUpMembers(this.registry, memberAgs),
      now: this.commands.now().toISOString(),
    };
    // Refusals first, so that a refused draft claims nothing; then the lead's own claim with the
    // draft. The members named are only invited: their places are claimed when each confirms.
    // The draft is decided on the state the preview read; a draft stored meanwhile makes the
    // store refuse the append, and the draft is decided again on the stream as it is then.
    const checked = await this.commands.preview(stream, draftExpressionOfInterestDecider, command);
    const outcome = await withParticipations(
      this.commands,
      { callId, applicationId, named: [leadAgs], before: [] },
      () =>
        this.commands.run(stream, draftExpressionOfInterestDecider, command, {
          known: { state: checked.state, revision: checked.revision },
        }),
    );
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
