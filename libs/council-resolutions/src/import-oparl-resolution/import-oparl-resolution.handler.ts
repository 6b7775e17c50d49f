import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { councilResolutionStream, resolutionIdFor } from '../council-resolution';
import { type OparlDocuments, readOparlResolution } from '../oparl/oparl-resolution';
import { decisionInstant, gatherRecordingFacts } from '../resolution-facts';
import { importOparlResolutionDecider } from './import-oparl-resolution.decide';
import { type OparlImportDto, toOparlImport } from './import-oparl-resolution.dto';

export class ImportOparlResolutionCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly applicationId: string,
    readonly body: OparlImportDto,
  ) {
    super();
  }
}

@CommandHandler(ImportOparlResolutionCommand)
export class ImportOparlResolutionHandler implements ICommandHandler<ImportOparlResolutionCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly registry: MunicipalityRegistry,
  ) {}

  async execute({ principal, applicationId, body }: ImportOparlResolutionCommand): Promise<CommandAccepted> {
    const ags = principal.ags as string;
    const { documents, stated } = toOparlImport(body);
    const outcome = await this.commands.run(
      councilResolutionStream(applicationId, ags),
      importOparlResolutionDecider,
      async () => ({
        ...(await gatherRecordingFacts(this.commands, this.registry, applicationId, ags)),
        documents,
        stated,
      }),
      { occurredAt: decisionInstant(dateOfDecision(documents)) },
    );
    return CommandAccepted.of(resolutionIdFor(applicationId, ags), outcome.revision);
  }
}

/** For the envelope only: a document that cannot be read is refused by the decider. */
function dateOfDecision(documents: OparlDocuments): string | undefined {
  try {
    return readOparlResolution(documents).resultDate;
  } catch {
    return undefined;
  }
}
