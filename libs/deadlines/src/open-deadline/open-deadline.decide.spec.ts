import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import type { DeadlineOpenedData } from '../deadline';
import { reportDueOpened } from '../testing-fixtures';
import { openDeadlineDecider } from './open-deadline.decide';

const spec = deciderSpecification(openDeadlineDecider);
const opened = reportDueOpened().data as DeadlineOpenedData;

describe('open a deadline', () => {
  it('opens the deadline an obligation calls for', () =>
    spec
      .given([])
      .when({ opened })
      .then([{ type: 'DeadlineOpened', data: opened }]));

  it('opens it once however often the obligation is seen', () =>
    spec.given([reportDueOpened()]).when({ opened }).then([]));
});
