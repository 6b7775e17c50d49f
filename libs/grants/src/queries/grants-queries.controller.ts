import { Controller, Get, Param, Query as QueryParam, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import type { RenderedPdf } from '@app/documents';
import { AGS_PATTERN, ApiFile, IdPipe, IsRecordId, ListQuery, listPage, type Page } from '@app/shared';
import { GetGrantNoticePdfQuery } from '../notice-document/notice-document.query';
import type { DisbursementView, GrantView } from './grants.projection';
import { GetGrantQuery, ListDisbursementsQuery, ListGrantsQuery } from './grants.queries';

const GRANT_ATTENTION = ['funds-to-pay', 'proof-of-use-to-review'] as const;
type GrantAttention = (typeof GRANT_ATTENTION)[number];

/** Whether a grant waits for the grants office in the way asked. */
function needs(attention: GrantAttention, grant: GrantView): boolean {
  return attention === 'funds-to-pay'
    ? grant.requestedCents > grant.paidCents
    : grant.proofOfUse.status === 'submitted';
}

export class GrantsFilterDto extends ListQuery('status', 'from', 'to') {
  @ApiPropertyOptional() @IsOptional() @IsRecordId() programmeId?: string;
  @ApiPropertyOptional({ description: "The programme's phase (its terms' phaseId)" })
  @IsOptional()
  @IsRecordId()
  phaseId?: string;
  @ApiPropertyOptional({ enum: [1, 2], deprecated: true, description: 'Deprecated: phaseId `phase-<n>`' })
  @IsOptional()
  @Type(() => Number)
  @IsIn([1, 2])
  phase?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(AGS_PATTERN, { message: 'ags must be an 8-digit AGS' })
  ags?: string;
  @ApiPropertyOptional({
    enum: GRANT_ATTENTION,
    description:
      'What the grants office has to do: `funds-to-pay` (disbursements requested and not yet paid), `proof-of-use-to-review` (a proof of use submitted and not yet accepted or returned)',
  })
  @IsOptional()
  @IsIn(GRANT_ATTENTION)
  attention?: GrantAttention;
}

export class DisbursementsQuery extends ListQuery('status', 'from', 'to') {}

/** Finance is not the evaluators' business: only the office, auditors and the grantee read grants. */
@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants')
export class GrantsQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Grants; a municipality sees its own. `from`/`to` by the day the notice was issued. */
  @Get()
  @Roles('grants-office', 'auditor', 'municipality')
  async list(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: GrantsFilterDto,
  ): Promise<Page<GrantView>> {
    const { programmeId, phase, ags } = filter;
    const phaseId = filter.phaseId ?? (phase !== undefined ? `phase-${phase}` : undefined);
    const all: GrantView[] = await this.queryBus.execute(
      new ListGrantsQuery(principal, { programmeId, phaseId, ags }),
    );
    const { attention } = filter;
    const grants = attention ? all.filter((g) => needs(attention, g)) : all;
    return listPage(grants, filter, {
      text: (g) => [
        g.grantId,
        g.programmeId,
        g.programmeTitle,
        g.ags,
        g.municipalityName,
        g.applicationId,
        g.callId,
        g.status,
      ],
      status: (g) => g.status,
      date: (g) => g.issuedAt,
    });
  }

  /** One grant: its notice, financing, payments, revocations and proof of use. */
  @Get(':grantId')
  @Roles('grants-office', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('grantId', IdPipe) grantId: string,
  ): Promise<GrantView> {
    return this.queryBus.execute(new GetGrantQuery(principal, grantId));
  }

  /**
   * The grant notice (Zuwendungsbescheid) as PDF, regenerated from its event: byte for byte the
   * document whose SHA-256 the grant's `noticeDocument` records (sent as `X-Document-SHA256`).
   * The office, auditors and the grantee; another municipality gets 404.
   */
  @Get(':grantId/notice.pdf')
  @Roles('grants-office', 'auditor', 'municipality')
  @ApiFile('application/pdf', 'The grant notice as PDF.', { binary: true })
  async noticePdf(
    @CurrentPrincipal() principal: Principal,
    @Param('grantId', IdPipe) grantId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const pdf: RenderedPdf = await this.queryBus.execute(new GetGrantNoticePdfQuery(principal, grantId));
    res.header('X-Document-SHA256', pdf.sha256);
    return new StreamableFile(pdf.bytes, {
      type: pdf.contentType,
      disposition: `inline; filename="${pdf.fileName}"`,
    });
  }

  /** A grant's disbursements; `from`/`to` by due date. */
  @Get(':grantId/disbursements')
  @Roles('grants-office', 'auditor', 'municipality')
  async disbursements(
    @CurrentPrincipal() principal: Principal,
    @Param('grantId', IdPipe) grantId: string,
    @QueryParam() query: DisbursementsQuery,
  ): Promise<Page<DisbursementView>> {
    const disbursements: DisbursementView[] = await this.queryBus.execute(
      new ListDisbursementsQuery(principal, grantId),
    );
    return listPage(disbursements, query, {
      text: (d) => [d.disbursementId, d.grantId, d.status],
      status: (d) => d.status,
      date: (d) => d.dueDate,
    });
  }
}
