import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/eventsourcing';
import { CommandAccepted, CommandService } from '@app/shared';
import { esfReportStream } from '../esf-report';
import { loadFinancingFacts } from '../report-access';
import { acceptEsfReportDecider } from './accept-esf-report.decide';

export class AcceptEsfReportCommand extends Command<CommandAccepted> {
  constructor(readonly reportId: string) {
    super();
  }
}

@CommandHandler(AcceptEsfReportCommand)
export class AcceptEsfReportHandler implements ICommandHandler<AcceptEsfReportCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ reportId }: AcceptEsfReportCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(
      esfReportStream(reportId),
      acceptEsfReportDecider,
      async (state) => {
        if (state.status === 'none') throw new NotFound('ESF report', reportId);
        return {
          reportId,
          now: this.commands.now().toISOString(),
          ...(await loadFinancingFacts(this.commands, state.period.grantId, reportId)),
        };
      },
    );
    return CommandAccepted.of(reportId, outcome.revision);
  }
}
