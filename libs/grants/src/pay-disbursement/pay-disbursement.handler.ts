import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { berlinDate } from '../calendar';
import { grantStream } from '../grant';
import { payDisbursementDecider } from './pay-disbursement.decide';

export class PayDisbursementCommand extends Command<CommandAccepted> {
  constructor(
    readonly grantId: string,
    readonly disbursementId: string,
    readonly paidOn: string,
  ) {
    super();
  }
}

@CommandHandler(PayDisbursementCommand)
export class PayDisbursementHandler implements ICommandHandler<PayDisbursementCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ grantId, disbursementId, paidOn }: PayDisbursementCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(grantStream(grantId), payDisbursementDecider, {
      grantId,
      disbursementId,
      paidOn,
      today: berlinDate(this.commands.now().toISOString()),
    });
    return CommandAccepted.of(grantId, outcome.revision);
  }
}
