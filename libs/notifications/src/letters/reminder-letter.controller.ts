import { Controller, Get, Inject, Param, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type RenderedPdf, type ReminderLetterView, renderReminderLetter } from '@app/documents';
import { type Locale, NotFound, ProjectionRunner } from '@app/eventsourcing';
import { GRANTS_OFFICE, type GrantsOffice } from '@app/grants';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import {
  AGS_PATTERN,
  ApiFile,
  IdPipe,
  MunicipalityRegistry,
  preferredLocale,
  setContentLanguage,
} from '@app/shared';
import type { DeadlineFacts } from '../deadline-facts';
import { deadlineTitle, lastDayOf } from '../messages/deadline-message';
import { NameBook } from '../messages/name-book';
import { notificationsProjection } from '../queries/notifications.projection';

export class GetReminderLetterQuery extends Query<RenderedPdf> {
  constructor(
    readonly principal: Principal,
    readonly deadlineId: string,
    readonly ags: string,
    /** The letter's language: German unless the request prefers English. */
    readonly locale: Locale = 'de',
  ) {
    super();
  }
}

const HEAD: Record<string, string> = {
  kreis: 'Die Landrätin / Der Landrat',
  'kreisfreie-stadt': 'Die Oberbürgermeisterin / Der Oberbürgermeister',
  'kreisangehoerige-stadt': 'Die Bürgermeisterin / Der Bürgermeister',
};

/** The fixed texts the letter is given (the programme's own names stay as they are). */
const GIVEN: Record<Locale, { consequence: string; programme: string }> = {
  de: {
    consequence: 'Die Bewilligungsbehörde wird über ein Versäumnis der Frist unterrichtet.',
    programme: 'Landesprogramm',
  },
  en: {
    consequence: 'The granting authority will be informed if the deadline is missed.',
    programme: 'State programme',
  },
};

const dayAfter = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

const berlinDay = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));

/**
 * The letter about one deadline to one obliged municipality: a reminder while it is open, a
 * notice of the missed deadline once it passed unmet. Dated by the deadline's facts (its last
 * change, or the day after a missed last day), so the same facts give the same bytes.
 */
@QueryHandler(GetReminderLetterQuery)
export class GetReminderLetterHandler implements IQueryHandler<GetReminderLetterQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly registry: MunicipalityRegistry,
    @Inject(GRANTS_OFFICE) private readonly office: GrantsOffice,
  ) {}

  async execute({ principal, deadlineId, ags, locale }: GetReminderLetterQuery): Promise<RenderedPdf> {
    const model = this.projections.state(notificationsProjection);
    const facts: DeadlineFacts | undefined = model.deadlines.get(deadlineId);
    const own = !principal.roles.includes('municipality') || principal.ags === ags;
    if (!facts || !own || !facts.obligedAgs.includes(ags) || !AGS_PATTERN.test(ags))
      throw new NotFound('Reminder letter', `${deadlineId}/${ags}`);
    const names = new NameBook((a) => this.registry.find(a)?.name, model.names);
    const municipality = this.registry.find(ags);
    const name = names.municipality(ags) ?? ags;
    const dueOn = lastDayOf(facts.dueAt);
    const view: ReminderLetterView = {
      deadlineId,
      kind: facts.missed ? 'missed' : 'reminder',
      sentOn: facts.missed ? dayAfter(dueOn) : berlinDay(facts.changedAt),
      authority: this.office.authority,
      recipient: { name, ags, addressLines: municipality ? [HEAD[municipality.type]] : [] },
      programmeTitle:
        (facts.programmeId && names.programmeTitle(facts.programmeId)) || GIVEN[locale].programme,
      obligation: {
        what:
          (locale === 'en' ? names.deadlineTitleEn(facts.kind, facts.subject) : undefined) ??
          deadlineTitle(facts.kind, facts.subject, deadlineId, names),
        dueOn,
        ...(facts.statedDueDate && facts.statedDueDate !== dueOn ? { statedDueOn: facts.statedDueDate } : {}),
        obliged: name,
      },
      consequences: [GIVEN[locale].consequence],
      signature: this.office.signature,
      locale,
    };
    return renderReminderLetter(view);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('deadlines')
export class ReminderLetterController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * The reminder letter (or, once missed, the notice of the missed deadline) to one obliged
   * municipality, as PDF. The municipality itself, the grants office and auditors; another
   * municipality, or one not obliged, gets 404. In English on `Accept-Language: en` (ranked
   * above German), German otherwise; `Content-Language` says which.
   */
  @Get(':deadlineId/reminder-letters/:ags.pdf')
  @Roles('grants-office', 'auditor', 'municipality')
  @ApiFile('application/pdf', 'The letter as PDF.', { binary: true })
  async letter(
    @CurrentPrincipal() principal: Principal,
    @Param('deadlineId', IdPipe) deadlineId: string,
    @Param('ags') ags: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const locale = preferredLocale(req.headers['accept-language']);
    const pdf: RenderedPdf = await this.queryBus.execute(
      new GetReminderLetterQuery(principal, deadlineId, ags, locale),
    );
    setContentLanguage(res, locale);
    return new StreamableFile(pdf.bytes, {
      type: pdf.contentType,
      disposition: `inline; filename="${pdf.fileName}"`,
    });
  }
}
