import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import type { CouncilResolutionEvent } from '../council-resolution';
import * as errors from '../errors';
import {
  KAMEN,
  KREIS_UNNA,
  kreisUnnaOparl,
  OBERHAUSEN,
  OBERHAUSEN_APPLICATION,
  oberhausenResolution,
  UNNA_APPLICATION,
} from '../testing-fixtures';
import { readOparlResolution } from '../oparl/oparl-resolution';
import {
  type CorrectCouncilResolution,
  correctCouncilResolutionDecider,
} from './correct-council-resolution.decide';

const spec = deciderSpecification(correctCouncilResolutionDecider);
const ids = {
  resolutionId: 'kkz-2011.05119000.05119000',
  applicationId: 'kkz-2011.05119000',
  callId: 'kkz-2011',
  ags: '05119000',
};
const recorded: CouncilResolutionEvent = {
  type: 'CouncilResolutionRecorded',
  data: { ...ids, ...oberhausenResolution() },
};

const laterSession = oberhausenResolution({
  consultations: [
    { committee: 'Rat der Stadt Oberhausen', stage: 'decision', date: '2012-05-14', result: 'approved' },
  ],
  resultDate: '2012-05-14',
});

function correct(overrides: Partial<CorrectCouncilResolution> = {}): CorrectCouncilResolution {
  return {
    resolutionId: ids.resolutionId,
    ags: OBERHAUSEN.ags,
    application: OBERHAUSEN_APPLICATION,
    municipality: OBERHAUSEN,
    content: laterSession,
    reason: 'Der Rat hat in der Sitzung vom 14.05.2012 beschlossen, nicht am 23.04.2012.',
    today: '2012-06-01',
    ...overrides,
  };
}

const corrected: CouncilResolutionEvent = {
  type: 'CouncilResolutionCorrected',
  data: {
    ...ids,
    ...laterSession,
    reason: 'Der Rat hat in der Sitzung vom 14.05.2012 beschlossen, nicht am 23.04.2012.',
  },
};

describe('correct a council resolution', () => {
  it('records the corrected resolution with its reason, keeping the first record in history', () =>
    spec.given([recorded]).when(correct()).then([corrected]));

  it('answers not found when nothing is recorded', () =>
    spec.given([]).when(correct()).thenThrows(NotFound, 'not-found'));

  it('answers not found to a municipality outside the application', () =>
    spec
      .given([recorded])
      .when(correct({ ags: '05913000', application: OBERHAUSEN_APPLICATION }))
      .thenThrows(NotFound, 'not-found'));

  it("refuses a member correcting another member's resolution", () => {
    const unna = readOparlResolution(kreisUnnaOparl());
    const unnaRecorded: CouncilResolutionEvent = {
      type: 'CouncilResolutionRecorded',
      data: {
        resolutionId: 'kkz-2011.05978000.05978000',
        applicationId: 'kkz-2011.05978000',
        callId: 'kkz-2011',
        ags: KREIS_UNNA.ags,
        body: 'county-assembly',
        proposal: 'Teilnahme',
        signOffs: [],
        ...unna,
      },
    };
    spec
      .given([unnaRecorded])
      .when(
        correct({
          resolutionId: 'kkz-2011.05978000.05978000',
          ags: KAMEN.ags,
          application: UNNA_APPLICATION,
          municipality: KAMEN,
        }),
      )
      .thenThrows(errors.NotResolutionOwner, 'not-resolution-owner');
  });

  it('refuses a correction without a reason', () =>
    spec
      .given([recorded])
      .when(correct({ reason: ' ' }))
      .thenThrows(errors.CorrectionReasonMissing, 'correction-reason-missing'));

  it('refuses a correction that changes nothing', () =>
    spec
      .given([recorded])
      .when(correct({ content: oberhausenResolution() }))
      .thenThrows(errors.CorrectionWithoutChange, 'correction-without-change'));

  it('compares with the corrected state, not the first record', () =>
    spec
      .given([recorded, corrected])
      .when(correct())
      .thenThrows(errors.CorrectionWithoutChange, 'correction-without-change'));

  it('applies the rules of a record to the correction', () =>
    spec
      .given([recorded])
      .when(correct({ content: oberhausenResolution({ resultDate: '2012-05-14' }) }))
      .thenThrows(errors.DecisionDateMismatch, 'decision-date-mismatch'));
});
