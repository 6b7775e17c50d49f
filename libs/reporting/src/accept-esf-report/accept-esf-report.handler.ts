import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@app/eventsourcing';
import { CommandAccepted, CommandService } from '@app/shared';
import { type EsfLedgerState, esfLedgerStream } from '../esf-ledger';
import { esfReportStream, type OpenedReport } from '../esf-report';
import { loadFinancingFacts } from '../report-access';
import { acceptEsfReportDecider } from './accept-esf-report.decide';
import { bookEsfAcceptanceDecider } from './book-esf-acceptance.decide';

export class AcceptEsfReportCommand extends Command<CommandAccepted> {
  constructor(readonly reportId: string) {
    super();
  }
}

/**
 * Two appends to two streams, in this order: the booking in the grant's ESF ledger
 * (`esf-ledger-<grantId>`, appended at the revision read, so acceptances of one grant's periods
 * are serialised and each counts the others), then `ReportAccepted` in the report's stream
 * (at the revision the booking was decided on).
 *
 * Crash semantics: if the process stops after the booking and before the report's event, the
 * report stays "submitted" with a booking of its submission. That booking counts against the
 * ceilings (another period cannot take its money), and accepting the report again completes it:
 * the ledger decider finds the booking of this very submission and books nothing, so only the
 * report's event is appended. Returning the report instead voids the booking (a booking counts
 * only while its report still awaits review with that submission, or was accepted with it), and
 * a corrected resubmission is booked afresh. The same holds when the report's append loses a
 * race (e.g. to a concurrent return): the command path decides again on the fresh report.
 * Totals are summed from `ReportAccepted` alone, so a booking never shows in them.
 */
@CommandHandler(AcceptEsfReportCommand)
export class AcceptEsfReportHandler implements ICommandHandler<AcceptEsfReportCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ reportId }: AcceptEsfReportCommand): Promise<CommandAccepted> {
    const outcome = await this.commands.run(
      esfReportStream(reportId),
      acceptEsfReportDecider,
      async (report) => {
        if (report.status === 'none') throw new NotFound('ESF report', reportId);
        const now = this.commands.now().toISOString();
        const ledger = await this.book(report, now);
        return { reportId, now, bookedSubmission: ledger.bookings[reportId]?.submission };
      },
      // The booking is written before the decision: only on the report as the store has it.
      { fresh: true },
    );
    return CommandAccepted.of(reportId, outcome.revision);
  }

  /** Books the report as it stands (or finds it booked); refusals here write nothing at all. */
  private async book(report: OpenedReport, bookedAt: string): Promise<EsfLedgerState> {
    const { grantId, reportId } = report.period;
    const { state } = await this.commands.run(
      esfLedgerStream(grantId),
      bookEsfAcceptanceDecider,
      async (ledger) => ({
        report,
        bookedAt,
        ...(await loadFinancingFacts(this.commands, grantId, reportId, ledger)),
      }),
    );
    return state;
  }
}
