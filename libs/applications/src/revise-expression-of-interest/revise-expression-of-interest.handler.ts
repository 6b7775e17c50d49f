import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { authorizeChange, loadCallFacts, lookUpMembers, withParticipations } from '../application-access';
import { applicationStream, type ExpressionOfInterestState } from '../expression-of-interest';
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
    let callId = '';
    let leadAgs = '';
    let before: string[] = [];
    const revise = async (state: ExpressionOfInterestState) => {
      authorizeChange(state, applicationId, principal);
      callId = state.callId;
      leadAgs = state.applicant.ags;
      before = [state.applicant.ags, ...state.members.map((m) => m.ags)];
      return {
        applicationId,
        content,
        members: lookUpMembers(this.registry, memberAgs),
        call: await loadCallFacts(this.commands, state.callId),
        now: this.commands.now().toISOString(),
      };
    };
    // Refusals first; then claims for added members, the revision at the revision checked, and
    // only after it the release of dropped members.
    const checked = await this.commands.preview(stream, reviseExpressionOfInterestDecider, revise, {
      expectedRevision,
    });
    const outcome = await withParticipations(
      this.commands,
      { callId, applicationId, named: [leadAgs, ...memberAgs], before },
      () =>
        this.commands.run(stream, reviseExpressionOfInterestDecider, revise, { expectedRevision: checked }),
    );
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
