import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { esfReportStream } from '../esf-report';
import { returnEsfReportDecider } from './return-esf-report.decide';

export class ReturnEsfReportCommand extends Command<CommandAccepted> {
  constructor(
    readonly reportId: string,
    readonly remarks: string,
  ) {
    super();
  }
}

@CommandHandler(ReturnEsfReportCommand)
export class ReturnEsfReportHandler implements ICommandHandler<ReturnEsfReportCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ reportId, remarks }: ReturnEsfReportCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(esfReportStream(reportId), returnEsfReportDecider, {
      reportId,
      remarks,
      now: this.commands.now().toISOString(),
    });
    return CommandAccepted.of(reportId, outcome.revision);
  }
}
