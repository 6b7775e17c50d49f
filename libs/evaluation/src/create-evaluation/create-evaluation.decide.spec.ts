import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { EVALUATION_CRITERIA_2018 } from '@app/shared/seed/programme-2011';
import { CriterionTwice, EvaluationExists, UnknownProgramme } from '../errors';
import { evaluationCreated } from '../testing-fixtures';
import { createEvaluationDecider } from './create-evaluation.decide';

const spec = deciderSpecification(createEvaluationDecider);
const create = {
  evaluationId: 'kkz-evaluation',
  programmeId: 'kkz',
  programmeExists: true,
  title: 'Evaluation Kommunale Präventionsketten',
  criteria: EVALUATION_CRITERIA_2018,
};

describe('create an evaluation', () => {
  it('records the evaluation with its criteria', () =>
    spec.given([]).when(create).then([evaluationCreated()]));

  it('refuses a second evaluation with the same id', () =>
    spec.given([evaluationCreated()]).when(create).thenThrows(EvaluationExists, 'evaluation-exists'));

  it('refuses an evaluation of a programme that does not exist', () =>
    spec
      .given([])
      .when({ ...create, programmeExists: false })
      .thenThrows(UnknownProgramme, 'unknown-programme'));

  it('records criteria of its own, with their names and descriptions', () =>
    spec
      .given([])
      .when({
        ...create,
        criteria: [
          { criterionId: 'schools', name: 'Schulen angebunden', description: 'Anteil der Schulen im Netz' },
          { criterionId: 'staff', name: 'Fachkräfte qualifiziert' },
        ],
      })
      .then([
        evaluationCreated({
          criteria: [
            { criterionId: 'schools', name: 'Schulen angebunden', description: 'Anteil der Schulen im Netz' },
            { criterionId: 'staff', name: 'Fachkräfte qualifiziert' },
          ],
        }),
      ]));

  it('refuses a criterion named twice', () =>
    spec
      .given([])
      .when({
        ...create,
        criteria: [
          { criterionId: 'schools', name: 'Schulen' },
          { criterionId: 'schools', name: 'Schulen angebunden' },
        ],
      })
      .thenThrows(CriterionTwice, 'criterion-twice'));
});
