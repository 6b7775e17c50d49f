import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { CALL_DEADLINE, callClosesOpened, obligationAdded, obligationMet } from '../testing-fixtures';
import { recordObligationDecider } from './record-obligation.decide';

const spec = deciderSpecification(recordObligationDecider);
const UNNA = '05978000';
const add = (at = '2011-11-20T10:00:00.000Z') => ({
  change: 'add' as const,
  deadlineId: CALL_DEADLINE,
  ags: UNNA,
  applicationId: `kkz-2011.${UNNA}`,
  cause: `drafted-${UNNA}`,
  at,
});
const meet = (at = '2011-12-10T11:00:00.000Z') => ({
  change: 'meet' as const,
  deadlineId: CALL_DEADLINE,
  ags: UNNA,
  applicationId: `kkz-2011.${UNNA}`,
  by: `submitted-${UNNA}`,
  at,
});

describe('record a lead applicant’s obligation by the call’s closing', () => {
  it('obliges the lead applicant from its draft', () =>
    spec
      .given([callClosesOpened()])
      .when(add())
      .then([obligationAdded(UNNA, '2011-11-20T10:00:00.000Z')]));

  it('releases it once it has submitted', () =>
    spec
      .given([callClosesOpened(), obligationAdded(UNNA, '2011-11-20T10:00:00.000Z')])
      .when(meet())
      .then([obligationMet(UNNA, '2011-12-10T11:00:00.000Z')]));

  it('records each change once: a replay or a second worker records nothing more', () => {
    spec
      .given([callClosesOpened(), obligationAdded(UNNA, '2011-11-20T10:00:00.000Z')])
      .when(add())
      .then([]);
    spec
      .given([
        callClosesOpened(),
        obligationAdded(UNNA, '2011-11-20T10:00:00.000Z'),
        obligationMet(UNNA, '2011-12-10T11:00:00.000Z'),
      ])
      .when(meet())
      .then([]);
  });

  it('takes no obligation for a call that has closed or a deadline never opened, and releases none never taken', () => {
    spec
      .given([
        callClosesOpened(),
        {
          type: 'DeadlineMet',
          data: { deadlineId: CALL_DEADLINE, metAt: '2011-12-15T23:00:00.000Z', by: 'closed', elapsed: true },
        },
      ])
      .when(add('2011-12-16T09:00:00.000Z'))
      .then([]);
    spec.given([]).when(add()).then([]);
    spec.given([callClosesOpened()]).when(meet()).then([]);
  });
});
