import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { councilResolutionStream, resolutionIdFor } from '../council-resolution';
import { type CouncilResolutionDto, toContent } from '../council-resolution.dto';
import { decisionInstant, gatherRecordingFacts } from '../resolution-facts';
import { recordCouncilResolutionDecider } from './record-council-resolution.decide';

export class RecordCouncilResolutionCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly body: CouncilResolutionDto,
  ) {
    super();
  }
}

@CommandHandler(RecordCouncilResolutionCommand)
export class RecordCouncilResolutionHandler implements ICommandHandler<RecordCouncilResolutionCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly registry: MunicipalityRegistry,
  ) {}

  async execute({
    principal,
    applicationId,
    body,
  }: RecordCouncilResolutionCommand): Promise<CommandAccepted> {
    // The resolution is always the caller's own council's: the AGS comes from the token.
    const ags = principal.ags as string;
    const content = toContent(body, { kind: 'manual' });
    const outcome = await this.commands.run(
      councilResolutionStream(applicationId, ags),
      recordCouncilResolutionDecider,
      async () => ({
        ...(await gatherRecordingFacts(this.commands, this.registry, applicationId, ags)),
        content,
      }),
      { occurredAt: decisionInstant(content.resultDate) },
    );
    return CommandAccepted.of(resolutionIdFor(applicationId, ags), outcome.revision);
  }
}
