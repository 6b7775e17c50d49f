import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { programmeStream } from '../programme';
import type { ProgrammeTerms } from '../rules';
import { adoptProgrammeRulesDecider } from './adopt-programme-rules.decide';

export class AdoptProgrammeRulesCommand extends Command<CommandAccepted> {
  constructor(
    readonly programmeId: string,
    readonly input: { version: number; effectiveFrom: string; label?: string; rules: ProgrammeTerms },
  ) {
    super();
  }
}

@CommandHandler(AdoptProgrammeRulesCommand)
export class AdoptProgrammeRulesHandler implements ICommandHandler<AdoptProgrammeRulesCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ programmeId, input }: AdoptProgrammeRulesCommand): Promise<CommandAccepted> {
    // Through JSON, so that absent fields stay absent in the event instead of becoming undefined.
    const version = JSON.parse(JSON.stringify({ programmeId, ...input })) as typeof input & {
      programmeId: string;
    };
    const outcome = await this.commands.run(programmeStream(programmeId), adoptProgrammeRulesDecider, {
      version,
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(programmeId, outcome.revision);
  }
}
