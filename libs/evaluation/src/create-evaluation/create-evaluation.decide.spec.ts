import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { EvaluationExists, UnknownProgramme } from '../errors';
import { EVALUATION_CRITERIA } from '../evaluation';
import { evaluationCreated } from '../testing-fixtures';
import { createEvaluationDecider } from './create-evaluation.decide';

const spec = deciderSpecification(createEvaluationDecider);
const create = {
  evaluationId: 'kkz-evaluation',
  programmeId: 'kkz',
  programmeExists: true,
  title: 'Evaluation Kommunale Präventionsketten',
  criteria: [...EVALUATION_CRITERIA],
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
});
