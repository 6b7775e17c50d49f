import type {
  DisbursementPaid,
  DisbursementRequested,
  Financing,
  GrantNoticeIssued,
  GrantRevoked,
  ProofOfUseAccepted,
  ProofOfUseReturned,
  ProofOfUseSubmitted,
} from './grant';
import { sourceCents } from './grant';
import { TERMS_BUILT_IN_BEFORE_V2 } from '@app/programmes-calls/legacy/terms-built-in-before-v2';
import { type GrantSettings, grantSettingsFrom } from './grant-settings';
import type { BaseRateTable } from './interest/base-rate-table';
import { loadBaseRateTable } from './interest/base-rate-table.provider';
import type { IssueGrantNotice } from './issue-grant-notice/issue-grant-notice.decide';
import type { SelectionDecision } from './outside-facts/selection-decision';

export const KREIS_UNNA = '05978000';
export const OBERHAUSEN = '05119000';
export const APPLICATION = 'kkz-2011.05978000';
export const GRANT_1 = 'kkz.phase-1.05978000';
export const GRANT_2 = 'kkz.phase-2.05978000';

/** The bundled Bundesbank table, as the module loads it without BASE_RATE_TABLE_FILE. */
export const bundledBaseRates = (): BaseRateTable => loadBaseRateTable({});

/** Kreis Unna (about 395,000 inhabitants) selected in the 2011 call: the 64,000 EUR tier. */
export function selectedUnna(overrides: Partial<SelectionDecision> = {}): SelectionDecision {
  return {
    outcome: 'selected',
    callId: 'kkz-2011',
    programmeId: 'kkz',
    ags: KREIS_UNNA,
    members: ['05978020', '05978024', '05978032', '05978036'],
    amountCents: 6_400_000,
    rules: { version: 0, effectiveFrom: null },
    ...overrides,
  };
}

/** The first programme's plan or expenditure: ESF, Land and own funds, in cents. */
export const esfLandOwn = (esfCents: number, landCents: number, ownCents: number) => [
  { sourceId: 'esf', cents: esfCents },
  { sourceId: 'land', cents: landCents },
  { sourceId: 'own', cents: ownCents },
];

/** What the 2011 programme's terms set for grants: ESF ≤ 50 %, Land ≤ 25 %, own ≥ 25 %; Förderphase I and II. */
export const SETTINGS_2011: GrantSettings = grantSettingsFrom(TERMS_BUILT_IN_BEFORE_V2);

export const rulesV0 = (settings: GrantSettings = SETTINGS_2011) => ({
  applied: { version: 0, effectiveFrom: null },
  settings,
});

/**
 * A phase-I notice for the 64,000 EUR tier: ESF 43,000 + Land 21,000 EUR is the grant, 22,000 EUR
 * own funds on top; of the 86,000 EUR eligible total ESF is exactly 50 %, Land 24.4 %, own 25.6 %.
 */
export const UNNA_FINANCING = [
  { sourceId: 'esf', cents: 4_300_000 },
  { sourceId: 'land', cents: 2_100_000 },
  { sourceId: 'own', cents: 2_200_000 },
];

/** A phase-I notice on the real programme's terms (see UNNA_FINANCING). */
export function noticeForUnna(overrides: Partial<IssueGrantNotice> = {}): IssueGrantNotice {
  return {
    phaseId: 'phase-1',
    ags: KREIS_UNNA,
    basis: {
      kind: 'selection',
      applicationId: APPLICATION,
      selection: selectedUnna(),
      callPhaseId: 'phase-1',
    },
    period: { from: '2012-03-01', to: '2015-06-30' },
    financing: UNNA_FINANCING.map((f) => ({ ...f })),
    conditions: ['Kreistagsbeschluss bis 2012-05-31 nachreichen'],
    coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
    rules: rulesV0(),
    issuedAt: '2012-02-20T09:00:00.000Z',
    ...overrides,
  };
}

export function issued(overrides: Partial<GrantNoticeIssued['data']> = {}): GrantNoticeIssued {
  return {
    type: 'GrantNoticeIssued',
    data: {
      grantId: GRANT_1,
      programmeId: 'kkz',
      ags: KREIS_UNNA,
      applicationId: APPLICATION,
      callId: 'kkz-2011',
      phaseId: 'phase-1',
      amountCents: 6_400_000,
      period: { from: '2012-03-01', to: '2015-06-30' },
      financing: UNNA_FINANCING.map((f) => ({ ...f })),
      conditions: ['Kreistagsbeschluss bis 2012-05-31 nachreichen'],
      coordinator: { name: 'Koordinierungsstelle Kreis Unna' },
      rules: { version: 0, effectiveFrom: null },
      disbursementWindowMonths: 2,
      interestPointsAboveBaseRate: 5,
      issuedAt: '2012-02-20T09:00:00.000Z',
      ...overrides,
    },
  };
}

export function requested(
  disbursementId: string,
  amountCents: number,
  dueDate: string,
  requestedAt: string,
): DisbursementRequested {
  return {
    type: 'DisbursementRequested',
    data: { grantId: GRANT_1, disbursementId, ags: KREIS_UNNA, amountCents, dueDate, requestedAt },
  };
}

export function paid(disbursementId: string, amountCents: number, paidOn: string): DisbursementPaid {
  return {
    type: 'DisbursementPaid',
    data: { grantId: GRANT_1, disbursementId, ags: KREIS_UNNA, amountCents, paidOn },
  };
}

/** A revocation as recorded, for the state it leaves behind (interest details do not matter there). */
export function revoked(
  scope: 'full' | 'partial',
  revokedCents: number,
  refundCents: number,
  entitlementCents: number,
): GrantRevoked {
  return {
    type: 'GrantRevoked',
    data: {
      grantId: GRANT_1,
      ags: KREIS_UNNA,
      scope,
      revokedCents,
      entitlementCents,
      refundCents,
      effectiveDate: '2013-01-01',
      refundDueDate: '2013-02-01',
      reason: 'Zweck teilweise verfehlt',
      revokedAt: '2013-01-10T09:00:00.000Z',
      interest: {
        pointsAboveBaseRate: 5,
        dayCount: 'actual/365',
        rounding: 'half-up-per-segment',
        baseRateSource: 'test',
        until: '2013-02-01',
        totalCents: 0,
        portions: [],
      },
    },
  };
}

/** The whole grant called and paid out: 40,000 EUR in March 2012, 24,000 EUR in March 2013. */
export const PAID_IN_FULL = [
  requested('1', 4_000_000, '2012-04-30', '2012-03-05T09:00:00.000Z'),
  paid('1', 4_000_000, '2012-03-15'),
  requested('2', 2_400_000, '2013-04-30', '2013-03-05T09:00:00.000Z'),
  paid('2', 2_400_000, '2013-03-15'),
];

/** A proof of use of the Unna grant as recorded, 60,000 EUR public money used unless told. */
export function proofSubmitted(
  submission = 1,
  expenditure: Financing = esfLandOwn(4_000_000, 2_000_000, 2_500_000),
): ProofOfUseSubmitted {
  return {
    type: 'ProofOfUseSubmitted',
    data: {
      grantId: GRANT_1,
      ags: KREIS_UNNA,
      factualReport: 'Präventionskette in allen vier Städten aufgebaut',
      expenditure,
      publicCents: sourceCents(expenditure, 'esf') + sourceCents(expenditure, 'land'),
      submission,
      submittedAt: '2015-11-30T09:00:00.000Z',
    },
  };
}

export function proofReturned(submission = 1): ProofOfUseReturned {
  return {
    type: 'ProofOfUseReturned',
    data: {
      grantId: GRANT_1,
      ags: KREIS_UNNA,
      remarks: 'Bitte mit dem ESF-Bericht 2015 abgleichen',
      submission,
      returnedAt: '2016-01-15T09:00:00.000Z',
    },
  };
}

export function proofAccepted(submission = 1): ProofOfUseAccepted {
  return {
    type: 'ProofOfUseAccepted',
    data: {
      grantId: GRANT_1,
      ags: KREIS_UNNA,
      submission,
      expenditure: esfLandOwn(4_000_000, 2_000_000, 2_500_000),
      publicCents: 6_000_000,
      paidCents: 6_400_000,
      refundableCents: 400_000,
      acceptedAt: '2016-02-01T09:00:00.000Z',
    },
  };
}
