import { streamName } from '@app/eventsourcing';
import type { Expenditure } from './esf-report';

/**
 * What a grant's capped sources (its `grant`-kind sources) still allow, per source: the notice's
 * amounts, or less after a partial revocation.
 */
export type Ceilings = Expenditure;

/**
 * The acceptance of one submission of a report, counted against the grant's ceilings. Every
 * acceptance is booked here first, in the grant's one ledger stream with the revision read, so
 * that acceptances of different periods of a grant are decided one after the other: each sees
 * what the others booked (the report streams alone could not, being one per period).
 */
export type EsfAcceptanceBooked = {
  type: 'EsfAcceptanceBooked';
  data: {
    grantId: string;
    reportId: string;
    periodId: string;
    /** The submission of the report whose figures are booked. */
    submission: number;
    /** Per source of the notice (schema version 2; v1: esfCents, landCents, ownCents). */
    expenditure: Expenditure;
    /** The ceilings in force when booked, per capped source (schema version 2; v1: esfCents, landCents). */
    ceilings: Ceilings;
    /** What the grant's other reports counted then of each capped source (accepted or booked). */
    countedBefore: Ceilings;
    bookedAt: string;
  };
};

export type EsfLedgerEvent = EsfAcceptanceBooked;

export interface Booking {
  reportId: string;
  submission: number;
  expenditure: Expenditure;
}

/** The latest booking of each report: a report returned and corrected is booked again. */
export interface EsfLedgerState {
  bookings: Record<string, Booking>;
}

export const esfLedgerStream = (grantId: string) => streamName('esf-ledger', grantId);

export const initialEsfLedgerState = (): EsfLedgerState => ({ bookings: {} });

export function evolveEsfLedger(state: EsfLedgerState, event: EsfLedgerEvent): EsfLedgerState {
  switch (event.type) {
    case 'EsfAcceptanceBooked': {
      const { reportId, submission, expenditure } = event.data;
      return { bookings: { ...state.bookings, [reportId]: { reportId, submission, expenditure } } };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
