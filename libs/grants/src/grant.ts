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

/**
 * The financing plan, in cents. ESF + Land is the grant itself (the notice's `amountCents`, the
 * public money paid out); the municipality's own funds (Eigenanteil) come on top. All three
 * together are the eligible total expenditure (zuwendungsfähige Gesamtausgaben) on which the
 * programme's shares are reckoned.
 */
export interface Financing {
  esfCents: number;
  landCents: number;
  ownCents: number;
}

export interface Coordinator {
  name: string;
  unit?: string;
  email?: string;
  phone?: string;
}

export type Phase = 1 | 2;

/** The Zuwendungsbescheid: one per municipality and funding phase. */
export type GrantNoticeIssued = {
  type: 'GrantNoticeIssued';
  data: {
    grantId: string;
    programmeId: string;
    phase: Phase;
    ags: string;
    /** Set for a notice that follows a selection in a call. */
    applicationId?: string;
    callId?: string;
    /** Set for a continuation notice: the grant of the previous phase it continues. */
    continuationOf?: string;
    /** The Zuwendung: the public money granted (ESF + Land), all that disbursements may call. */
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
    expenditure: Financing;
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
    expenditure: Financing;
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
}

/** 'revoked' means revoked in full; a partial revocation leaves the grant 'issued' with less entitlement. */
export type GrantState = { status: 'none' } | IssuedGrant;

export const grantIdFor = (programmeId: string, phase: number, ags: string) =>
  `${programmeId}.phase-${phase}.${ags}`;
export const grantStream = (grantId: string) => streamName('grant', grantId);

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

/** Zuwendungsfähige Gesamtausgaben: the grant (ESF + Land) plus the municipality's own funds. */
export const totalEligibleCents = ({ esfCents, landCents, ownCents }: Financing) =>
  esfCents + landCents + ownCents;

/** What the municipality may still receive in all: the grant (public money) less everything revoked. */
export const entitlementCents = (grant: IssuedGrant) => grant.notice.amountCents - grant.revokedCents;
export const requestedCents = (grant: IssuedGrant) =>
  grant.disbursements.reduce((sum, d) => sum + d.amountCents, 0);
export const paidCents = (grant: IssuedGrant) =>
  grant.disbursements.reduce((sum, d) => sum + (d.paid?.amountCents ?? 0), 0);

/** The public money (ESF + Land) the proof says was spent; own funds are not part of the grant. */
export const publicUsedCents = ({ esfCents, landCents }: Financing) => esfCents + landCents;

/**
 * Paid out beyond the public money used, less what revocations have already claimed back: the
 * overpayment to be refunded. Shown, never claimed automatically: that is a revocation.
 */
export const overpaidCents = (paid: number, refundsClaimed: number, used: Financing) =>
  Math.max(0, paid - refundsClaimed - publicUsedCents(used));
