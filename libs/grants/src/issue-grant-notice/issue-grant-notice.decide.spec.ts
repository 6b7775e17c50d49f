import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  AmountAboveSelection,
  AmountNotPositive,
  AmountRequired,
  ApplicantNotSelected,
  ContinuationOfOtherMunicipality,
  ContinuationPeriodOverlaps,
  ContinuationPhaseMismatch,
  ContinuationRequired,
  ContinuedGrantRevoked,
  ContinuedGrantUnknown,
  CoordinatorMissing,
  EsfShareExceeded,
  FinancingDoesNotAddUp,
  GranteeNotSelectedApplicant,
  GrantNoticeExists,
  GrantPeriodInvalid,
  LandShareExceeded,
  OwnShareTooLow,
  PhaseNotOfCall,
  RulesVersionUnknown,
} from '../errors';
import { evolveGrant, type GrantState, initialGrantState } from '../grant';
import {
  GRANT_1,
  issued,
  KREIS_UNNA,
  noticeForUnna,
  OBERHAUSEN,
  revoked,
  rulesV0,
  selectedUnna,
  esfLandOwn,
  SETTINGS_2011,
} from '../testing-fixtures';
import { type IssueGrantNotice, issueGrantNoticeDecider } from './issue-grant-notice.decide';

const spec = deciderSpecification(issueGrantNoticeDecider);
const grantState = (...events: Parameters<typeof evolveGrant>[1][]): GrantState =>
  events.reduce(evolveGrant, initialGrantState());

/** Phase II for Kreis Unna, continuing its phase-I grant (2017–2020). */
const continuation = (continued: GrantState, overrides: Partial<IssueGrantNotice> = {}) =>
  noticeForUnna({
    phaseId: 'phase-2',
    basis: { kind: 'continuation', continuationOf: GRANT_1, continued },
    amountCents: 6_400_000,
    period: { from: '2017-01-01', to: '2020-12-31' },
    rules: { applied: { version: 2, effectiveFrom: '2016-06-01' }, settings: SETTINGS_2011 },
    issuedAt: '2016-12-01T09:00:00.000Z',
    ...overrides,
  });

describe('issue a grant notice', () => {
  it('issues a notice for a selected applicant with the selected amount and the rules it was decided under', () =>
    spec.given([]).when(noticeForUnna()).then([issued()]));

  it('grants less than selected when the office says so, never more', () => {
    // The 48,000 EUR tier's figures: 32,000 ESF + 16,000 Land, 16,000 own funds on top (50/25/25).
    const financing = esfLandOwn(3_200_000, 1_600_000, 1_600_000);
    spec
      .given([])
      .when(noticeForUnna({ amountCents: 4_800_000, financing }))
      .then([issued({ amountCents: 4_800_000, financing })]);
    spec
      .given([])
      .when(noticeForUnna({ amountCents: 6_400_001 }))
      .thenThrows(AmountAboveSelection, 'amount-above-selection');
  });

  it('refuses a notice without a selection, or for a rejected or waitlisted application', () => {
    for (const outcome of ['none', 'rejected', 'waitlisted'] as const) {
      spec
        .given([])
        .when(
          noticeForUnna({
            basis: {
              kind: 'selection',
              applicationId: 'kkz-2011.05978000',
              selection: selectedUnna({ outcome }),
              callPhaseId: 'phase-1',
            },
          }),
        )
        .thenThrows(ApplicantNotSelected, 'applicant-not-selected');
    }
  });

  it('refuses a notice for another municipality than the selected lead applicant', () =>
    spec
      .given([])
      .when(noticeForUnna({ ags: OBERHAUSEN }))
      .thenThrows(GranteeNotSelectedApplicant, 'grantee-not-selected-applicant'));

  it('refuses a phase-II notice on a selection in a phase-I call', () =>
    spec
      .given([])
      .when(noticeForUnna({ phaseId: 'phase-2' }))
      .thenThrows(PhaseNotOfCall, 'phase-not-of-call'));

  it('sends a phase-I grantee selected in the new call to the continuation notice', () => {
    const basis = {
      kind: 'selection' as const,
      applicationId: 'kkz-2016.05978000',
      selection: selectedUnna({ callId: 'kkz-2016' }),
      callPhaseId: 'phase-2',
      previousPhaseGrant: { grantId: GRANT_1, state: grantState(issued()) },
    };
    spec
      .given([])
      .when(noticeForUnna({ phaseId: 'phase-2', basis }))
      .thenThrows(ContinuationRequired, 'continuation-required');
  });

  it('lets a newcomer enter phase II by the new call', () => {
    const basis = {
      kind: 'selection' as const,
      applicationId: 'kkz-2016.05978000',
      selection: selectedUnna({ callId: 'kkz-2016' }),
      callPhaseId: 'phase-2',
    };
    spec
      .given([])
      .when(noticeForUnna({ phaseId: 'phase-2', basis, period: { from: '2017-01-01', to: '2020-12-31' } }))
      .then([
        issued({
          grantId: 'kkz.phase-2.05978000',
          phaseId: 'phase-2',
          applicationId: 'kkz-2016.05978000',
          callId: 'kkz-2016',
          period: { from: '2017-01-01', to: '2020-12-31' },
        }),
      ]);
  });

  it('continues a phase-I grant into phase II without a selection, under the rules in force', () => {
    const { data } = issued({
      grantId: 'kkz.phase-2.05978000',
      phaseId: 'phase-2',
      period: { from: '2017-01-01', to: '2020-12-31' },
      rules: { version: 2, effectiveFrom: '2016-06-01' },
      issuedAt: '2016-12-01T09:00:00.000Z',
    });
    const { applicationId: _a, callId: _c, ...rest } = data;
    spec
      .given([])
      .when(continuation(grantState(issued(), revoked('partial', 1_000_000, 0, 5_400_000))))
      .then([{ type: 'GrantNoticeIssued', data: { ...rest, continuationOf: GRANT_1 } }]);
  });

  it('refuses to continue a grant that does not exist, was revoked in full, or belongs to another phase or municipality', () => {
    spec
      .given([])
      .when(continuation(initialGrantState()))
      .thenThrows(ContinuedGrantUnknown, 'continued-grant-unknown');
    spec
      .given([])
      .when(continuation(grantState(issued(), revoked('full', 6_400_000, 0, 0))))
      .thenThrows(ContinuedGrantRevoked, 'continued-grant-revoked');
    spec
      .given([])
      .when(continuation(grantState(issued({ ags: OBERHAUSEN }))))
      .thenThrows(ContinuationOfOtherMunicipality, 'continuation-of-other-municipality');
    spec
      .given([])
      .when(continuation(grantState(issued()), { phaseId: 'phase-1' }))
      .thenThrows(ContinuationPhaseMismatch, 'continuation-phase-mismatch');
  });

  it('asks for the amount of a continuation, which has no selection to take it from', () =>
    spec
      .given([])
      .when(continuation(grantState(issued()), { amountCents: undefined }))
      .thenThrows(AmountRequired, 'amount-required'));

  it('refuses a continuation that starts before the continued period ended', () =>
    spec
      .given([])
      .when(continuation(grantState(issued()), { period: { from: '2015-06-30', to: '2018-12-31' } }))
      .thenThrows(ContinuationPeriodOverlaps, 'continuation-period-overlaps'));

  it('refuses a second notice for the same municipality and phase', () =>
    spec.given([issued()]).when(noticeForUnna()).thenThrows(GrantNoticeExists, 'grant-notice-exists'));

  it('refuses a selection under a rules version the programme does not know', () =>
    spec
      .given([])
      .when(noticeForUnna({ rules: undefined }))
      .thenThrows(RulesVersionUnknown, 'rules-version-unknown'));

  it('refuses a zero amount', () =>
    spec
      .given([])
      .when(noticeForUnna({ amountCents: 0 }))
      .thenThrows(AmountNotPositive, 'amount-not-positive'));

  it('refuses ESF and Land that do not add up to the amount to the cent', () => {
    spec
      .given([])
      .when(noticeForUnna({ financing: esfLandOwn(4_300_000, 2_099_999, 2_200_000) }))
      .thenThrows(FinancingDoesNotAddUp, 'financing-does-not-add-up');
    // Own funds are not part of the grant: a plan whose three sources make up the amount is short of it.
    spec
      .given([])
      .when(noticeForUnna({ financing: esfLandOwn(3_200_000, 1_600_000, 1_600_000) }))
      .thenThrows(FinancingDoesNotAddUp, 'financing-does-not-add-up');
  });

  it('reckons the shares on the eligible total: ESF at most 50 %, Land at most 25 %, own funds at least 25 %', () => {
    const notice = (esfCents: number, landCents: number, ownCents: number) =>
      noticeForUnna({ financing: esfLandOwn(esfCents, landCents, ownCents) });
    // 43,000.01 of 86,000 EUR is just over half; 43,000 is exactly half.
    spec
      .given([])
      .when(notice(4_300_001, 2_099_999, 2_200_000))
      .thenThrows(EsfShareExceeded, 'esf-share-exceeded');
    spec
      .given([])
      .when(notice(4_300_000, 2_100_000, 2_199_999))
      .thenThrows(EsfShareExceeded);
    spec
      .given([])
      .when(notice(4_300_000, 2_100_000, 2_200_000))
      .then([issued()]);
    // 24,000 Land of 95,999.99 EUR is just over a quarter; of 96,000 EUR exactly a quarter.
    spec
      .given([])
      .when(notice(4_000_000, 2_400_000, 3_199_999))
      .thenThrows(LandShareExceeded, 'land-share-exceeded');
    const quarter = esfLandOwn(4_000_000, 2_400_000, 3_200_000);
    spec
      .given([])
      .when(notice(4_000_000, 2_400_000, 3_200_000))
      .then([issued({ financing: quarter })]);
  });

  it('takes any own funds beyond the minimum on top of the grant, the amount staying the same', () => {
    const financing = esfLandOwn(4_300_000, 2_100_000, 10_000_000);
    spec
      .given([])
      .when(noticeForUnna({ financing }))
      .then([issued({ amountCents: 6_400_000, financing })]);
  });

  it('applies the financing limits of the rules version the notice is decided under', () => {
    const settings = {
      ...SETTINGS_2011,
      sources: [
        { sourceId: 'esf', name: 'ESF', kind: 'grant' as const, maxPercent: 60 },
        { sourceId: 'land', name: 'Land', kind: 'grant' as const, maxPercent: 25 },
        { sourceId: 'own', name: 'Eigenmittel', kind: 'own' as const, minPercent: 30 },
      ],
    };
    // 49,000 EUR grant: 35,000 ESF + 14,000 Land; own funds 21,000 make exactly 30 % of 70,000.
    const notice = (ownCents: number) =>
      noticeForUnna({
        rules: rulesV0(settings),
        amountCents: 4_900_000,
        financing: esfLandOwn(3_500_000, 1_400_000, ownCents),
      });
    spec.given([]).when(notice(2_099_999)).thenThrows(OwnShareTooLow, 'own-share-too-low');
    spec
      .given([])
      .when(notice(2_100_000))
      .then([
        issued({
          amountCents: 4_900_000,
          financing: esfLandOwn(3_500_000, 1_400_000, 2_100_000),
        }),
      ]);
    // The default rules' 25 % would have let the Unna plan pass.
    spec
      .given([])
      .when(noticeForUnna({ rules: rulesV0(settings) }))
      .thenThrows(OwnShareTooLow, 'own-share-too-low');
  });

  it('refuses a period that does not end after it starts', () =>
    spec
      .given([])
      .when(noticeForUnna({ period: { from: '2015-06-30', to: '2012-03-01' } }))
      .thenThrows(GrantPeriodInvalid, 'grant-period-invalid'));

  it('refuses a notice without a coordinator', () =>
    spec
      .given([])
      .when(noticeForUnna({ coordinator: { name: '  ' } }))
      .thenThrows(CoordinatorMissing, 'coordinator-missing'));

  it('records the disbursement window and interest points of the rules it applies', () => {
    const settings = {
      ...SETTINGS_2011,
      disbursementWindowMonths: 3,
      interestPointsAboveBaseRate: 3,
    };
    spec
      .given([])
      .when(noticeForUnna({ rules: { applied: { version: 1, effectiveFrom: '2011-10-01' }, settings } }))
      .then([
        issued({
          rules: { version: 1, effectiveFrom: '2011-10-01' },
          disbursementWindowMonths: 3,
          interestPointsAboveBaseRate: 3,
        }),
      ]);
  });

  it('names the grant after programme, phase and municipality', () =>
    expect(issueGrantNoticeDecider.decide(noticeForUnna(), initialGrantState())[0].data).toMatchObject({
      grantId: 'kkz.phase-1.05978000',
      ags: KREIS_UNNA,
    }));
});
