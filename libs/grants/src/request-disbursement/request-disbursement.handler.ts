import { ApiProperty } from '@nestjs/swagger';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { grantStream } from '../grant';
import { requestDisbursementDecider } from './request-disbursement.decide';

export class DisbursementAccepted extends CommandAccepted {
  @ApiProperty({ description: 'The request’s number within the grant', example: '1' }) disbursementId: string;
}

export class RequestDisbursementCommand extends Command<DisbursementAccepted> {
  constructor(
    readonly principal: Principal,
    readonly grantId: string,
    readonly amountCents: number,
    readonly dueDate: string,
  ) {
    super();
  }
}

@CommandHandler(RequestDisbursementCommand)
export class RequestDisbursementHandler implements ICommandHandler<RequestDisbursementCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({
    principal,
    grantId,
    amountCents,
    dueDate,
  }: RequestDisbursementCommand): Promise<DisbursementAccepted> {
    const outcome = await this.commands.run(grantStream(grantId), requestDisbursementDecider, {
      grantId,
      // The decider answers 404 unless the grant is this municipality's own.
      ags: principal.ags ?? '',
      amountCents,
      dueDate,
      requestedAt: this.commands.now().toISOString(),
    });
    const event = outcome.events[0];
    return Object.assign(CommandAccepted.of(grantId, outcome.revision), {
      disbursementId: event.type === 'DisbursementRequested' ? event.data.disbursementId : '',
    });
  }
}
