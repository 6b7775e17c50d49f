import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { grantStream } from '../grant';
import type { BaseRateTable } from '../interest/base-rate-table';
import { BASE_RATE_TABLE } from '../interest/base-rate-table.provider';
import { type RevokeGrant, revokeGrantDecider } from './revoke-grant.decide';

export class RevocationAccepted extends CommandAccepted {
  @ApiProperty({ description: 'Paid out beyond the new entitlement, to be refunded' }) refundCents: number;
  @ApiProperty({ description: 'Interest on the refund until it is due (§ 49a Abs. 3 VwVfG)' })
  interestCents: number;
}

export class RevokeGrantCommand extends Command<RevocationAccepted> {
  constructor(readonly revocation: Omit<RevokeGrant, 'revokedAt' | 'baseRates'>) {
    super();
  }
}

@CommandHandler(RevokeGrantCommand)
export class RevokeGrantHandler implements ICommandHandler<RevokeGrantCommand> {
  constructor(
    private readonly commands: CommandService,
    @Inject(BASE_RATE_TABLE) private readonly baseRates: BaseRateTable,
  ) {}

  async execute({ revocation }: RevokeGrantCommand): Promise<RevocationAccepted> {
    const outcome = await this.commands.run(grantStream(revocation.grantId), revokeGrantDecider, {
      ...revocation,
      revokedAt: this.commands.now().toISOString(),
      baseRates: this.baseRates,
    });
    const event = outcome.events[0];
    const revoked = event.type === 'GrantRevoked' ? event.data : undefined;
    return Object.assign(CommandAccepted.of(revocation.grantId, outcome.revision), {
      refundCents: revoked?.refundCents ?? 0,
      interestCents: revoked?.interest.totalCents ?? 0,
    });
  }
}
