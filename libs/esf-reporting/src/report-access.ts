import { NotFound } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { programmeStream } from '@app/programmes-calls';
import type { CommandService } from '@app/shared';
import {
  type EsfReportState,
  esfReportStream,
  evolveEsfReport,
  initialEsfReportState,
  type OpenedReport,
  parseReportId,
  reportIdFor,
} from './esf-report';
import {
  evolveGrantFacts,
  type GrantFacts,
  grantStream,
  initialGrantFacts,
  type IssuedGrant,
} from './grant-facts';
import { addExpenditure, NO_EXPENDITURE } from './report-rules';
import { evolveRulesAdoptions, possiblePeriodIds, type RulesAdoption } from './report-schedule';

/** The grant as its own stream says it is now. */
export async function loadGrant(commands: CommandService, grantId: string): Promise<GrantFacts> {
  const { state } = await commands.load(grantStream(grantId), {
    evolve: evolveGrantFacts,
    initialState: initialGrantFacts(grantId),
  });
  return state;
}

export async function loadRulesAdoptions(
  commands: CommandService,
  programmeId: string,
): Promise<RulesAdoption[]> {
  const { state } = await commands.load(programmeStream(programmeId), {
    evolve: evolveRulesAdoptions,
    initialState: () => [] as RulesAdoption[],
  });
  return state;
}

/**
 * Every report opened for the grant, read from the store: each period id any schedule could have
 * given is looked up, so the answer depends neither on a read model nor on today's schedule.
 */
export async function loadGrantReports(
  commands: CommandService,
  grant: IssuedGrant,
): Promise<OpenedReport[]> {
  const states = await Promise.all(
    possiblePeriodIds(grant).map(async (periodId) => {
      const { state } = await commands.load(esfReportStream(reportIdFor(grant.grantId, periodId)), {
        evolve: evolveEsfReport,
        initialState: initialEsfReportState,
      });
      return state;
    }),
  );
  return states.filter((s): s is OpenedReport => s.status !== 'none');
}

/** The notice's financing and what its other periods had accepted: the facts of a money check. */
export async function loadFinancingFacts(commands: CommandService, grantId: string, reportId: string) {
  const grant = await loadGrant(commands, grantId);
  if (grant.status === 'none') throw new NotFound('Grant', grantId);
  const acceptedElsewhere = (await loadGrantReports(commands, grant))
    .filter((r) => r.status === 'accepted' && r.period.reportId !== reportId && r.submitted)
    .reduce((sum, r) => addExpenditure(sum, r.submitted!.expenditure), NO_EXPENDITURE);
  return { notice: grant.financing, acceptedElsewhere };
}

/**
 * A report the calling municipality may act on: its grant must be the municipality's own. Of
 * anyone else's report, or of a report id no grant could have, it learns nothing (404). A
 * period of its own grant that is not opened yet is left to the decider to refuse.
 */
export async function authorizeOwner(
  commands: CommandService,
  principal: Principal,
  reportId: string,
  state: EsfReportState,
): Promise<{ grantId: string }> {
  if (state.status !== 'none') {
    if (state.period.ags !== principal.ags) throw new NotFound('ESF report', reportId);
    return { grantId: state.period.grantId };
  }
  const parsed = parseReportId(reportId);
  if (!parsed) throw new NotFound('ESF report', reportId);
  const grant = await loadGrant(commands, parsed.grantId);
  if (grant.status === 'none' || grant.ags !== principal.ags) throw new NotFound('ESF report', reportId);
  return { grantId: parsed.grantId };
}
