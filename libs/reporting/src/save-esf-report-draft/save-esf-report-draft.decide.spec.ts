import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import {
  EsfReportAlreadyAccepted,
  EsfReportAwaitingReview,
  EsfReportPeriodNotOpened,
  ExpenditureTotalMismatch,
  IndicatorTypeMismatch,
  InvalidReportFigures,
  UnknownIndicator,
} from '../errors';
import {
  accepted,
  DIGITAL_INDICATORS,
  GRANT_ID,
  opened,
  period2012,
  REPORT_2012,
  returned,
  spent,
  submitted,
} from '../testing-fixtures';
import { saveEsfReportDraftDecider } from './save-esf-report-draft.decide';

const spec = deciderSpecification(saveEsfReportDraftDecider);
const now = '2012-11-01T10:00:00.000Z';
const v1 = { esfCents: 800_000, landCents: 400_000, ownCents: 400_000 };
const expenditure = spent(800_000, 400_000, 400_000);
const sourceIds = ['esf', 'land', 'own'];

describe('save a draft ESF report', () => {
  it('keeps a partial draft, without the stated total, the v1 form as the sources esf, land and own', () =>
    spec
      .given([opened()])
      .when({
        reportId: REPORT_2012,
        sourceIds,
        content: { expenditure: { ...v1, totalCents: 1_600_000 } },
        now,
      })
      .then([
        {
          type: 'ReportDraftSaved',
          data: { reportId: REPORT_2012, grantId: GRANT_ID, ags: '05978000', expenditure, savedAt: now },
        },
      ]));

  it('lets a returned report be worked on again', () =>
    spec
      .given([opened(), submitted(), returned()])
      .when({ reportId: REPORT_2012, sourceIds, content: { narrative: 'korrigiert' }, now })
      .then([
        {
          type: 'ReportDraftSaved',
          data: {
            reportId: REPORT_2012,
            grantId: GRANT_ID,
            ags: '05978000',
            narrative: 'korrigiert',
            savedAt: now,
          },
        },
      ]));

  it('refuses a draft for a period not opened', () =>
    spec
      .given([])
      .when({ reportId: REPORT_2012, sourceIds, content: {}, now })
      .thenThrows(EsfReportPeriodNotOpened, 'esf-report-period-not-opened'));

  it('refuses to change a report awaiting review or accepted', () => {
    spec
      .given([opened(), submitted()])
      .when({ reportId: REPORT_2012, sourceIds, content: {}, now })
      .thenThrows(EsfReportAwaitingReview);
    spec
      .given([opened(), submitted(), accepted()])
      .when({ reportId: REPORT_2012, sourceIds, content: {}, now })
      .thenThrows(EsfReportAlreadyAccepted, 'esf-report-already-accepted');
  });

  it('refuses negative or fractional figures and a total that does not add up', () => {
    spec
      .given([opened()])
      .when({ reportId: REPORT_2012, sourceIds, content: { expenditure: { ...v1, esfCents: -1 } }, now })
      .thenThrows(InvalidReportFigures, 'invalid-report-figures');
    spec
      .given([opened()])
      .when({ reportId: REPORT_2012, sourceIds, content: { indicators: { participants: 1.5 } }, now })
      .thenThrows(IndicatorTypeMismatch, 'indicator-type');
    spec
      .given([opened()])
      .when({
        reportId: REPORT_2012,
        sourceIds,
        content: { expenditure: { ...v1, totalCents: 1_600_001 } },
        now,
      })
      .thenThrows(ExpenditureTotalMismatch, 'expenditure-total-mismatch');
  });

  it('refuses an indicator the catalogue does not name already in a draft, and leaves required ones to the submission', () => {
    spec
      .given([opened()])
      .when({ reportId: REPORT_2012, sourceIds, content: { indicators: { treesPlanted: 3 } }, now })
      .thenThrows(UnknownIndicator, 'unknown-indicator');
    spec
      .given([opened({ ...period2012, indicators: DIGITAL_INDICATORS })])
      .when({
        reportId: REPORT_2012,
        sourceIds,
        content: { indicators: { fachkraefteQualifiziert: 3 } },
        now,
      })
      .then([
        {
          type: 'ReportDraftSaved',
          data: {
            reportId: REPORT_2012,
            grantId: GRANT_ID,
            ags: '05978000',
            indicators: { fachkraefteQualifiziert: 3 },
            savedAt: now,
          },
        },
      ]);
  });
});
