import { Controller, Get, Header, Param } from '@nestjs/common';
import { type IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import { ApiFile, MunicipalityRegistry, Public } from '@app/shared';
import type { DeadlineFacts } from '../deadline-facts';
import { notificationsProjection } from '../queries/notifications.projection';
import { SecretBox, secretsEqual } from '../secret-box';
import { NameBook } from '../messages/name-book';
import { deadlineCalendar } from './deadline-calendar';

export class GetDeadlineCalendarQuery extends Query<string> {
  constructor(
    readonly ags: string,
    readonly token: string,
  ) {
    super();
  }
}

@QueryHandler(GetDeadlineCalendarQuery)
export class GetDeadlineCalendarHandler implements IQueryHandler<GetDeadlineCalendarQuery> {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly secrets: SecretBox,
    private readonly registry: MunicipalityRegistry,
  ) {}

  /** A wrong token and an unknown municipality look alike: 404, so the URL is the only key. */
  async execute({ ags, token }: GetDeadlineCalendarQuery): Promise<string> {
    const model = this.projections.state(notificationsProjection);
    const expected = this.secrets.open(model.settings.get(ags)?.calendarTokenSealed);
    if (!expected || !secretsEqual(token, expected)) throw new NotFound('Calendar', ags);
    const deadlines = [...(model.deadlinesByAgs.get(ags) ?? [])]
      .map((id) => model.deadlines.get(id))
      .filter((d): d is DeadlineFacts => d !== undefined);
    const names = new NameBook((a) => this.registry.find(a)?.name, model.names);
    return deadlineCalendar({ ags, name: names.municipality(ags) }, deadlines, names);
  }
}

@ApiTags('notifications')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * A municipality's open deadlines as an iCalendar feed for Outlook or Thunderbird. No bearer
   * token (calendar clients cannot send one): the secret token in the URL is the credential.
   */
  @Get(':ags/:token.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiFile('text/calendar', 'The open deadlines as iCalendar events (RFC 5545).')
  feed(@Param('ags') ags: string, @Param('token') token: string): Promise<string> {
    return this.queryBus.execute(new GetDeadlineCalendarQuery(ags, token));
  }
}
