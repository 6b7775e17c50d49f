import { NotFound } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
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
import { type EsfLedgerState, esfLedgerStream, evolveEsfLedger, initialEsfLedgerState } from './esf-ledger';
import { loadProgrammeRules } from '@app/programmes-calls';
import { TERMS_BUILT_IN_BEFORE_V2 } from '@app/programmes-calls/legacy/terms-built-in-before-v2';
import { financingOf, type GrantFinancing, type TermsSource } from './financing-limits';
import { possiblePeriodIds } from './report-schedule';

/** The grant as its own stream says it is now. */
export async function loadGrant(commands: CommandService, grantId: string): Promise<GrantFacts> {
  const { state } = await commands.load(grantStream(grantId), {
    evolve: evolveGrantFacts,
    initialState: initialGrantFacts(grantId),
  });
  return state;
}

/**
 * Every report opened for the grant, read from the store: each period id any schedule could have
 * given (and any report the grant's ESF ledger names) is looked up, so the answer depends
 * neither on a read model nor on today's schedule.
 */
export async function loadGrantReports(
  commands: CommandService,
  grant: IssuedGrant,
  alsoReportIds: readonly string[] = [],
): Promise<OpenedReport[]> {
  const reportIds = new Set([
    ...possiblePeriodIds(grant).map((periodId) => reportIdFor(grant.grantId, periodId)),
    ...alsoReportIds,
  ]);
  const states = await Promise.all(
    [...reportIds].map(async (reportId) => {
      const { state } = await commands.load(esfReportStream(reportId), {
        evolve: evolveEsfReport,
        initialState: initialEsfReportState,
      });
      return state;
    }),
  );
  return states.filter((s): s is OpenedReport => s.status !== 'none');
}

export async function loadEsfLedger(commands: CommandService, grantId: string): Promise<EsfLedgerState> {
  const { state } = await commands.load(esfLedgerStream(grantId), {
    evolve: evolveEsfLedger,
    initialState: initialEsfLedgerState,
  });
  return state;
}

/**
 * The sources of the terms the grant's notice applied, by the version it recorded (none or 0:
 * the terms built in before v2, ESF, Land and own funds); undefined for a version the programme
 * does not know.
 */
export async function loadNoticeTermsSources(
  commands: CommandService,
  grant: IssuedGrant,
): Promise<TermsSource[] | undefined> {
  const version = grant.rulesVersion ?? 0;
  if (version === 0) return TERMS_BUILT_IN_BEFORE_V2.sources;
  const versions = await loadProgrammeRules(commands, grant.programmeId);
  return versions.find((v) => v.version === version)?.rules.sources;
}

/** The grant as its stream says now, refused as not found when no notice was issued. */
export async function loadIssuedGrant(commands: CommandService, grantId: string): Promise<IssuedGrant> {
  const grant = await loadGrant(commands, grantId);
  if (grant.status === 'none') throw new NotFound('Grant', grantId);
  return grant;
}

/** The grant's financing and its reports other than `reportId` (those the ledger names included). */
export async function loadFinancingFacts(
  commands: CommandService,
  grantId: string,
  reportId: string,
  ledger: EsfLedgerState,
): Promise<{ financing: GrantFinancing; otherReports: OpenedReport[] }> {
  const grant = await loadIssuedGrant(commands, grantId);
  const [reports, terms] = await Promise.all([
    loadGrantReports(commands, grant, Object.keys(ledger.bookings)),
    loadNoticeTermsSources(commands, grant),
  ]);
  return {
    financing: financingOf(grant, terms),
    otherReports: reports.filter((r) => r.period.reportId !== reportId),
  };
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
