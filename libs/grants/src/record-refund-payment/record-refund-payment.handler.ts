import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { berlinDate } from '../calendar';
import { grantStream } from '../grant';
import type { BaseRateTable } from '../interest/base-rate-table';
import { BASE_RATE_TABLE } from '../interest/base-rate-table.provider';
import { recordRefundPaymentDecider } from './record-refund-payment.decide';

export class RefundPaymentRecorded extends CommandAccepted {
  @ApiProperty({ example: '1' }) refundPaymentId: string;
  @ApiProperty({ description: 'Refund principal still outstanding after this payment' })
  outstandingCents: number;
  @ApiProperty({
    description: 'Interest for paying after the refund was due (§ 49a Abs. 3 VwVfG); 0 if on time',
  })
  lateInterestCents: number;
}

export class RecordRefundPaymentCommand extends Command<RefundPaymentRecorded> {
  constructor(
    readonly grantId: string,
    readonly amountCents: number,
    readonly paidOn: string,
  ) {
    super();
  }
}

@CommandHandler(RecordRefundPaymentCommand)
export class RecordRefundPaymentHandler implements ICommandHandler<RecordRefundPaymentCommand> {
  constructor(
    private readonly commands: CommandService,
    @Inject(BASE_RATE_TABLE) private readonly baseRates: BaseRateTable,
  ) {}

  async execute({
    grantId,
    amountCents,
    paidOn,
  }: RecordRefundPaymentCommand): Promise<RefundPaymentRecorded> {
    const now = this.commands.now().toISOString();
    const outcome = await this.commands.run(grantStream(grantId), recordRefundPaymentDecider, {
      grantId,
      amountCents,
      paidOn,
      today: berlinDate(now),
      recordedAt: now,
      baseRates: this.baseRates,
    });
    const event = outcome.events[0];
    const paid = event.type === 'RefundPaid' ? event.data : undefined;
    return Object.assign(CommandAccepted.of(grantId, outcome.revision), {
      refundPaymentId: paid?.refundPaymentId ?? '',
      outstandingCents: paid?.outstandingCents ?? 0,
      lateInterestCents: paid?.lateInterest?.totalCents ?? 0,
    });
  }
}
