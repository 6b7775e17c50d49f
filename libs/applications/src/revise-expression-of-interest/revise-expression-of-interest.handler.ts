import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { authorizeChange, loadCallFacts, lookUpMembers, withParticipations } from '../application-access';
import { applicationStream } from '../expression-of-interest';
import { type ExpressionOfInterestDto, toContent } from '../expression-of-interest.dto';
import { reviseExpressionOfInterestDecider } from './revise-expression-of-interest.decide';

export class ReviseExpressionOfInterestCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly body: ExpressionOfInterestDto,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}

@CommandHandler(ReviseExpressionOfInterestCommand)
export class ReviseExpressionOfInterestHandler implements ICommandHandler<ReviseExpressionOfInterestCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly registry: MunicipalityRegistry,
  ) {}

  async execute(command: ReviseExpressionOfInterestCommand): Promise<CommandAccepted> {
    const { principal, applicationId, body, expectedRevision } = command;
    const { memberAgs, content } = toContent(body);
    const stream = applicationStream(applicationId);
    // Refusals first; then the revision at the revision checked, and only after it the release of
    // confirmed members no longer named. Members newly named are invited and claim nothing.
    const checked = await this.commands.preview(
      stream,
      reviseExpressionOfInterestDecider,
      async (state) => {
        authorizeChange(state, applicationId, principal);
        return {
          applicationId,
          content,
          members: lookUpMembers(this.registry, memberAgs),
          call: await loadCallFacts(this.commands, state.callId),
          now: this.commands.now().toISOString(),
        };
      },
      { expectedRevision },
    );
    const { state } = checked;
    authorizeChange(state, applicationId, principal); // passed in the preview; narrows the type
    const lead = state.applicant.ags;
    const bound = state.members.map((m) => m.ags);
    const outcome = await withParticipations(
      this.commands,
      {
        callId: state.callId,
        applicationId,
        named: [lead, ...bound.filter((ags) => memberAgs.includes(ags))],
        before: [lead, ...bound],
      },
      () =>
        this.commands.run(stream, reviseExpressionOfInterestDecider, checked.command, {
          expectedRevision: checked.revision,
        }),
    );
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
