import { formatEur } from '@app/documents/format/german';

/**
 * Cents as German readers write euros ("1.234,56 €"). A refusal must never fail while it is being
 * phrased, so a value that is not a whole number of cents is shown as given.
 */
export function euro(cents: number): string {
  return Number.isSafeInteger(cents) ? formatEur(cents) : `${String(cents)} Cent`;
}

/** A proof of use's status in a German sentence ("… liegt … vor"). */
const PROOF_STATUS_DE: Record<string, string> = {
  submitted: 'eingereicht und noch nicht geprüft',
  returned: 'zur Berichtigung zurückgegeben',
  accepted: 'bereits anerkannt',
  'not-submitted': 'noch nicht eingereicht',
};
export const proofStatusDe = (status: string): string => PROOF_STATUS_DE[status] ?? String(status);

/** A selection's outcome for an application ("… wurde … "). */
const OUTCOME_DE: Record<string, string> = {
  rejected: 'abgelehnt',
  waitlisted: 'auf die Warteliste gesetzt',
  none: 'noch nicht entschieden',
  selected: 'ausgewählt',
};
export const outcomeDe = (outcome: string): string => OUTCOME_DE[outcome] ?? String(outcome);
