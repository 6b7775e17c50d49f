import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { amountForPopulation } from '../rules';
import {
  CallAlreadyExists,
  ClosingDateInPast,
  DuplicateAssessmentCriterion,
  InvalidFundingTiers,
  KickOffAfterClosing,
  UnknownProgramme,
} from '../errors';
import { call2011Terms } from '../testing-fixtures';
import { draftCallDecider } from './draft-call.decide';

const spec = deciderSpecification(draftCallDecider);
const now = '2011-10-01T09:00:00.000Z';

describe('draft a call', () => {
  it('records the call with its terms', () => {
    const terms = call2011Terms();
    spec
      .given([])
      .when({ terms, programmeExists: true, now })
      .then([{ type: 'CallDrafted', data: terms }]);
  });

  it('refuses a call of a programme that does not exist', () =>
    spec
      .given([])
      .when({ terms: call2011Terms(), programmeExists: false, now })
      .thenThrows(UnknownProgramme));

  it('refuses a closing date that has passed', () =>
    spec
      .given([])
      .when({ terms: call2011Terms(), programmeExists: true, now: '2011-12-16T08:00:00.000Z' })
      .thenThrows(ClosingDateInPast, 'closing-date-in-past'));

  it('refuses a kick-off after the closing date', () =>
    spec
      .given([])
      .when({ terms: call2011Terms({ kickOffDate: '2011-12-20' }), programmeExists: true, now })
      .thenThrows(KickOffAfterClosing));

  it('refuses overlapping funding tiers', () =>
    spec
      .given([])
      .when({
        terms: call2011Terms({
          fundingTiers: [
            { minPopulation: 0, maxPopulation: 150000, amountEur: 32000 },
            { minPopulation: 100000, amountEur: 64000 },
          ],
        }),
        programmeExists: true,
        now,
      })
      .thenThrows(InvalidFundingTiers, 'invalid-funding-tiers'));

  it('records the phase and the weighted assessment criteria', () => {
    const terms = call2011Terms({
      phase: 1,
      assessmentCriteria: [
        { criterionId: 'prevention', title: 'Verbesserung durch Prävention', weight: 60 },
        { criterionId: 'network', title: 'Vernetzung der Akteure', weight: 40 },
      ],
    });
    spec
      .given([])
      .when({ terms, programmeExists: true, now })
      .then([{ type: 'CallDrafted', data: terms }]);
  });

  it('refuses an assessment criterion named twice', () =>
    spec
      .given([])
      .when({
        terms: call2011Terms({
          assessmentCriteria: [
            { criterionId: 'prevention', title: 'A', weight: 1 },
            { criterionId: 'prevention', title: 'B', weight: 2 },
          ],
        }),
        programmeExists: true,
        now,
      })
      .thenThrows(DuplicateAssessmentCriterion, 'duplicate-assessment-criterion'));

  it('refuses a second draft under the same id', () =>
    spec
      .given([{ type: 'CallDrafted', data: call2011Terms() }])
      .when({ terms: call2011Terms(), programmeExists: true, now })
      .thenThrows(CallAlreadyExists));

  it('gives a city of more than 200,000 inhabitants 64,000 EUR (Oberhausen)', () => {
    expect(amountForPopulation(call2011Terms().fundingTiers, 210000)).toBe(64000);
    expect(amountForPopulation(call2011Terms().fundingTiers, 63000)).toBe(32000);
  });
});
