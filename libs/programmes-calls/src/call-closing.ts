import type { DomainEvent } from '@app/eventsourcing';
import { BusinessCalendar, type CommandService } from '@app/shared';
import type { CallClosing, ClosingRule } from './call';
import { programmeStream } from './programme';

/** The holiday calendar of programmes that name none: NRW's, the only one earlier code knew. */
export const DEFAULT_HOLIDAY_REGION = 'NW';

/**
 * The German Land whose public holidays count for the programme's deadlines: its `holidayRegion`
 * where the programme states one (ProgrammeCreated v2), else NRW. Read from the programme's own
 * stream by the event's data alone, so that it does not depend on the programme state's shape.
 */
export async function loadHolidayRegion(commands: CommandService, programmeId: string): Promise<string> {
  const { state } = await commands.load(programmeStream(programmeId), {
    initialState: (): string | undefined => undefined,
    evolve: (region: string | undefined, event: DomainEvent) => {
      const stated = (event.data as { holidayRegion?: unknown } | undefined)?.holidayRegion;
      return typeof stated === 'string' && stated !== '' ? stated : region;
    },
  });
  return state ?? DEFAULT_HOLIDAY_REGION;
}

/**
 * When a call stated as closing on `date` ends: on that day (`fixed`), or, under § 31 (3) VwVfG NRW
 * (`statutory-shift`), on the next working day of the region when `date` is a Saturday, Sunday or
 * public holiday; at 24:00 Europe/Berlin.
 */
export function callClosing(
  date: string,
  rule: ClosingRule,
  holidayRegion: string,
): { closing: CallClosing; closesAt: string } {
  const end = BusinessCalendar.forRegion(holidayRegion).deadlineEnd(date, { fixed: rule === 'fixed' });
  return { closing: { date, rule, lastDay: end.lastDay, holidayRegion }, closesAt: end.dueAt };
}
