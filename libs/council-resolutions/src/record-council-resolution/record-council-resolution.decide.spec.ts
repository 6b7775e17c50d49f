import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import type { CouncilResolutionEvent } from '../council-resolution';
import * as errors from '../errors';
import {
  KAMEN,
  KREIS_UNNA,
  OBERHAUSEN,
  OBERHAUSEN_APPLICATION,
  oberhausenResolution,
  UNNA_APPLICATION,
} from '../testing-fixtures';
import {
  type RecordCouncilResolution,
  recordCouncilResolutionDecider,
} from './record-council-resolution.decide';

const spec = deciderSpecification(recordCouncilResolutionDecider);

function record(overrides: Partial<RecordCouncilResolution> = {}): RecordCouncilResolution {
  return {
    applicationId: 'kkz-2011.05119000',
    ags: OBERHAUSEN.ags,
    application: OBERHAUSEN_APPLICATION,
    municipality: OBERHAUSEN,
    content: oberhausenResolution(),
    today: '2012-05-02',
    ...overrides,
  };
}

const recorded: CouncilResolutionEvent = {
  type: 'CouncilResolutionRecorded',
  data: {
    resolutionId: 'kkz-2011.05119000.05119000',
    applicationId: 'kkz-2011.05119000',
    callId: 'kkz-2011',
    ags: '05119000',
    ...oberhausenResolution(),
  },
};

const withContent = (change: Partial<ReturnType<typeof oberhausenResolution>>) =>
  record({ content: oberhausenResolution(change) });

const kamenConsultation = {
  committee: 'Rat der Stadt Kamen',
  stage: 'decision' as const,
  date: '2012-03-20',
};

describe('record a council resolution', () => {
  it("records Oberhausen's Ratsbeschluss with its sign-offs and consultation", () =>
    spec.given([]).when(record()).then([recorded]));

  it('lets a member of a joint application record its own council resolution', () =>
    spec
      .given([])
      .when(
        record({
          applicationId: 'kkz-2011.05978000',
          ags: KAMEN.ags,
          application: UNNA_APPLICATION,
          municipality: KAMEN,
          content: oberhausenResolution({
            paper: { reference: 'Vorlage 23/2012', type: 'Beschlussvorlage' },
            signOffs: [],
            consultations: [kamenConsultation],
            resultDate: '2012-03-20',
          }),
        }),
      )
      .then([
        {
          type: 'CouncilResolutionRecorded',
          data: expect.objectContaining({
            resolutionId: 'kkz-2011.05978000.05978020',
            applicationId: 'kkz-2011.05978000',
            ags: '05978020',
            body: 'council',
          }) as never,
        },
      ]));

  it('accepts a result dated today', () =>
    spec
      .given([])
      .when(record({ today: '2012-04-23' }))
      .then([recorded]));

  it('accepts a noted paper without a deciding consultation', () =>
    spec
      .given([])
      .when(withContent({ result: 'noted', consultations: [] }))
      .then([
        { type: 'CouncilResolutionRecorded', data: { ...recorded.data, result: 'noted', consultations: [] } },
      ]));

  it('answers not found for an expression of interest that does not exist', () =>
    spec
      .given([])
      .when(record({ application: undefined }))
      .thenThrows(NotFound, 'not-found'));

  it('answers not found to a municipality that takes no part in the expression of interest', () =>
    spec
      .given([])
      .when(record({ application: UNNA_APPLICATION, applicationId: 'kkz-2011.05978000' }))
      .thenThrows(NotFound, 'not-found'));

  it('refuses a second record: a change is a correction', () =>
    spec
      .given([recorded])
      .when(record())
      .thenThrows(errors.CouncilResolutionExists, 'council-resolution-exists'));

  it('refuses a municipality the registry does not know', () =>
    spec
      .given([])
      .when(record({ municipality: undefined }))
      .thenThrows(errors.UnknownMunicipality));

  it("refuses a Rat's resolution for a Kreis and a Kreistag's for a city", () => {
    spec
      .given([])
      .when(
        record({
          application: UNNA_APPLICATION,
          applicationId: 'kkz-2011.05978000',
          ags: KREIS_UNNA.ags,
          municipality: KREIS_UNNA,
        }),
      )
      .thenThrows(errors.CouncilBodyMismatch, 'council-body-mismatch');
    spec
      .given([])
      .when(withContent({ body: 'county-assembly' }))
      .thenThrows(errors.CouncilBodyMismatch, 'council-body-mismatch');
  });

  it('refuses a result dated after today', () =>
    spec
      .given([])
      .when(record({ today: '2012-04-22' }))
      .thenThrows(errors.ResultDateInFuture, 'result-date-in-future'));

  it('refuses dates that are no real days or lie outside 2000–2100', () => {
    spec
      .given([])
      .when(withContent({ signOffs: [{ role: 'mayor', name: 'Wehling', date: '1899-04-16' }] }))
      .thenThrows(errors.ResolutionDateImplausible, 'resolution-date-implausible');
    spec
      .given([])
      .when(
        withContent({ paper: { reference: 'B/17/1797-01', type: 'Beschlussvorlage', date: '2012-02-30' } }),
      )
      .thenThrows(errors.ResolutionDateImplausible);
  });

  it('refuses a sign-off dated after the council decided', () =>
    spec
      .given([])
      .when(withContent({ signOffs: [{ role: 'treasurer', name: 'Kämmerer', date: '2012-04-24' }] }))
      .thenThrows(errors.SignOffAfterResult, 'sign-off-after-result'));

  it('refuses a paper dated after the council decided', () =>
    spec
      .given([])
      .when(
        withContent({ paper: { reference: 'B/17/1797-01', type: 'Beschlussvorlage', date: '2012-04-30' } }),
      )
      .thenThrows(errors.PaperAfterResult, 'paper-after-result'));

  it('refuses consultations listed against time', () =>
    spec
      .given([])
      .when(
        withContent({
          consultations: [
            { committee: 'Jugendhilfeausschuss', stage: 'preliminary', date: '2012-04-19' },
            { committee: 'Hauptausschuss', stage: 'preliminary', date: '2012-04-18' },
            { committee: 'Rat der Stadt Oberhausen', stage: 'decision', date: '2012-04-23' },
          ],
        }),
      )
      .thenThrows(errors.ConsultationsOutOfOrder, 'consultations-out-of-order'));

  it('refuses a consultation after the decision on the same day', () =>
    spec
      .given([])
      .when(
        withContent({
          consultations: [
            { committee: 'Rat der Stadt Oberhausen', stage: 'decision', date: '2012-04-23' },
            { committee: 'Bezirksvertretung', stage: 'notice', date: '2012-04-23' },
          ],
        }),
      )
      .thenThrows(errors.ConsultationsOutOfOrder, 'consultations-out-of-order'));

  it('refuses a consultation held after the result', () =>
    spec
      .given([])
      .when(
        withContent({
          result: 'noted',
          consultations: [{ committee: 'Rat', stage: 'notice', date: '2012-04-24' }],
        }),
      )
      .thenThrows(errors.ConsultationAfterResult, 'consultation-after-result'));

  it.each(['approved', 'rejected', 'amended'] as const)(
    'refuses %s without a deciding consultation',
    (result) =>
      spec
        .given([])
        .when(
          withContent({
            result,
            consultations: [{ committee: 'Jugendhilfeausschuss', stage: 'preliminary', date: '2012-04-19' }],
          }),
        )
        .thenThrows(errors.DecisionConsultationMissing, 'decision-consultation-missing'),
  );

  it('refuses two deciding consultations', () =>
    spec
      .given([])
      .when(
        withContent({
          consultations: [
            { committee: 'Hauptausschuss', stage: 'decision', date: '2012-04-23' },
            { committee: 'Rat der Stadt Oberhausen', stage: 'decision', date: '2012-04-23' },
          ],
        }),
      )
      .thenThrows(errors.DecisionConsultationDuplicated, 'decision-consultation-duplicated'));

  it('refuses a decision held on another day than the result', () =>
    spec
      .given([])
      .when(withContent({ consultations: [{ committee: 'Rat', stage: 'decision', date: '2012-04-20' }] }))
      .thenThrows(errors.DecisionDateMismatch, 'decision-date-mismatch'));

  it('refuses a decision whose result contradicts the final result', () =>
    spec
      .given([])
      .when(
        withContent({
          consultations: [{ committee: 'Rat', stage: 'decision', date: '2012-04-23', result: 'rejected' }],
        }),
      )
      .thenThrows(errors.DecisionResultMismatch, 'decision-result-mismatch'));

  it('refuses an amount of money on a paper without financial consequences', () =>
    spec
      .given([])
      .when(withContent({ financialConsequences: { hasConsequences: false, amountCents: 6_400_000 } }))
      .thenThrows(errors.FinancialConsequencesInconsistent, 'financial-consequences-inconsistent'));

  it('refuses a blank proposal', () =>
    spec
      .given([])
      .when(withContent({ proposal: '  ' }))
      .thenThrows(errors.ProposalMissing, 'proposal-missing'));
});
