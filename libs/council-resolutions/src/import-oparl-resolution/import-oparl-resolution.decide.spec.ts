import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import type { CouncilResolutionEvent } from '../council-resolution';
import { ResultDateInFuture, SignOffAfterResult, CouncilResolutionExists } from '../errors';
import { OparlResultUnreadable } from '../oparl/oparl-errors';
import { readOparlResolution } from '../oparl/oparl-resolution';
import {
  KREIS_UNNA,
  kreisUnnaOparl,
  kreisUnnaStated,
  UNNA_APPLICATION,
  UNNA_PROPOSAL,
} from '../testing-fixtures';
import { type ImportOparlResolution, importOparlResolutionDecider } from './import-oparl-resolution.decide';

const spec = deciderSpecification(importOparlResolutionDecider);

function importing(overrides: Partial<ImportOparlResolution> = {}): ImportOparlResolution {
  return {
    applicationId: 'kkz-2011.05978000',
    ags: KREIS_UNNA.ags,
    application: UNNA_APPLICATION,
    municipality: KREIS_UNNA,
    today: '2012-03-01',
    documents: kreisUnnaOparl(),
    stated: kreisUnnaStated(),
    ...overrides,
  };
}

const read = readOparlResolution(kreisUnnaOparl());
const recorded: CouncilResolutionEvent = {
  type: 'CouncilResolutionRecorded',
  data: {
    resolutionId: 'kkz-2011.05978000.05978000',
    applicationId: 'kkz-2011.05978000',
    callId: 'kkz-2011',
    ags: '05978000',
    body: 'county-assembly',
    paper: read.paper,
    proposal: UNNA_PROPOSAL,
    ...kreisUnnaStated(),
    consultations: read.consultations,
    result: 'approved',
    resultDate: '2012-02-28',
    source: read.source,
  },
};

describe('import a council resolution from OParl', () => {
  it("records Kreis Unna's Kreistag resolution with the sign-offs and money stated beside it", () =>
    spec.given([]).when(importing()).then([recorded]));

  it('takes a stated proposal over the resolution text, and falls back to the paper title', () => {
    spec
      .given([])
      .when(importing({ stated: { ...kreisUnnaStated(), proposal: 'Beschlussvorschlag laut Vorlage' } }))
      .then([{ ...recorded, data: { ...recorded.data, proposal: 'Beschlussvorschlag laut Vorlage' } }]);
    const documents = kreisUnnaOparl();
    delete documents.agendaItem.resolutionText;
    const { resolutionText: _text, ...source } = read.source;
    spec
      .given([])
      .when(importing({ documents }))
      .then([{ ...recorded, data: { ...recorded.data, proposal: read.paper.title as string, source } }]);
  });

  it('refuses a document it cannot read, naming the result text', () => {
    const documents = kreisUnnaOparl();
    documents.agendaItem.result = 'erledigt';
    spec
      .given([])
      .when(importing({ documents }))
      .thenThrows(OparlResultUnreadable, 'oparl-result-unreadable');
  });

  it('answers not found to a municipality outside the application before reading any document', () =>
    spec
      .given([])
      .when(importing({ ags: '05913000', documents: { paper: null, agendaItem: null } }))
      .thenThrows(NotFound, 'not-found'));

  it('refuses a second record before reading any document', () =>
    spec
      .given([recorded])
      .when(importing({ documents: { paper: null, agendaItem: null } }))
      .thenThrows(CouncilResolutionExists, 'council-resolution-exists'));

  it('applies the rules of a manual record to what OParl says', () => {
    spec
      .given([])
      .when(importing({ today: '2012-02-27' }))
      .thenThrows(ResultDateInFuture, 'result-date-in-future');
    spec
      .given([])
      .when(
        importing({ stated: { signOffs: [{ role: 'treasurer', name: 'Kämmerei', date: '2012-03-01' }] } }),
      )
      .thenThrows(SignOffAfterResult, 'sign-off-after-result');
  });
});
