import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { type GrantNoticeIssued, grantStream } from '../grant';
import { GRANTS_OFFICE, type GrantsOffice } from '../notice-document/grants-office';
import { renderNoticeDocument } from '../notice-document/notice-document';
import { noticeNames } from '../notice-document/notice-document.query';
import {
  noticeDocumentStream,
  recordNoticeDocumentDecider,
} from '../notice-document/record-notice-document.decide';
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
  constructor(
    private readonly commands: CommandService,
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
    @Inject(GRANTS_OFFICE) private readonly office: GrantsOffice,
  ) {}

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
    const issued = outcome.events.find((e): e is GrantNoticeIssued => e.type === 'GrantNoticeIssued');
    if (issued) await this.recordDocument(issued.data);
    return CommandAccepted.of(grantId, outcome.revision);
  }

  /**
   * The notice as PDF, rendered from the event just written, its SHA-256 recorded beside the grant
   * (in a stream of its own, so that the grant's revisions stay as clients know them).
   */
  private async recordDocument(notice: GrantNoticeIssued['data']): Promise<void> {
    const pdf = await renderNoticeDocument(
      notice,
      noticeNames(this.projections, this.registry, notice),
      this.office,
    );
    await this.commands.run(noticeDocumentStream(notice.grantId), recordNoticeDocumentDecider, {
      grantId: notice.grantId,
      sha256: pdf.sha256,
      generatedAt: notice.issuedAt,
      templateVersion: this.office.templateVersion,
      fileName: pdf.fileName,
    });
  }
}
