import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { councilResolutionStreamById } from '../council-resolution';
import { type CouncilResolutionCorrectionDto, toContent } from '../council-resolution.dto';
import { berlinToday, loadApplicationFacts, municipalityFacts } from '../resolution-facts';
import { correctCouncilResolutionDecider } from './correct-council-resolution.decide';

export class CorrectCouncilResolutionCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly resolutionId: string,
    readonly body: CouncilResolutionCorrectionDto,
  ) {
    super();
  }
}

@CommandHandler(CorrectCouncilResolutionCommand)
export class CorrectCouncilResolutionHandler implements ICommandHandler<CorrectCouncilResolutionCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly registry: MunicipalityRegistry,
  ) {}

  async execute({
    principal,
    resolutionId,
    body,
  }: CorrectCouncilResolutionCommand): Promise<CommandAccepted> {
    const ags = principal.ags as string;
    const outcome = await this.commands.run(
      councilResolutionStreamById(resolutionId),
      correctCouncilResolutionDecider,
      async (state) => ({
        resolutionId,
        ags,
        application:
          state.status === 'recorded'
            ? await loadApplicationFacts(this.commands, state.resolution.applicationId)
            : undefined,
        municipality: municipalityFacts(this.registry, ags),
        content: toContent(body, { kind: 'manual' }),
        reason: body.reason,
        today: berlinToday(this.commands.now()),
      }),
    );
    return CommandAccepted.of(resolutionId, outcome.revision);
  }
}
