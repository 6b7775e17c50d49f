import type { Upcaster } from '@app/eventsourcing';
import type { GrantNoticeIssued, ProofOfUseAccepted, ProofOfUseSubmitted, SourceAmount } from './grant';

/** How v1 events stated money: the three sources of the first programme, in cents. */
export interface FinancingV1 {
  esfCents: number;
  landCents: number;
  ownCents: number;
}

/**
 * The v1 sources by the ids the terms built in before v2 give them (`TERMS_BUILT_IN_BEFORE_V2`
 * in programmes-calls, and the v1 → v2 upcaster of `ProgrammeRulesAdopted`): `esf`, `land`, `own`.
 */
export function sourcesOfV1({ esfCents, landCents, ownCents }: FinancingV1): SourceAmount[] {
  return [
    { sourceId: 'esf', cents: esfCents },
    { sourceId: 'land', cents: landCents },
    { sourceId: 'own', cents: ownCents },
  ];
}

type NoticeV1 = Omit<GrantNoticeIssued['data'], 'financing' | 'phaseId'> & {
  phase?: 1 | 2;
  financing: FinancingV1;
};

/**
 * A v1 notice named its Förderphase by number and its financing as ESF, Land and own funds: the
 * phase reads as `phase-<n>` (the id the `CallDrafted` v1 upcaster and the terms built in before
 * v2 give it), the money as those three sources. `amountCents` was ESF + Land, the grant-kind
 * sources, and stays as recorded.
 */
export const grantNoticeIssuedV1ToV2: Upcaster<NoticeV1, GrantNoticeIssued['data']> = {
  type: 'GrantNoticeIssued',
  fromVersion: 1,
  upcast: ({ phase, financing, ...rest }) => ({
    ...rest,
    ...(phase !== undefined && { phaseId: `phase-${phase}` }),
    financing: sourcesOfV1(financing),
  }),
};

type ProofV1<T extends { data: object }> = Omit<T['data'], 'expenditure' | 'publicCents'> & {
  expenditure: FinancingV1;
};

/** A v1 proof of use stated ESF, Land and own funds; its public money was ESF + Land. */
export const proofOfUseSubmittedV1ToV2: Upcaster<
  ProofV1<ProofOfUseSubmitted>,
  ProofOfUseSubmitted['data']
> = {
  type: 'ProofOfUseSubmitted',
  fromVersion: 1,
  upcast: ({ expenditure, ...rest }) => ({
    ...rest,
    expenditure: sourcesOfV1(expenditure),
    publicCents: expenditure.esfCents + expenditure.landCents,
  }),
};

export const proofOfUseAcceptedV1ToV2: Upcaster<ProofV1<ProofOfUseAccepted>, ProofOfUseAccepted['data']> = {
  type: 'ProofOfUseAccepted',
  fromVersion: 1,
  upcast: ({ expenditure, ...rest }) => ({
    ...rest,
    expenditure: sourcesOfV1(expenditure),
    publicCents: expenditure.esfCents + expenditure.landCents,
  }),
};

export const grantsUpcasters: Upcaster[] = [
  grantNoticeIssuedV1ToV2 as Upcaster,
  proofOfUseSubmittedV1ToV2 as Upcaster,
  proofOfUseAcceptedV1ToV2 as Upcaster,
];
