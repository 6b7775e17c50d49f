import { streamName } from '@app/eventsourcing';
import { phaseNumber, type SourceAmount, sourceCents } from '@app/grants/grant';
import type { Expenditure } from './esf-report';

/**
 * What ESF reporting needs to know of a grant notice. Read from the grants context's stream by
 * the published event contract (docs/events.md), with this small fold of our own, so that this
 * context depends on the contract, not on the grants code.
 */
export type GrantFacts =
  | { status: 'none'; grantId: string }
  | {
      status: 'issued' | 'revoked';
      grantId: string;
      programmeId: string;
      /** A numbered phase's number (`phase-2` → 2), 0 for another phase or none; see `phaseId`. */
      phase: number;
      phaseId?: string;
      ags: string;
      /** The grant: ESF + Land, the public money; own funds are not part of it. */
      amountCents: number;
      /** What is left of the grant after revocations (the latest `GrantRevoked`); amountCents until then. */
      entitlementCents: number;
      period: { from: string; to: string };
      /**
       * The notice's financing plan. Its ESF and Land amounts (together the grant) are ceilings,
       * and its shares of the eligible total (ESF + Land + own funds) cap a report's shares; own
       * funds are a minimum, never a ceiling.
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

interface GrantNoticeIssuedData {
  grantId: string;
  programmeId: string;
  phaseId?: string;
  ags: string;
  amountCents: number;
  period: { from: string; to: string };
  /** GrantNoticeIssued v2: by source (v1 notices are upcast to it). */
  financing: SourceAmount[];
  rules?: { version: number; effectiveFrom: string | null };
  issuedAt?: string;
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
      const d = event.data as GrantNoticeIssuedData;
      return {
        status: 'issued',
        grantId: d.grantId,
        programmeId: d.programmeId,
        phase: phaseNumber(d.phaseId) ?? 0,
        ...(d.phaseId !== undefined ? { phaseId: d.phaseId } : {}),
        ags: d.ags,
        amountCents: d.amountCents,
        entitlementCents: d.amountCents,
        period: { from: d.period.from, to: d.period.to },
        financing: {
          esfCents: sourceCents(d.financing, 'esf'),
          landCents: sourceCents(d.financing, 'land'),
          ownCents: sourceCents(d.financing, 'own'),
        },
        ...(d.rules ? { rulesVersion: d.rules.version } : {}),
        ...(d.issuedAt ? { issuedAt: d.issuedAt } : {}),
      };
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
