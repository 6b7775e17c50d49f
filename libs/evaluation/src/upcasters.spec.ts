import type { RecordedEvent } from '@app/eventsourcing';
import { evaluationCreatedV1ToV2 } from './upcasters';

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
