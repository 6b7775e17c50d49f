import { ApiProperty } from '@nestjs/swagger';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import { grantStream, overpaidCents, paidCents, type SourceAmount } from '../grant';
import { loadGrantSources } from '../issue-grant-notice/notice-facts';
import { type FinancingV1, sourcesOfV1 } from '../upcasters';
import { type SubmitProofOfUse, submitProofOfUseDecider } from './submit-proof-of-use.decide';

export class ProofOfUseReceipt extends CommandAccepted {
  @ApiProperty({
    description: 'Which submission of the proof this is: 1, or more after a return',
    example: 1,
  })
  submission: number;
  @ApiProperty({
    description:
      'Paid out (less refunds already claimed) beyond the public money (grant sources) the proof states',
  })
  refundableCents: number;
}

export class SubmitProofOfUseCommand extends Command<ProofOfUseReceipt> {
  constructor(
    readonly principal: Principal,
    readonly proof: Omit<SubmitProofOfUse, 'ags' | 'submittedAt' | 'expenditure' | 'sources'> & {
      expenditure: SourceAmount[] | FinancingV1;
    },
  ) {
    super();
  }
}

@CommandHandler(SubmitProofOfUseCommand)
export class SubmitProofOfUseHandler implements ICommandHandler<SubmitProofOfUseCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ principal, proof }: SubmitProofOfUseCommand): Promise<ProofOfUseReceipt> {
    const sources = await loadGrantSources(this.commands, proof.grantId);
    const expenditure = Array.isArray(proof.expenditure)
      ? proof.expenditure.map(({ sourceId, cents }) => ({ sourceId, cents }))
      : sourcesOfV1(proof.expenditure);
    const outcome = await this.commands.run(grantStream(proof.grantId), submitProofOfUseDecider, {
      ...proof,
      expenditure,
      sources,
      // The decider answers 404 unless the grant is this municipality's own.
      ags: principal.ags ?? '',
      submittedAt: this.commands.now().toISOString(),
    });
    const { state } = outcome;
    const event = outcome.events[0];
    const submitted = event.type === 'ProofOfUseSubmitted' ? event.data : undefined;
    return Object.assign(CommandAccepted.of(proof.grantId, outcome.revision), {
      submission: submitted?.submission ?? 0,
      refundableCents:
        state.status === 'none' || !submitted
          ? 0
          : overpaidCents(paidCents(state), state.refundCents, submitted.publicCents),
    });
  }
}
