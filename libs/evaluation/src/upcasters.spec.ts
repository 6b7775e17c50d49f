import { type RecordedEvent, UpcasterRegistry } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { surveyCreated, surveyCreatedV2Data } from './testing-fixtures';
import { evaluationCreatedV1ToV2, evaluationUpcasters, surveyCreatedV2ToV3 } from './upcasters';

/** The upcaster reads only the data; the stored event around it does not matter here. */
const stored = {} as RecordedEvent;

describe('EvaluationCreated v1 → v2', () => {
  it('names each criterion of the 2018 catalogue, in the order stored', () => {
    expect(
      evaluationCreatedV1ToV2.upcast(
        {
          evaluationId: 'kkz-evaluation',
          programmeId: 'kkz',
          title: 'Evaluation',
          criteria: ['goal-attainment', 'efficiency', 'coherence'],
        },
        stored,
      ),
    ).toEqual({
      evaluationId: 'kkz-evaluation',
      programmeId: 'kkz',
      title: 'Evaluation',
      criteria: [
        { criterionId: 'goal-attainment', name: 'Zielerreichung' },
        { criterionId: 'efficiency', name: 'Wirtschaftlichkeit' },
        { criterionId: 'coherence', name: 'Kohärenz' },
      ],
    });
  });

  it('keeps an id it does not know as its own name rather than dropping it', () => {
    expect(
      evaluationCreatedV1ToV2.upcast(
        { evaluationId: 'e', programmeId: 'p', title: 't', criteria: ['other'] },
        stored,
      ).criteria,
    ).toEqual([{ criterionId: 'other', name: 'other' }]);
  });
});

describe('SurveyCreated v2 → v3', () => {
  it('names each phase number by the id phase-<n>, in the questions and the recipients', () => {
    expect(surveyCreatedV2ToV3.upcast(surveyCreatedV2Data() as never, stored)).toEqual(surveyCreated().data);
  });

  it('reads a question without phases, or with an empty list, as asked of everyone', () => {
    const data = surveyCreatedV2Data() as { questions: { phases?: number[] }[] };
    const read = surveyCreatedV2ToV3.upcast(
      { ...data, questions: [{ ...data.questions[0], phases: [] }, data.questions[1]] } as never,
      stored,
    );
    expect(read.questions.map((q) => q.phaseIds)).toEqual([undefined, undefined]);
    expect(read.questions.map((q) => Object.keys(q))).not.toContainEqual(expect.arrayContaining(['phases']));
  });

  it('takes a v1 survey (no scale) through v2 to v3, leaving the stored data as it was', () => {
    const { scale: _scale, ...v1 } = surveyCreatedV2Data();
    const frozen = JSON.stringify(v1);
    const event = {
      ...newEvent('SurveyCreated', v1, { schemaVersion: 1 }),
      position: 1,
      revision: 0,
      streamId: 's',
    };
    const read = new UpcasterRegistry()
      .register(...evaluationUpcasters)
      .upcast(event as unknown as RecordedEvent);
    expect(read.metadata.schemaVersion).toBe(3);
    expect(read.data).toEqual(surveyCreated().data);
    expect(JSON.stringify(v1)).toBe(frozen);
  });
});
