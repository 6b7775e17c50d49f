import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { CONCEPT_CRITERION } from '../assessment';
import {
  AssessmentAlreadyScored,
  CriterionNotScored,
  CriterionScoredTwice,
  FormalCheckNotPassed,
  NotSubmitted,
  ScoreOutOfRange,
  SelectionAlreadyDecided,
  UnknownCriterion,
} from '../errors';
import type { SelectionEvent } from '../selection';
import { APPLICATION_ID, formalCheck, rulesV1, unnaSubmission } from '../testing-fixtures';
import { type ScoreAssessment, scoreAssessmentDecider } from './score-assessment.decide';

const spec = deciderSpecification(scoreAssessmentDecider);
const score = (overrides: Partial<ScoreAssessment> = {}): ScoreAssessment => ({
  submission: unnaSubmission(),
  assessor: 'office:diller',
  assessorName: 'Hans-Michael Diller',
  scores: [
    { criterionId: 'prevention', score: 8 },
    { criterionId: 'network', score: 6 },
  ],
  comment: 'Überzeugende Verantwortungsgemeinschaft von fünf Verwaltungen',
  ...overrides,
});
const scored: SelectionEvent = {
  type: 'AssessmentScored',
  data: {
    applicationId: APPLICATION_ID,
    assessor: 'office:diller',
    assessorName: 'Hans-Michael Diller',
    scores: [
      { criterionId: 'prevention', score: 8, weight: 3 },
      { criterionId: 'network', score: 6, weight: 1 },
    ],
    weightedScore: 7.5,
    comment: 'Überzeugende Verantwortungsgemeinschaft von fünf Verwaltungen',
  },
};

describe('score a submission', () => {
  it("records the assessor's scores against the call's weighted criteria: (8·3 + 6·1) / 4 = 7.5", () =>
    spec
      .given([formalCheck(true)])
      .when(score())
      .then([scored]));

  it('lets a second assessor score the same submission', () =>
    spec
      .given([formalCheck(true), scored])
      .when(score({ assessor: 'office:stierle', assessorName: undefined, comment: undefined }))
      .then([
        {
          type: 'AssessmentScored',
          data: {
            applicationId: APPLICATION_ID,
            assessor: 'office:stierle',
            scores: [
              { criterionId: 'prevention', score: 8, weight: 3 },
              { criterionId: 'network', score: 6, weight: 1 },
            ],
            weightedScore: 7.5,
          },
        },
      ]));

  it('refuses a second score by the same assessor: revisions go through revise', () =>
    spec
      .given([formalCheck(true), scored])
      .when(score())
      .thenThrows(AssessmentAlreadyScored, 'assessment-already-scored'));

  it('assesses a call without criteria on the concept alone', () =>
    spec
      .given([formalCheck(true)])
      .when(
        score({
          submission: unnaSubmission({ call: { ...unnaSubmission().call, assessmentCriteria: undefined } }),
          scores: [{ criterionId: CONCEPT_CRITERION.criterionId, score: 7 }],
          comment: undefined,
          assessorName: undefined,
        }),
      )
      .then([
        {
          type: 'AssessmentScored',
          data: {
            applicationId: APPLICATION_ID,
            assessor: 'office:diller',
            scores: [{ criterionId: 'concept', score: 7, weight: 1 }],
            weightedScore: 7,
          },
        },
      ]));

  it('refuses scores outside 0–10 or not whole', () => {
    spec
      .given([formalCheck(true)])
      .when(
        score({
          scores: [
            { criterionId: 'prevention', score: 11 },
            { criterionId: 'network', score: 6 },
          ],
        }),
      )
      .thenThrows(ScoreOutOfRange, 'score-out-of-range');
    spec
      .given([formalCheck(true)])
      .when(
        score({
          scores: [
            { criterionId: 'prevention', score: 7.5 },
            { criterionId: 'network', score: 6 },
          ],
        }),
      )
      .thenThrows(ScoreOutOfRange);
  });

  it('refuses a criterion the call does not have, one scored twice, and one left out', () => {
    spec
      .given([formalCheck(true)])
      .when(score({ scores: [...score().scores, { criterionId: 'budget', score: 5 }] }))
      .thenThrows(UnknownCriterion, 'unknown-criterion');
    spec
      .given([formalCheck(true)])
      .when(score({ scores: [...score().scores, { criterionId: 'network', score: 5 }] }))
      .thenThrows(CriterionScoredTwice, 'criterion-scored-twice');
    spec
      .given([formalCheck(true)])
      .when(score({ scores: [{ criterionId: 'prevention', score: 5 }] }))
      .thenThrows(CriterionNotScored, 'criterion-not-scored');
  });

  it('refuses to assess before a passed formal check', () => {
    spec.given([]).when(score()).thenThrows(FormalCheckNotPassed, 'formal-check-not-passed');
    spec
      .given([formalCheck(false)])
      .when(score())
      .thenThrows(FormalCheckNotPassed);
  });

  it('refuses to assess after the decision', () =>
    spec
      .given([
        formalCheck(true),
        {
          type: 'SubmissionWaitlisted',
          data: {
            applicationId: APPLICATION_ID,
            callId: 'kkz-2011',
            programmeId: 'kkz',
            ags: '05978000',
            reasons: ['Nachrücker'],
            rules: rulesV1,
            decidedAt: '2012-02-10T10:00:00.000Z',
          },
        },
      ])
      .when(score())
      .thenThrows(SelectionAlreadyDecided));

  it('refuses a draft', () =>
    spec
      .given([])
      .when(score({ submission: { status: 'draft', applicationId: APPLICATION_ID } }))
      .thenThrows(NotSubmitted));
});
