import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/identity';
import { CommandAccepted, CommandService } from '@app/shared';
import type { ReportContentInput } from '../esf-report';
import { esfReportStream } from '../esf-report';
import { authorizeOwner, loadIssuedGrant } from '../report-access';
import { saveEsfReportDraftDecider } from './save-esf-report-draft.decide';

export class SaveEsfReportDraftCommand extends Command<CommandAccepted> {
  constructor(
    readonly principal: Principal,
    readonly reportId: string,
    readonly content: ReportContentInput,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}

@CommandHandler(SaveEsfReportDraftCommand)
export class SaveEsfReportDraftHandler implements ICommandHandler<SaveEsfReportDraftCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({
    principal,
    reportId,
    content,
    expectedRevision,
  }: SaveEsfReportDraftCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(
      esfReportStream(reportId),
      saveEsfReportDraftDecider,
      async (state) => {
        const { grantId } = await authorizeOwner(this.commands, principal, reportId, state);
        // Figures are stated by the notice's sources; a period not opened is refused by the decider.
        const sourceIds =
          state.status === 'none'
            ? []
            : (await loadIssuedGrant(this.commands, grantId)).financing.map((f) => f.sourceId);
        return { reportId, content, sourceIds, now: this.commands.now().toISOString() };
      },
      { expectedRevision },
    );
    return CommandAccepted.of(reportId, outcome.revision);
  }
}
