import {
  applicationStream,
  evolveExpressionOfInterest,
  initialExpressionOfInterestState,
} from '@app/applications';
import { type CommandService, type MunicipalityRegistry, startOfDayInZone, zoneOffsetMs } from '@app/shared';
import type { RecordingFacts } from './record-council-resolution/record-council-resolution.decide';
import type { ApplicationFacts, MunicipalityFacts } from './resolution-rules';

/** The expression of interest as its own stream says it is now: lead and members decide access. */
export async function loadApplicationFacts(
  commands: CommandService,
  applicationId: string,
): Promise<ApplicationFacts | undefined> {
  const { state } = await commands.load(applicationStream(applicationId), {
    evolve: evolveExpressionOfInterest,
    initialState: initialExpressionOfInterestState,
  });
  if (state.status === 'none') return undefined;
  return {
    applicationId,
    callId: state.callId,
    leadAgs: state.applicant.ags,
    memberAgs: state.members.map((m) => m.ags),
  };
}

export function municipalityFacts(
  registry: MunicipalityRegistry,
  ags: string,
): MunicipalityFacts | undefined {
  const m = registry.find(ags);
  return m && { ags: m.ags, name: m.name, type: m.type };
}

/** The calendar day in Berlin at an instant: councils date their decisions in local time. */
export function berlinToday(now: Date): string {
  const instant = now.getTime();
  return new Date(instant + zoneOffsetMs(instant)).toISOString().slice(0, 10);
}

/**
 * Business time of a record: the start of the day the council decided (Berlin). Undefined when
 * the date cannot be read, and then the decider refuses anyway.
 */
export function decisionInstant(resultDate: string | undefined): string | undefined {
  if (!resultDate || !/^\d{4}-\d{2}-\d{2}$/.test(resultDate)) return undefined;
  const instant = startOfDayInZone(resultDate);
  return Number.isFinite(instant.getTime()) ? instant.toISOString() : undefined;
}

/** Everything a record or an import needs to know besides what the caller sends. */
export async function gatherRecordingFacts(
  commands: CommandService,
  registry: MunicipalityRegistry,
  applicationId: string,
  ags: string,
): Promise<RecordingFacts> {
  return {
    applicationId,
    ags,
    application: await loadApplicationFacts(commands, applicationId),
    municipality: municipalityFacts(registry, ags),
    today: berlinToday(commands.now()),
  };
}
