import { loadProgrammeRules } from '@app/programmes-calls';
import type { CommandService } from '@app/shared';
import { loadGrant, loadGrantReports } from '../report-access';
import { planReportPeriods, type ReportPeriodPlan } from './open-report-periods.decide';

/** The grant's report periods as the store says now: its notice, its programme's terms, what is open. */
export async function planForGrant(commands: CommandService, grantId: string): Promise<ReportPeriodPlan> {
  const grant = await loadGrant(commands, grantId);
  const [rulesVersions, opened] =
    grant.status === 'none'
      ? [[], []]
      : await Promise.all([
          loadProgrammeRules(commands, grant.programmeId),
          loadGrantReports(commands, grant),
        ]);
  return planReportPeriods({ grant, rulesVersions, opened: opened.map((r) => r.period) });
}
