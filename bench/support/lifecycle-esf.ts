import { day, meet, openDeadline, remind } from './lifecycle-deadlines';
import { at, event, type LifecycleAppend } from './lifecycle-shapes';

type Cents = { esfCents: number; landCents: number; ownCents: number };

export interface GrantTerms {
  grantId: string;
  programmeId: string;
  ags: string;
  amountCents: number;
  financing: Cents;
  period: { from: string; to: string };
}

/** Days after a period's end its report is due (the programme rules' default). */
const REPORT_DUE_AFTER_DAYS = 120;

/**
 * One year of a grant: two disbursements requested and paid, the ESF report period opened with its
 * deadline, reminders (and their notifications) until the report comes in, its acceptance booked
 * in the grant's ESF ledger and then recorded on the report.
 */
export function* fundingYear(grant: GrantTerms, y: number): Generator<LifecycleAppend> {
  const { grantId, programmeId, ags, amountCents, financing, period } = grant;
  const periodId = `${Number(period.from.slice(0, 4)) + y}`;
  for (const q of [0, 1]) {
    const disbursementId = `${2 * y + q + 1}`;
    const requestedAt = at(`${periodId}-0${3 + q * 4}-02`);
    const paidOn = `${periodId}-0${3 + q * 4}-20`;
    const share = amountCents / 8;
    yield {
      streamId: `grant-${grantId}`,
      events: [
        event(
          'DisbursementRequested',
          {
            grantId,
            disbursementId,
            ags,
            amountCents: share,
            dueDate: `${periodId}-0${4 + q * 4}-01`,
            requestedAt,
          },
          requestedAt,
          ags,
        ),
      ],
    };
    yield {
      streamId: `grant-${grantId}`,
      events: [
        event('DisbursementPaid', { grantId, disbursementId, ags, amountCents: share, paidOn }, at(paidOn)),
      ],
    };
  }

  const reportId = `${grantId}.${periodId}`;
  const from = y === 0 ? period.from : `${periodId}-01-01`;
  const to = `${periodId}-12-31`;
  const dueDate = day(to, REPORT_DUE_AFTER_DAYS);
  const opened = event(
    'EsfReportPeriodOpened',
    { reportId, grantId, programmeId, ags, periodId, from, to, dueDate },
    y === 0 ? at(period.from) : at(`${periodId}-01-02`),
  );
  yield { streamId: `esf-report-${reportId}`, events: [opened] };
  const due = openDeadline(
    'esf-report-due',
    reportId,
    { programmeId, subject: { reportId, grantId }, obligedAgs: [ags] },
    { dueDate, fixed: false },
    opened,
  );
  yield due.append;

  const expenditure = {
    esfCents: financing.esfCents / 4,
    landCents: financing.landCents / 4,
    ownCents: financing.ownCents / 4,
  };
  const indicators = { 'public-administrations-supported': 1 };
  const submittedAt = at(day(due.deadline.lastDay, -3));
  yield* remind(due.deadline, submittedAt);
  const submitted = event(
    'EsfReportSubmitted',
    {
      reportId,
      grantId,
      ags,
      periodId,
      expenditure,
      indicators,
      narrative: 'Netzwerke ausgebaut, Angebote gebündelt.',
      submission: 1,
      submittedAt,
    },
    submittedAt,
    ags,
  );
  yield { streamId: `esf-report-${reportId}`, events: [submitted] };
  yield meet(due.deadline, submitted);

  const acceptedAt = at(day(due.deadline.lastDay, 10));
  const ceilings = { esfCents: financing.esfCents, landCents: financing.landCents };
  const countedBefore = { esfCents: expenditure.esfCents * y, landCents: expenditure.landCents * y };
  yield {
    streamId: `esf-ledger-${grantId}`,
    events: [
      event(
        'EsfAcceptanceBooked',
        {
          grantId,
          reportId,
          periodId,
          submission: 1,
          expenditure,
          ceilings,
          countedBefore,
          bookedAt: acceptedAt,
        },
        acceptedAt,
      ),
    ],
  };
  yield {
    streamId: `esf-report-${reportId}`,
    events: [
      event(
        'EsfReportAccepted',
        {
          reportId,
          grantId,
          programmeId,
          ags,
          periodId,
          from,
          to,
          year: Number(periodId),
          expenditure,
          indicators,
          submission: 1,
          acceptedAt,
        },
        acceptedAt,
      ),
    ],
  };
}
