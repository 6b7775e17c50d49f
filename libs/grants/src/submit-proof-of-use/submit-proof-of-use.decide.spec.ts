import { fold, NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  FactualReportMissing,
  GrantFullyRevoked,
  ProofOfUseBeforePeriodEnd,
  ProofOfUseBeyondGrant,
  ProofOfUseExists,
  ProofOfUseShareExceeded,
} from '../errors';
import type { GrantEvent } from '../grant';
import {
  GRANT_1,
  issued,
  KREIS_UNNA,
  OBERHAUSEN,
  PAID_IN_FULL,
  proofAccepted,
  proofReturned,
  proofSubmitted,
  revoked,
  UNNA_FINANCING,
  esfLandOwn,
  SETTINGS_2011,
} from '../testing-fixtures';
import { type SubmitProofOfUse, submitProofOfUseDecider } from './submit-proof-of-use.decide';

const spec = deciderSpecification(submitProofOfUseDecider);
/** The funding period ends on 30 June 2015; 1 July 2015 is the first day of the proof. */
const submit = (overrides: Partial<SubmitProofOfUse> = {}): SubmitProofOfUse => ({
  grantId: GRANT_1,
  ags: KREIS_UNNA,
  factualReport: '  Präventionskette in allen vier Städten aufgebaut  ',
  expenditure: esfLandOwn(4_000_000, 2_000_000, 2_500_000),
  sources: SETTINGS_2011.sources,
  submittedAt: '2015-11-30T09:00:00.000Z',
  ...overrides,
});
const spent = (esfCents: number, landCents: number, ownCents: number) => ({
  expenditure: esfLandOwn(esfCents, landCents, ownCents),
});
const paidOut = [issued(), ...PAID_IN_FULL];
const decide = (given: GrantEvent[], command: SubmitProofOfUse) =>
  submitProofOfUseDecider.decide(command, fold(submitProofOfUseDecider, given));

describe('submit the proof of use (Verwendungsnachweis)', () => {
  it('records the factual report and the final figures as the first submission', () =>
    spec
      .given(paidOut)
      .when(submit({ note: ' Belege liegen bereit ' }))
      .then([
        {
          type: 'ProofOfUseSubmitted',
          data: {
            grantId: GRANT_1,
            ags: KREIS_UNNA,
            factualReport: 'Präventionskette in allen vier Städten aufgebaut',
            expenditure: esfLandOwn(4_000_000, 2_000_000, 2_500_000),
            publicCents: 6_000_000,
            note: 'Belege liegen bereit',
            submission: 1,
            submittedAt: '2015-11-30T09:00:00.000Z',
          },
        },
      ]));

  it('is taken from the Berlin day after the funding period, not before', () => {
    // 30 June 2015, 23:59:59 in Berlin (CEST) is still within the period; a second later it is not.
    spec
      .given(paidOut)
      .when(submit({ submittedAt: '2015-06-30T21:59:59.000Z' }))
      .thenThrows(ProofOfUseBeforePeriodEnd, 'proof-of-use-before-period-end');
    spec
      .given(paidOut)
      .when(submit({ submittedAt: '2013-05-01T09:00:00.000Z' }))
      .thenThrows(ProofOfUseBeforePeriodEnd);
    const [event] = decide(paidOut, submit({ submittedAt: '2015-06-30T22:00:00.000Z' }));
    expect(event.type).toBe('ProofOfUseSubmitted');
  });

  it('is taken once; after a return the corrected proof is the next submission', () => {
    spec
      .given([...paidOut, proofSubmitted()])
      .when(submit())
      .thenThrows(ProofOfUseExists, 'proof-of-use-exists');
    spec
      .given([...paidOut, proofSubmitted(), proofAccepted()])
      .when(submit())
      .thenThrows(ProofOfUseExists);
    const [event] = decide([...paidOut, proofSubmitted(), proofReturned()], submit());
    expect(event.data).toMatchObject({ submission: 2 });
  });

  it('needs the factual report', () =>
    spec
      .given(paidOut)
      .when(submit({ factualReport: ' \n ' }))
      .thenThrows(FactualReportMissing, 'proof-of-use-factual-report-missing'));

  it('accepts less public money than was paid: the rest is an overpayment, not a refusal', () =>
    spec
      .given(paidOut)
      .when(submit(spent(1_000_000, 500_000, 2_000_000)))
      .then([proofSubmitted(1, esfLandOwn(1_000_000, 500_000, 2_000_000))]));

  it('states no more ESF or Land money than the notice granted, nor more than is left after revocations', () => {
    spec
      .given(paidOut)
      .when(submit(spent(4_300_001, 2_000_000, 2_500_000)))
      .thenThrows(ProofOfUseBeyondGrant, 'proof-of-use-beyond-grant');
    spec
      .given(paidOut)
      .when(submit(spent(4_000_000, 2_100_001, 2_500_000)))
      .thenThrows(ProofOfUseBeyondGrant);
    // 10,000 EUR revoked: 54,000 EUR is all the public money the grant still covers.
    spec
      .given([...paidOut, revoked('partial', 1_000_000, 1_000_000, 5_400_000)])
      .when(submit(spent(4_300_000, 2_100_000, 2_200_000)))
      .thenThrows(ProofOfUseBeyondGrant);
    spec
      .given(paidOut)
      .when(submit(spent(4_300_000, 2_100_000, 2_200_000)))
      .then([
        {
          type: 'ProofOfUseSubmitted',
          data: {
            grantId: GRANT_1,
            ags: KREIS_UNNA,
            factualReport: 'Präventionskette in allen vier Städten aufgebaut',
            expenditure: UNNA_FINANCING,
            publicCents: 6_400_000,
            submission: 1,
            submittedAt: '2015-11-30T09:00:00.000Z',
          },
        },
      ]);
  });

  it('keeps the public shares of the stated total within the notice’s shares (Anteilfinanzierung)', () => {
    // Notice: ESF 43,000 and Land 21,000 of 86,000 EUR. With 2,000 EUR less own funds spent the
    // ESF share would rise above 50 %.
    spec
      .given(paidOut)
      .when(submit(spent(4_300_000, 2_100_000, 2_000_000)))
      .thenThrows(ProofOfUseShareExceeded, 'proof-of-use-share-exceeded');
    // Land 21,000 of 81,000 EUR is 25.9 % against the notice's 24.4 %.
    spec
      .given(paidOut)
      .when(submit(spent(3_000_000, 2_100_000, 3_000_000)))
      .thenThrows(ProofOfUseShareExceeded);
    // Exactly the notice's shares, on a smaller total: 42,000 / 20,400 of 84,000 EUR (ESF 50 %,
    // Land 24.29 % ≤ 24.42 %).
    expect(decide(paidOut, submit(spent(4_200_000, 2_040_000, 2_160_000)))).toHaveLength(1);
  });

  it('takes no proof for a grant revoked in full', () =>
    spec
      .given([...paidOut, revoked('full', 6_400_000, 6_400_000, 0)])
      .when(submit())
      .thenThrows(GrantFullyRevoked, 'grant-revoked'));

  it('knows no grant of another municipality, nor one never issued', () => {
    spec
      .given(paidOut)
      .when(submit({ ags: OBERHAUSEN }))
      .thenThrows(NotFound, 'not-found');
    spec.given([]).when(submit()).thenThrows(NotFound);
  });
});
