import { streamName } from '@app/eventsourcing';
import { type Expenditure, sourcesOfV1 } from './esf-report';

/**
 * What reporting needs to know of a grant notice. Read from the grants context's stream by
 * the published event contract (docs/events.md), with this small fold of our own, so that this
 * context depends on the contract, not on the grants code.
 */
export type GrantFacts =
  | { status: 'none'; grantId: string }
  | {
      status: 'issued' | 'revoked';
      grantId: string;
      programmeId: string;
      /**
       * v1 notices: Förderphase 1 or 2. v2 notices name a phase by id (`phaseId`); its trailing
       * number stands here (`phase-2` → 2), 0 for a programme without phases.
       */
      phase: number;
      phaseId?: string;
      ags: string;
      /** The grant: ESF + Land, the public money; own funds are not part of it. */
      amountCents: number;
      /** What is left of the grant after revocations (the latest `GrantRevoked`); amountCents until then. */
      entitlementCents: number;
      period: { from: string; to: string };
      /**
       * The notice's financing plan per source, in the notice's order (a v1 notice's ESF, Land and
       * own funds as `esf`, `land`, `own`). Its grant sources' amounts (together the grant) are
       * ceilings, and their shares of the eligible total (all sources) cap a report's shares; own
       * funds and third parties are a minimum, never a ceiling.
       */
      financing: Expenditure;
      /** The programme rules version the notice applied; absent when the notice does not say. */
      rulesVersion?: number;
      issuedAt?: string;
    };

export type IssuedGrant = Exclude<GrantFacts, { status: 'none' }>;

interface GrantRevokedData {
  scope: 'full' | 'partial';
  revokedCents: number;
  entitlementCents?: number;
}

/** `GrantNoticeIssued` v1: phase 1|2 and the financing as ESF, Land and own funds. */
interface GrantNoticeIssuedV1 {
  grantId: string;
  programmeId: string;
  phase: number;
  ags: string;
  amountCents: number;
  period: { from: string; to: string };
  financing: { esfCents: number; landCents: number; ownCents: number };
  rules?: { version: number; effectiveFrom: string | null };
  issuedAt?: string;
}

/** `GrantNoticeIssued` v2: an optional named phase and the financing per source of the programme. */
interface GrantNoticeIssuedV2 {
  grantId: string;
  programmeId: string;
  phaseId?: string;
  ags: string;
  amountCents: number;
  period: { from: string; to: string };
  financing: { sourceId: string; cents: number }[];
  rules?: { version: number; effectiveFrom: string | null };
  issuedAt?: string;
}

type NoticeFacts = Pick<
  IssuedGrant,
  'grantId' | 'programmeId' | 'phase' | 'phaseId' | 'ags' | 'amountCents' | 'period' | 'financing'
> & { rulesVersion?: number; issuedAt?: string };

/**
 * The notice in either shape (v1 before the grants context named sources, v2 after), so that
 * this context reads both without knowing which schema version the grants code writes. A report
 * states the notice's sources: a v2 notice's list as it is, a v1 notice's ESF, Land and own funds
 * by the ids the 2011 terms give them (`esf`, `land`, `own`).
 */
export function noticeFacts(data: unknown): NoticeFacts {
  const d = data as GrantNoticeIssuedV1 | GrantNoticeIssuedV2;
  const common = {
    grantId: d.grantId,
    programmeId: d.programmeId,
    ags: d.ags,
    amountCents: d.amountCents,
    period: { from: d.period.from, to: d.period.to },
    ...(d.rules ? { rulesVersion: d.rules.version } : {}),
    ...(d.issuedAt ? { issuedAt: d.issuedAt } : {}),
  };
  if (Array.isArray(d.financing)) {
    const v2 = d as GrantNoticeIssuedV2;
    const phaseNumber = /(\d+)$/.exec(v2.phaseId ?? '');
    return {
      ...common,
      phase: phaseNumber ? Number(phaseNumber[1]) : 0,
      ...(v2.phaseId !== undefined ? { phaseId: v2.phaseId } : {}),
      financing: v2.financing.map(({ sourceId, cents }) => ({ sourceId, cents })),
    };
  }
  const v1 = d as GrantNoticeIssuedV1;
  return {
    ...common,
    phase: v1.phase,
    financing: sourcesOfV1(v1.financing),
  };
}

/** Events of the grant stream as this context reads them: only the contract's type and data. */
export interface GrantStreamEvent {
  type: string;
  data: unknown;
}

export const grantStream = (grantId: string) => streamName('grant', grantId);

export const initialGrantFacts = (grantId: string) => (): GrantFacts => ({ status: 'none', grantId });

export function evolveGrantFacts(state: GrantFacts, event: GrantStreamEvent): GrantFacts {
  switch (event.type) {
    case 'GrantNoticeIssued': {
      const facts = noticeFacts(event.data);
      return { status: 'issued', ...facts, entitlementCents: facts.amountCents };
    }
    case 'GrantRevoked': {
      // A partial revocation leaves the reporting duty in place with less money; a full one ends it.
      if (state.status !== 'issued') return state;
      const d = event.data as GrantRevokedData;
      const entitlementCents = d.entitlementCents ?? state.entitlementCents - d.revokedCents;
      return { ...state, status: d.scope === 'full' ? 'revoked' : 'issued', entitlementCents };
    }
    default:
      return state;
  }
}
