import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { esfReportStream, type ReportContentInput } from '../esf-report';
import { authorizeOwner, loadEsfLedger, loadFinancingFacts } from '../report-access';
import { submitEsfReportDecider } from './submit-esf-report.decide';

export class SubmitEsfReportCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly reportId: string,
    readonly content: ReportContentInput,
  ) {
    super();
  }
}

@CommandHandler(SubmitEsfReportCommand)
export class SubmitEsfReportHandler implements ICommandHandler<SubmitEsfReportCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ principal, reportId, content }: SubmitEsfReportCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(
      esfReportStream(reportId),
      submitEsfReportDecider,
      async (state) => {
        const { grantId } = await authorizeOwner(this.commands, principal, reportId, state);
        const ledger = await loadEsfLedger(this.commands, grantId);
        return {
          reportId,
          content,
          now: this.commands.now().toISOString(),
          ledger,
          ...(await loadFinancingFacts(this.commands, grantId, reportId, ledger)),
        };
      },
    );
    return CommandAccepted.of(reportId, outcome.revision);
  }
}
