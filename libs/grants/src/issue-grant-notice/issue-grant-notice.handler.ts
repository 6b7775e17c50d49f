import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService } from '@app/shared';
import { grantStream } from '../grant';
import type { IssueGrantNoticeDto } from './grant-notice.dto';
import { type IssueGrantNotice, issueGrantNoticeDecider, noticeGrounds } from './issue-grant-notice.decide';
import { loadNoticeBasis, loadNoticeRules } from './notice-facts';

export class IssueGrantNoticeCommand extends Command<CommandAccepted> {
  constructor(readonly body: IssueGrantNoticeDto) {
    super();
  }
}

@CommandHandler(IssueGrantNoticeCommand)
export class IssueGrantNoticeHandler implements ICommandHandler<IssueGrantNoticeCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ body }: IssueGrantNoticeCommand): Promise<CommandAccepted> {
    const issuedAt = this.commands.now().toISOString();
    const facts = await loadNoticeBasis(this.commands, body);
    const command: IssueGrantNotice = {
      phase: body.phase,
      ags: body.ags,
      basis: facts.basis,
      amountCents: body.amountCents,
      period: body.period,
      financing: body.financing,
      conditions: body.conditions,
      coordinator: body.coordinator,
      rules: undefined,
      issuedAt,
    };
    // The basis names the programme and so the grant's stream; a basis that carries no notice
    // is refused here, before any stream of the grant is addressed.
    const { programmeId, grantId } = noticeGrounds(command);
    command.rules = await loadNoticeRules(this.commands, programmeId, facts, issuedAt);
    const outcome = await this.commands.run(grantStream(grantId), issueGrantNoticeDecider, command);
    return CommandAccepted.of(grantId, outcome.revision);
  }
}
