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
import type { FinancingV1Dto, IssueGrantNoticeDto, SourceAmountDto } from './grant-notice.dto';
import {
  type IssueGrantNotice,
  issueGrantNoticeDecider,
  noticeGrounds,
  noticeProgramme,
} from './issue-grant-notice.decide';
import { loadNoticeBasis, loadNoticeRules, loadPreviousPhaseGrant } from './notice-facts';
import { FinancingFormNotApplicable, PhaseStatedTwice } from '../errors/notice-errors';
import { takesV1Financing } from '../funding-sources';
import type { ResolvedRules } from '../grant-settings';
import type { SourceAmount } from '../grant';
import { grantsProjection } from '../queries/grants.projection';
import { sourcesOfV1 } from '../upcasters';

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
    const phaseId = phaseIdOf(body);
    const facts = await loadNoticeBasis(this.commands, body);
    const command: IssueGrantNotice = {
      ...(phaseId !== undefined && { phaseId }),
      ags: body.ags,
      basis: facts.basis,
      amountCents: body.amountCents,
      period: body.period,
      financing: [],
      conditions: body.conditions,
      coordinator: body.coordinator,
      rules: undefined,
      issuedAt,
    };
    // The basis names the programme and so its terms and the grant's stream; a basis that
    // carries no notice is refused here, before any stream of the grant is addressed.
    const programmeId = noticeProgramme(command);
    command.rules = await loadNoticeRules(this.commands, programmeId, facts, issuedAt);
    command.financing = requestedFinancing(body.financing, command.rules);
    await loadPreviousPhaseGrant(
      this.commands,
      this.projections.state(grantsProjection),
      command.basis,
      command.rules,
      body.ags,
    );
    const { grantId } = noticeGrounds(command);
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

/** `phaseId`, or the deprecated `phase` number as the id it stands for; both only when they agree. */
export function phaseIdOf({ phase, phaseId }: Pick<IssueGrantNoticeDto, 'phase' | 'phaseId'>) {
  if (phase !== undefined && phaseId !== undefined && phaseId !== `phase-${phase}`)
    throw new PhaseStatedTwice({ phase, phaseId });
  return phaseId ?? (phase !== undefined ? `phase-${phase}` : undefined);
}

/**
 * The plan as a list of sources: the deprecated v1 object only for terms whose sources are the
 * first programme's (esf, land, own), read by those ids.
 */
export function requestedFinancing(
  financing: SourceAmountDto[] | FinancingV1Dto,
  rules: ResolvedRules | undefined,
): SourceAmount[] {
  if (Array.isArray(financing)) return financing.map(({ sourceId, cents }) => ({ sourceId, cents }));
  const sources = rules?.settings.sources ?? [];
  if (rules && !takesV1Financing(sources))
    throw new FinancingFormNotApplicable({ sources: sources.map((s) => s.sourceId) });
  return sourcesOfV1(financing);
}
