import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { NoAssessmentToRevise, ScoreOutOfRange } from '../errors';
import type { Assessment, SelectionEvent } from '../selection';
import { APPLICATION_ID, formalCheck, unnaSubmission } from '../testing-fixtures';
import { type ReviseAssessment, reviseAssessmentDecider } from './revise-assessment.decide';

const spec = deciderSpecification(reviseAssessmentDecider);
const revise = (prevention: number, comment?: string): ReviseAssessment => ({
  submission: unnaSubmission(),
  assessor: 'office:diller',
  scores: [
    { criterionId: 'prevention', score: prevention },
    { criterionId: 'network', score: 6 },
  ],
  comment,
});
const scored: SelectionEvent = {
  type: 'AssessmentScored',
  data: {
    applicationId: APPLICATION_ID,
    assessor: 'office:diller',
    scores: [
      { criterionId: 'prevention', score: 8, weight: 3 },
      { criterionId: 'network', score: 6, weight: 1 },
    ],
    weightedScore: 7.5,
  },
};

describe('revise an assessment', () => {
  it("records the revision beside the assessor's first score", () =>
    spec
      .given([formalCheck(true), scored])
      .when(revise(9, 'nach Rücksprache angehoben'))
      .then([
        {
          type: 'AssessmentRevised',
          data: {
            applicationId: APPLICATION_ID,
            assessor: 'office:diller',
            scores: [
              { criterionId: 'prevention', score: 9, weight: 3 },
              { criterionId: 'network', score: 6, weight: 1 },
            ],
            weightedScore: 8.25,
            comment: 'nach Rücksprache angehoben',
          },
        },
      ]));

  it('records nothing when the assessment is sent again unchanged', () =>
    spec
      .given([formalCheck(true), scored])
      .when(revise(8))
      .then([]));

  it('records a revision that only corrects the assessor name, and keeps the name when none is sent', () => {
    const named: SelectionEvent = {
      type: 'AssessmentScored',
      data: { ...(scored.data as Assessment), assessorName: 'H. Diller' },
    };
    spec
      .given([formalCheck(true), named])
      .when({ ...revise(8), assessorName: 'Hans-Michael Diller' })
      .then([
        {
          type: 'AssessmentRevised',
          data: { ...(scored.data as Assessment), assessorName: 'Hans-Michael Diller' },
        },
      ]);
    spec
      .given([formalCheck(true), named])
      .when({ ...revise(8), assessorName: ' H. Diller ' })
      .then([]);
    spec
      .given([formalCheck(true), named])
      .when(revise(8))
      .then([]);
  });

  it('refuses to revise what the assessor never scored', () =>
    spec
      .given([formalCheck(true), scored])
      .when({ ...revise(9), assessor: 'office:stierle' })
      .thenThrows(NoAssessmentToRevise, 'no-assessment-to-revise'));

  it('checks a revision like a first score', () =>
    spec
      .given([formalCheck(true), scored])
      .when(revise(-1))
      .thenThrows(ScoreOutOfRange));
});
