import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { loadCallFacts, lookUpMembers, toApplicant } from '../application-access';
import { AlreadyParticipating } from '../errors';
import { applicationIdFor, applicationStream } from '../expression-of-interest';
import { type ExpressionOfInterestDto, toContent } from '../expression-of-interest.dto';
import {
  expressionsOfInterestProjection,
  participationsInCall,
} from '../queries/expressions-of-interest.projection';
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
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({ principal, callId, body }: DraftExpressionOfInterestCommand): Promise<CommandAccepted> {
    const leadAgs = principal.ags as string;
    const applicationId = applicationIdFor(callId, leadAgs);
    const { memberAgs, content } = toContent(body);
    // One expression of interest per municipality and call, as lead or as member. The lead's own
    // uniqueness is guaranteed by the stream id; membership elsewhere is checked on the read model.
    const taken = participationsInCall(this.projections.state(expressionsOfInterestProjection), callId);
    for (const ags of [leadAgs, ...memberAgs]) {
      const other = taken.get(ags);
      if (other && other !== applicationId) throw new AlreadyParticipating(ags, other);
    }
    const outcome = await this.commands.run(
      applicationStream(applicationId),
      draftExpressionOfInterestDecider,
      {
        applicationId,
        leadAgs,
        content,
        call: await loadCallFacts(this.commands, callId),
        applicant: toApplicant(this.registry, leadAgs),
        members: lookUpMembers(this.registry, memberAgs),
        now: this.commands.now().toISOString(),
      },
    );
    return CommandAccepted.of(applicationId, outcome.revision);
  }
}
