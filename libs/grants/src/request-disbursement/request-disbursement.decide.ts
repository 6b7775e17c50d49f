import { type Decider, NotFound } from '@app/eventsourcing';
import { addCalendarMonths, berlinDate } from '../calendar';
import {
  DisbursementAmountNotPositive,
  DisbursementBeyondGrant,
  DisbursementBeyondWindow,
  DisbursementDueDatePassed,
  DisbursementOutsidePeriod,
  GrantFullyRevoked,
} from '../errors';
import {
  entitlementCents,
  evolveGrant,
  type GrantEvent,
  type GrantState,
  initialGrantState,
  requestedCents,
} from '../grant';

export interface RequestDisbursement {
  grantId: string;
  /** The calling municipality: only the grantee may call its funds. */
  ags: string;
  amountCents: number;
  dueDate: string;
  requestedAt: string;
}

/**
 * A Mittelabruf (ANBest-G): funds only for payments due within the notice's window after the
 * request (calendar months, Berlin dates), inside the funding period, and never beyond what the
 * notice still grants after any revocation.
 */
export function requestDisbursement(command: RequestDisbursement, state: GrantState): GrantEvent[] {
  const { grantId, amountCents, dueDate, requestedAt } = command;
  if (state.status === 'none' || state.notice.ags !== command.ags) throw new NotFound('Grant', grantId);
  if (state.status === 'revoked') throw new GrantFullyRevoked(grantId);
  if (!(amountCents > 0)) throw new DisbursementAmountNotPositive(amountCents);
  const { period, disbursementWindowMonths } = state.notice;
  const requestDate = berlinDate(requestedAt);
  if (dueDate < requestDate) throw new DisbursementDueDatePassed(dueDate, requestDate);
  const latestDueDate = addCalendarMonths(requestDate, disbursementWindowMonths);
  if (dueDate > latestDueDate)
    throw new DisbursementBeyondWindow(dueDate, latestDueDate, disbursementWindowMonths);
  if (dueDate < period.from || dueDate > period.to)
    throw new DisbursementOutsidePeriod(dueDate, period.from, period.to);
  const remainingCents = Math.max(0, entitlementCents(state) - requestedCents(state));
  if (amountCents > remainingCents) throw new DisbursementBeyondGrant(amountCents, remainingCents);
  return [
    {
      type: 'DisbursementRequested',
      data: {
        grantId,
        disbursementId: String(state.disbursements.length + 1),
        ags: command.ags,
        amountCents,
        dueDate,
        requestedAt,
      },
    },
  ];
}

export const requestDisbursementDecider: Decider<RequestDisbursement, GrantEvent, GrantState> = {
  decide: requestDisbursement,
  evolve: evolveGrant,
  initialState: initialGrantState,
};
