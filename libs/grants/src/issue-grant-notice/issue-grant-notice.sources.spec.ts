import type { DomainError } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  ContinuationPhaseMismatch,
  ContinuationRequired,
  FinancingDoesNotAddUp,
  FinancingSourceTwice,
  FinancingSourceUnknown,
  PhaseNotOfCall,
  PhaseUnknown,
  SourceShareBelowMinimum,
  SourceShareExceeded,
} from '../errors';
import { evolveGrant, type GrantNoticeIssued, type GrantState, initialGrantState } from '../grant';
import type { GrantSettings } from '../grant-settings';
import { selectedUnna } from '../testing-fixtures';
import { type IssueGrantNotice, issueGrantNoticeDecider } from './issue-grant-notice.decide';

/**
 * "Digitale Bildungslandschaften NRW 2026": Bund at most 50 %, Land at most 30 %, own funds at
 * least 20 % of the eligible total; phases "Aufbau" and "Verstetigung".
 */
const DBL: GrantSettings = {
  sources: [
    { sourceId: 'bund', name: 'Bund', kind: 'grant', maxPercent: 50 },
    { sourceId: 'land', name: 'Land NRW', kind: 'grant', maxPercent: 30 },
    { sourceId: 'own', name: 'Eigenmittel', kind: 'own', minPercent: 20 },
  ],
  phases: [
    { phaseId: 'aufbau', name: 'Aufbau' },
    { phaseId: 'verstetigung', name: 'Verstetigung' },
  ],
  disbursementWindowMonths: 2,
  interestPointsAboveBaseRate: 5,
};
const UNNA = '05978000';
const rules = (settings: GrantSettings = DBL) => ({
  applied: { version: 1, effectiveFrom: '2026-01-01' },
  settings,
});
const plan = (bund: number, land: number, own: number) => [
  { sourceId: 'bund', cents: bund },
  { sourceId: 'land', cents: land },
  { sourceId: 'own', cents: own },
];

/** Kreis Unna selected for 90,000 EUR in the call `dbl-2026`: Bund 45,000 + Land 27,000 = 72,000 grant, 18,000 own. */
function notice(overrides: Partial<IssueGrantNotice> = {}): IssueGrantNotice {
  return {
    ags: UNNA,
    basis: {
      kind: 'selection',
      applicationId: 'dbl-2026.05978000',
      selection: selectedUnna({
        callId: 'dbl-2026',
        programmeId: 'dbl',
        amountCents: 7_200_000,
        rules: rules().applied,
      }),
      callPhaseId: 'aufbau',
    },
    period: { from: '2026-07-01', to: '2027-12-31' },
    financing: plan(4_500_000, 2_700_000, 1_800_000),
    conditions: [],
    coordinator: { name: 'Bildungsbüro Kreis Unna' },
    rules: rules(),
    issuedAt: '2026-06-15T09:00:00.000Z',
    ...overrides,
  };
}

const spec = deciderSpecification(issueGrantNoticeDecider);
const decided = (command: IssueGrantNotice, state: GrantState = initialGrantState()) =>
  issueGrantNoticeDecider.decide(command, state)[0] as GrantNoticeIssued;

describe('a grant notice under terms with other sources and named phases', () => {
  it('records the financing per source of the terms, the phase by its id and the grant as the grant-kind sources', () => {
    expect(decided(notice()).data).toMatchObject({
      grantId: 'dbl-2026.05978000',
      programmeId: 'dbl',
      callId: 'dbl-2026',
      phaseId: 'aufbau',
      amountCents: 7_200_000,
      financing: plan(4_500_000, 2_700_000, 1_800_000),
    });
    expect(decided(notice()).data).not.toHaveProperty('phase');
  });

  it('names a grant after its call, so a municipality may hold grants from several calls of a programme', () => {
    const second = notice({
      basis: {
        kind: 'selection',
        applicationId: 'dbl-2027.05978000',
        selection: selectedUnna({ callId: 'dbl-2027', programmeId: 'dbl', amountCents: 7_200_000 }),
        callPhaseId: 'aufbau',
      },
    });
    expect(decided(second).data.grantId).toBe('dbl-2027.05978000');
  });

  it('lists every source of the terms, a source not stated with 0 cents, in the order of the terms', () =>
    expect(
      decided(
        notice({
          amountCents: 5_000_000,
          financing: [
            { sourceId: 'own', cents: 5_000_000 },
            { sourceId: 'bund', cents: 5_000_000 },
          ],
        }),
      ).data.financing,
    ).toEqual(plan(5_000_000, 0, 5_000_000)));

  it('refuses a source the terms do not name, and a source named twice', () => {
    spec
      .given([])
      .when(notice({ financing: [...plan(4_500_000, 2_700_000, 1_800_000), { sourceId: 'esf', cents: 1 }] }))
      .thenThrows(FinancingSourceUnknown, 'financing-source-unknown');
    spec
      .given([])
      .when(notice({ financing: [...plan(4_500_000, 2_700_000, 1_800_000), { sourceId: 'own', cents: 1 }] }))
      .thenThrows(FinancingSourceTwice, 'financing-source-twice');
  });

  it('refuses grant-kind sources that do not add up to the amount, own funds not counted', () =>
    spec
      .given([])
      .when(notice({ financing: plan(4_500_000, 2_699_999, 1_800_001) }))
      .thenThrows(FinancingDoesNotAddUp, 'financing-does-not-add-up'));

  it('checks each source against its share of the eligible total, with one neutral code naming the source', () => {
    // Bund 45,000.01 of 90,000 EUR is just over half.
    const overBund = () => decided(notice({ financing: plan(4_500_001, 2_699_999, 1_800_000) }));
    expect(overBund).toThrow(SourceShareExceeded);
    try {
      overBund();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'source-share-exceeded',
        details: { sourceId: 'bund', percent: 50 },
      });
      expect((error as DomainError).text('de')).toContain('„Bund“ darf höchstens 50');
    }
    // Land's 27,000.01 of 90,000 EUR is just over 30 %: "Land" is not the first programme's Land here.
    spec
      .given([])
      .when(notice({ financing: plan(4_499_999, 2_700_001, 1_800_000) }))
      .thenThrows(SourceShareExceeded, 'source-share-exceeded');
    // Under terms asking a quarter of own funds, 18,000 of 90,000 EUR is too little.
    const quarterOwn = rules({
      ...DBL,
      sources: DBL.sources.map((s) => (s.sourceId === 'own' ? { ...s, minPercent: 25 } : s)),
    });
    spec
      .given([])
      .when(notice({ rules: quarterOwn }))
      .thenThrows(SourceShareBelowMinimum, 'source-share-below-minimum');
    // Exactly the limits pass.
    spec
      .given([])
      .when(notice({ financing: plan(4_500_000, 2_700_000, 1_800_000) }))
      .then([decided(notice())]);
  });

  it('takes the call’s phase by default, refuses one the programme does not have or that is not the call’s', () => {
    expect(decided(notice({ phaseId: undefined })).data.phaseId).toBe('aufbau');
    spec
      .given([])
      .when(notice({ phaseId: 'phase-1' }))
      .thenThrows(PhaseUnknown, 'phase-unknown');
    spec
      .given([])
      .when(notice({ phaseId: 'verstetigung' }))
      .thenThrows(PhaseNotOfCall, 'phase-not-of-call');
  });

  it('issues a notice without a phase for a programme that has none, and refuses a phase there', () => {
    const noPhases = rules({ ...DBL, phases: [] });
    const basis = { ...(notice().basis as Extract<IssueGrantNotice['basis'], { kind: 'selection' }>) };
    delete basis.callPhaseId;
    const data = decided(notice({ rules: noPhases, basis })).data;
    expect(data).not.toHaveProperty('phaseId');
    expect(data.grantId).toBe('dbl-2026.05978000');
    spec
      .given([])
      .when(notice({ rules: noPhases, basis, phaseId: 'aufbau' }))
      .thenThrows(PhaseUnknown, 'phase-unknown');
  });

  it('continues an Aufbau grant into Verstetigung, under the id programme.phase.municipality', () => {
    const aufbau = [decided(notice())].reduce(evolveGrant, initialGrantState());
    const continuation = notice({
      basis: { kind: 'continuation', continuationOf: 'dbl-2026.05978000', continued: aufbau },
      amountCents: 8_000_000,
      financing: plan(5_000_000, 3_000_000, 2_000_000),
      period: { from: '2028-01-01', to: '2029-12-31' },
    });
    expect(decided(continuation).data).toMatchObject({
      grantId: 'dbl.verstetigung.05978000',
      phaseId: 'verstetigung',
      continuationOf: 'dbl-2026.05978000',
    });
    spec
      .given([])
      .when({ ...continuation, phaseId: 'aufbau' })
      .thenThrows(ContinuationPhaseMismatch, 'continuation-phase-mismatch');
    // Nothing follows Verstetigung.
    const verstetigung = [decided(continuation)].reduce(evolveGrant, initialGrantState());
    spec
      .given([])
      .when({
        ...continuation,
        basis: { kind: 'continuation', continuationOf: 'dbl.verstetigung.05978000', continued: verstetigung },
        period: { from: '2030-01-01', to: '2030-12-31' },
      })
      .thenThrows(ContinuationPhaseMismatch);
  });

  it('sends an Aufbau grantee selected in a Verstetigung call to the continuation', () => {
    const aufbau = [decided(notice())].reduce(evolveGrant, initialGrantState());
    spec
      .given([])
      .when(
        notice({
          basis: {
            kind: 'selection',
            applicationId: 'dbl-2028.05978000',
            selection: selectedUnna({ callId: 'dbl-2028', programmeId: 'dbl', amountCents: 7_200_000 }),
            callPhaseId: 'verstetigung',
            previousPhaseGrant: { grantId: 'dbl-2026.05978000', state: aufbau },
          },
        }),
      )
      .thenThrows(ContinuationRequired, 'continuation-required');
  });
});
