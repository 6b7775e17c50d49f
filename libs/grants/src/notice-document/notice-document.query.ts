import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { RenderedPdf } from '@app/documents';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { programmesCallsProjection } from '@app/programmes-calls';
import { MunicipalityRegistry } from '@app/shared';
import { grantsProjection } from '../queries/grants.projection';
import { mayRead } from '../queries/grants.queries';
import { GRANTS_OFFICE, type GrantsOffice } from './grants-office';
import { type NoticeNames, renderNoticeDocument } from './notice-document';
import { noticeTerms } from '../funding-sources';
import type { AppliedRules } from '../grant';

export class GetGrantNoticePdfQuery extends Query<RenderedPdf> {
  constructor(
    readonly principal: Principal,
    readonly grantId: string,
  ) {
    super();
  }
}

/** The names a notice needs: the registry's municipality, the programme's title, its terms' sources and phases; the terms' schedule and proof-of-use months. */
export function noticeNames(
  projections: ProjectionRunner,
  registry: MunicipalityRegistry,
  notice: { ags: string; programmeId: string; rules: AppliedRules },
): NoticeNames {
  const model = projections.state(programmesCallsProjection);
  const programme = model.programmes.get(notice.programmeId);
  const versions = model.rules.get(notice.programmeId) ?? [];
  const terms = noticeTerms(versions, notice.rules);
  return {
    municipality: registry.find(notice.ags),
    programmeTitle: programme?.title ?? notice.programmeId,
    sources: terms?.sources ?? [],
    phases: terms?.phases ?? [],
    versions,
    ...(terms && { proofOfUseMonths: terms.proofOfUseMonths }),
  };
}

/** The notice regenerated from its event: the same bytes as when it was issued, under the same template. */
@QueryHandler(GetGrantNoticePdfQuery)
export class GetGrantNoticePdfHandler implements IQueryHandler<GetGrantNoticePdfQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
    @Inject(GRANTS_OFFICE) private readonly office: GrantsOffice,
  ) {}

  async execute({ principal, grantId }: GetGrantNoticePdfQuery): Promise<RenderedPdf> {
    const view = this.projections.state(grantsProjection).byId.get(grantId);
    if (!view || !mayRead(principal, view)) throw new NotFound('Grant', grantId);
    // The view holds the notice's data as the event stated it; the document reads only those fields.
    return renderNoticeDocument(view, noticeNames(this.projections, this.registry, view), this.office);
  }
}
