import { streamName } from '@app/eventsourcing';
import { DEFAULT_GRANT_SETTINGS } from './grant-settings';
import type { RefundInterest } from './interest/refund-interest';
import { type RefundClaim, refundClaimOf, type RefundPaid, settle } from './refunds';

/** Which version of the programme rules a decision was made under; version 0: the call's own terms. */
export interface AppliedRules {
  version: number;
  effectiveFrom: string | null;
}

export interface GrantPeriod {
  from: string;
  to: string;
}

/** One source's part of a financing plan or of an expenditure, in cents. */
export interface SourceAmount {
  /** The id of one of the sources of the programme terms the notice applies (`esf`, `bund`, `own` …). */
  sourceId: string;
  cents: number;
}

/**
 * The financing plan, in cents, one entry per source of the terms the notice applies (names and
 * kinds come from those terms). The `grant`-kind sources together are the grant itself (the
 * notice's `amountCents`, the public money paid out); own funds and third parties come on top.
 * All together are the eligible total expenditure (zuwendungsfähige Gesamtausgaben) on which the
 * programme's shares are reckoned.
 */
export type Financing = SourceAmount[];

/** The cents of one source in a financing plan or expenditure; 0 where the source has no entry. */
export const sourceCents = (financing: readonly SourceAmount[], sourceId: string): number =>
  financing.find((f) => f.sourceId === sourceId)?.cents ?? 0;

export interface Coordinator {
  name: string;
  unit?: string;
  email?: string;
  phone?: string;
}

/**
 * The Zuwendungsbescheid (schema version 2: financing per source of the terms, the phase by its
 * id; v1 is upcast, see `upcasters.ts`). A municipality may hold several: one per call it was
 * selected in, and one per continuation into a later phase.
 */
export type GrantNoticeIssued = {
  type: 'GrantNoticeIssued';
  data: {
    grantId: string;
    programmeId: string;
    ags: string;
    /** Set for a notice that follows a selection in a call. */
    applicationId?: string;
    callId?: string;
    /** Set for a continuation notice: the grant of the previous phase it continues. */
    continuationOf?: string;
    /** The programme's phase (`PhaseDefinition.phaseId`); absent when the programme has no phases. */
    phaseId?: string;
    /** The Zuwendung: the public money granted (the `grant`-kind sources), all that disbursements may call. */
    amountCents: number;
    period: GrantPeriod;
    financing: Financing;
    conditions: string[];
    coordinator: Coordinator;
    rules: AppliedRules;
    /** Funds may be called only for payments due within this many calendar months. */
    disbursementWindowMonths: number;
    /** § 49a Abs. 3 VwVfG: refunds carry interest this many points above the base rate. */
    interestPointsAboveBaseRate: number;
    issuedAt: string;
  };
};

/**
 * The notice as a document (PDF), written with GrantNoticeIssued: its SHA-256, so that an auditor
 * can check a printed or filed copy against the record. Regenerating the notice with the same
 * template version gives the same bytes (`GET /grants/:id/notice.pdf`).
 */
export type GrantNoticeDocumentRecorded = {
  type: 'GrantNoticeDocumentRecorded';
  data: {
    grantId: string;
    /** Hex SHA-256 of the PDF's bytes. */
    sha256: string;
    /** The notice's date (its business time): the PDF is dated by it, not by the moment it was rendered. */
    generatedAt: string;
    /** The template (layout and wording) the bytes come from; a new one gives other bytes. */
    templateVersion: number;
    fileName: string;
  };
};

/** A Mittelabruf: the municipality calls funds for payments due by `dueDate`. */
export type DisbursementRequested = {
  type: 'DisbursementRequested';
  data: {
    grantId: string;
    /** The request's number within its grant: 1, 2, … */
    disbursementId: string;
    ags: string;
    amountCents: number;
    dueDate: string;
    requestedAt: string;
  };
};

/** The grants office paid a requested disbursement out: refunds and their interest start from here. */
export type DisbursementPaid = {
  type: 'DisbursementPaid';
  data: { grantId: string; disbursementId: string; ags: string; amountCents: number; paidOn: string };
};

/** Widerruf: the grant is revoked in full or in part; what was paid beyond the new entitlement is refunded. */
export type GrantRevoked = {
  type: 'GrantRevoked';
  data: {
    grantId: string;
    ags: string;
    scope: 'full' | 'partial';
    revokedCents: number;
    /** What the municipality is still entitled to after this revocation. */
    entitlementCents: number;
    refundCents: number;
    effectiveDate: string;
    refundDueDate: string;
    reason: string;
    revokedAt: string;
    interest: RefundInterest;
  };
};

/**
 * The Verwendungsnachweis (ANBest-G, VV zu § 44 LHO NRW): after the funding period the grantee
 * reports what was done (Sachbericht) and what was spent, from which source (zahlenmäßiger
 * Nachweis). `submission` counts from 1; a returned proof is corrected by the next one.
 */
export type ProofOfUseSubmitted = {
  type: 'ProofOfUseSubmitted';
  data: {
    grantId: string;
    ags: string;
    factualReport: string;
    /** Schema version 2: by source of the notice's terms (v1: ESF, Land, own funds; upcast). */
    expenditure: Financing;
    /** The public money of it: the sum of the terms' `grant`-kind sources (v1: ESF + Land). */
    publicCents: number;
    note?: string;
    submission: number;
    submittedAt: string;
  };
};

/** The grants office sends the proof back for correction; the grantee submits it again. */
export type ProofOfUseReturned = {
  type: 'ProofOfUseReturned';
  data: { grantId: string; ags: string; remarks: string; submission: number; returnedAt: string };
};

/**
 * The grants office accepts the proof: its figures are final. `refundableCents` is what was paid
 * out (less refunds already claimed) beyond the public money used, as it stood on acceptance;
 * claiming it back is a revocation of its own.
 */
export type ProofOfUseAccepted = {
  type: 'ProofOfUseAccepted';
  data: {
    grantId: string;
    ags: string;
    submission: number;
    /** Schema version 2: by source (see ProofOfUseSubmitted). */
    expenditure: Financing;
    /** The public money of it (v1: ESF + Land). */
    publicCents: number;
    paidCents: number;
    refundableCents: number;
    acceptedAt: string;
  };
};

export type ProofOfUseEvent = ProofOfUseSubmitted | ProofOfUseReturned | ProofOfUseAccepted;

export type { RefundClaim, RefundPaid, RefundSettlement } from './refunds';

export type GrantEvent =
  | GrantNoticeIssued
  | GrantNoticeDocumentRecorded
  | DisbursementRequested
  | DisbursementPaid
  | GrantRevoked
  | RefundPaid
  | ProofOfUseEvent;

export interface Disbursement {
  disbursementId: string;
  amountCents: number;
  dueDate: string;
  requestedAt: string;
  paid?: { amountCents: number; paidOn: string };
}

export type IssuedGrant = {
  status: 'issued' | 'revoked';
  notice: GrantNoticeIssued['data'];
  disbursements: Disbursement[];
  /** Sum of all revocations so far. */
  revokedCents: number;
  /** Sum of all refunds claimed so far. */
  refundCents: number;
  /** How many revocations there were (refunds name theirs by this number). */
  revocations: number;
  /** The refunds claimed and not yet paid back, oldest first. */
  refundClaims: RefundClaim[];
  refundPayments: number;
  /** The latest proof of use, once one was submitted. */
  proofOfUse?: ProofOfUse;
};

export interface ProofOfUse {
  status: 'submitted' | 'returned' | 'accepted';
  submission: number;
  expenditure: Financing;
  publicCents: number;
}

/** 'revoked' means revoked in full; a partial revocation leaves the grant 'issued' with less entitlement. */
export type GrantState = { status: 'none' } | IssuedGrant;

/**
 * Grant ids, stable and readable, from the notice's basis (ids already stored stay as they are):
 * after a selection in a call `<callId>.<ags>`, except for the first programme's calls, which
 * named their phase by number and keep the ids their grants always had,
 * `<programmeId>.phase-<n>.<ags>`; a continuation into a later phase
 * `<programmeId>.<phaseId>.<ags>` (for the first programme the same id as before).
 */
export const grantIdFor = (programmeId: string, phaseId: string, ags: string) =>
  `${programmeId}.${phaseId}.${ags}`;
export const grantIdOfSelection = (
  selection: { programmeId: string; callId?: string; ags: string },
  numberedPhase: number | undefined,
) =>
  numberedPhase !== undefined || !selection.callId
    ? grantIdFor(selection.programmeId, `phase-${numberedPhase ?? 1}`, selection.ags)
    : `${selection.callId}.${selection.ags}`;
export const grantStream = (grantId: string) => streamName('grant', grantId);

/** The number of a numbered phase (`phase-2` → 2, the first programme's Förderphasen); else undefined. */
export function phaseNumber(phaseId: string | undefined): number | undefined {
  const match = phaseId === undefined ? null : /^phase-(\d+)$/.exec(phaseId);
  return match ? Number(match[1]) : undefined;
}

export function initialGrantState(): GrantState {
  return { status: 'none' };
}

export function evolveGrant(state: GrantState, event: GrantEvent): GrantState {
  switch (event.type) {
    case 'GrantNoticeIssued': {
      // A notice recorded without these settings (the contract's first shape) gets the defaults.
      const notice = {
        ...event.data,
        disbursementWindowMonths:
          event.data.disbursementWindowMonths ?? DEFAULT_GRANT_SETTINGS.disbursementWindowMonths,
        interestPointsAboveBaseRate:
          event.data.interestPointsAboveBaseRate ?? DEFAULT_GRANT_SETTINGS.interestPointsAboveBaseRate,
      };
      return {
        status: 'issued',
        notice,
        disbursements: [],
        revokedCents: 0,
        refundCents: 0,
        revocations: 0,
        refundClaims: [],
        refundPayments: 0,
      };
    }
    case 'GrantNoticeDocumentRecorded':
      return state;
    case 'DisbursementRequested': {
      if (state.status === 'none') return state;
      const { disbursementId, amountCents, dueDate, requestedAt } = event.data;
      return {
        ...state,
        disbursements: [...state.disbursements, { disbursementId, amountCents, dueDate, requestedAt }],
      };
    }
    case 'DisbursementPaid': {
      if (state.status === 'none') return state;
      const { disbursementId, amountCents, paidOn } = event.data;
      return {
        ...state,
        disbursements: state.disbursements.map((d) =>
          d.disbursementId === disbursementId ? { ...d, paid: { amountCents, paidOn } } : d,
        ),
      };
    }
    case 'GrantRevoked': {
      if (state.status === 'none') return state;
      const { data } = event;
      const claim = refundClaimOf(data, state.revocations + 1);
      return {
        ...state,
        status: data.scope === 'full' ? 'revoked' : state.status,
        revokedCents: state.revokedCents + data.revokedCents,
        refundCents: state.refundCents + data.refundCents,
        revocations: claim.revocation,
        refundClaims: claim.portions.length > 0 ? [...state.refundClaims, claim] : state.refundClaims,
      };
    }
    case 'RefundPaid':
      if (state.status === 'none') return state;
      return {
        ...state,
        refundClaims: settle(state.refundClaims, event.data.settles),
        refundPayments: state.refundPayments + 1,
      };
    case 'ProofOfUseSubmitted':
      if (state.status === 'none') return state;
      return {
        ...state,
        proofOfUse: {
          status: 'submitted',
          submission: event.data.submission,
          expenditure: event.data.expenditure,
          publicCents: event.data.publicCents,
        },
      };
    case 'ProofOfUseReturned':
    case 'ProofOfUseAccepted':
      if (state.status === 'none' || !state.proofOfUse) return state;
      return {
        ...state,
        proofOfUse: {
          ...state.proofOfUse,
          status: event.type === 'ProofOfUseReturned' ? 'returned' : 'accepted',
        },
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** Zuwendungsfähige Gesamtausgaben: every source together, the grant and what comes on top of it. */
export const totalEligibleCents = (financing: readonly SourceAmount[]) =>
  financing.reduce((sum, f) => sum + f.cents, 0);

/** What the municipality may still receive in all: the grant (public money) less everything revoked. */
export const entitlementCents = (grant: IssuedGrant) => grant.notice.amountCents - grant.revokedCents;
export const requestedCents = (grant: IssuedGrant) =>
  grant.disbursements.reduce((sum, d) => sum + d.amountCents, 0);
export const paidCents = (grant: IssuedGrant) =>
  grant.disbursements.reduce((sum, d) => sum + (d.paid?.amountCents ?? 0), 0);

/**
 * The public money the proof says was spent: the sources that are part of the grant (`grantSources`,
 * the ids of the terms' `grant`-kind sources); own funds and third parties are not.
 */
export const publicUsedCents = (used: readonly SourceAmount[], grantSources: readonly string[]) =>
  used.reduce((sum, f) => sum + (grantSources.includes(f.sourceId) ? f.cents : 0), 0);

/**
 * Paid out beyond the public money used, less what revocations have already claimed back: the
 * overpayment to be refunded. Shown, never claimed automatically: that is a revocation.
 */
export const overpaidCents = (paid: number, refundsClaimed: number, publicUsed: number) =>
  Math.max(0, paid - refundsClaimed - publicUsed);
