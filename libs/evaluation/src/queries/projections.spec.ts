import { type RecordedEvent, rebuild } from '@app/eventsourcing';
import { evaluationCreated, surveyCreated } from '../testing-fixtures';
import { evaluationsProjection } from './evaluations.projection';
import { indicatorSeries, indicatorsProjection } from './indicators.projection';
import { participantsOf, participantsProjection } from './participants.projection';

let position = 0;
const recorded = (type: string, data: unknown, revision = 0): RecordedEvent =>
  ({
    streamId: 's',
    revision,
    position: ++position,
    type,
    data,
    metadata: { occurredAt: '2017-11-20T09:00:00.000Z' },
  }) as unknown as RecordedEvent;

const notice = (ags: string, phase: number, programmeId = 'kkz') =>
  recorded('GrantNoticeIssued', {
    grantId: `${programmeId}.phase-${phase}.${ags}`,
    programmeId,
    phaseId: `phase-${phase}`,
    ags,
  });

describe('evaluation read models', () => {
  it('counts a municipality once per programme, with the phases of its grants by id', () => {
    const model = rebuild(participantsProjection, [
      notice('05913000', 2),
      notice('05913000', 1),
      notice('05315000', 2),
      notice('05315000', 2),
      notice('05711000', 1, 'other'),
      // A programme without phases: its notices name none.
      recorded('GrantNoticeIssued', { grantId: 'dbl.n-1', programmeId: 'dbl', ags: '05958004' }),
    ]);
    expect(participantsOf(model, 'kkz').map((p) => [p.ags, p.phaseIds, p.grantIds.length])).toEqual([
      ['05913000', ['phase-2', 'phase-1'], 2],
      ['05315000', ['phase-2'], 1],
    ]);
    expect(participantsOf(model, 'dbl').map((p) => [p.ags, p.phaseIds])).toEqual([['05958004', []]]);
  });

  it('keeps the answer in force per municipality, a revision replacing the submission', () => {
    const events = [
      recorded('EvaluationCreated', evaluationCreated().data),
      recorded('SurveyCreated', surveyCreated().data),
      recorded('SurveyAnswerSubmitted', {
        surveyId: 'online-survey-2017',
        ags: '05978000',
        answers: [{ questionId: 'coordination', step: 'partly' }],
        answeredAt: '2017-12-10T10:00:00.000Z',
      }),
      recorded(
        'SurveyAnswerRevised',
        {
          surveyId: 'online-survey-2017',
          ags: '05978000',
          answers: [{ questionId: 'coordination', step: 'fully' }],
          answeredAt: '2017-12-11T10:00:00.000Z',
        },
        1,
      ),
    ];
    const model = rebuild(evaluationsProjection, events);
    expect(model.evaluations.get('kkz-evaluation')?.surveyIds).toEqual(['online-survey-2017']);
    expect(model.answers.get('online-survey-2017')?.get('05978000')).toEqual({
      surveyId: 'online-survey-2017',
      ags: '05978000',
      answers: [{ questionId: 'coordination', step: 'fully' }],
      submittedAt: '2017-12-10T10:00:00.000Z',
      revisedAt: '2017-12-11T10:00:00.000Z',
      revision: 1,
    });
  });

  it('sorts a series by period and lets a corrected value replace the earlier one', () => {
    const model = rebuild(indicatorsProjection, [
      recorded('IndicatorValueRecorded', {
        evaluationId: 'e',
        ags: '05978000',
        indicator: 'partners',
        period: { from: '2016-01-01', to: '2016-12-31' },
        value: 30,
      }),
      recorded('ReportAccepted', {
        reportId: 'r-2013',
        ags: '05978000',
        periodId: '2013',
        from: '2013-01-01',
        to: '2013-12-31',
        year: 2013,
        indicators: { partners: 12, broken: Number.NaN },
      }),
      recorded('IndicatorValueRecorded', {
        evaluationId: 'e',
        ags: '05978000',
        indicator: 'partners',
        period: { from: '2016-01-01', to: '2016-12-31' },
        value: 31,
        supersedes: 30,
      }),
    ]);
    expect(
      indicatorSeries(model, '05978000').map((i) => [i.indicator, i.series.map((p) => p.value)]),
    ).toEqual([['partners', [12, 31]]]);
  });
});
