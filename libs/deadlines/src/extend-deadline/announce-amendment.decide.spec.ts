import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import type { DeadlineEvent } from '../deadline';
import { announceAmendmentDecider } from './announce-amendment.decide';

const spec = deciderSpecification(announceAmendmentDecider);

const opened: DeadlineEvent = {
  type: 'DeadlineOpened',
  data: {
    deadlineId: 'call-closes.dbl-2026',
    kind: 'call-closes',
    programmeId: 'dbl',
    subject: { callId: 'dbl-2026' },
    obligedAgs: [],
    dueDate: '2026-03-15',
    lastDay: '2026-03-16',
    dueAt: '2026-03-16T23:00:00.000Z',
    fixed: false,
    reminderOffsetsDays: [28, 14, 3],
    openedAt: '2026-01-10T09:00:00.000Z',
    cause: 'e-published',
  },
};
const obliged = (ags: string): DeadlineEvent => ({
  type: 'DeadlineObligationAdded',
  data: {
    deadlineId: 'call-closes.dbl-2026',
    ags,
    cause: `e-drafted-${ags}`,
    addedAt: '2026-01-12T09:00:00.000Z',
  },
});
const amendment = {
  deadlineId: 'call-closes.dbl-2026',
  reason: 'Haushaltssperre',
  changed: ['participants'],
  by: 'office-1',
  cause: 'e-amended',
  at: '2026-01-20T09:00:00.000Z',
};
const announced: DeadlineEvent = {
  type: 'DeadlineSubjectAmended',
  data: {
    deadlineId: 'call-closes.dbl-2026',
    reason: 'Haushaltssperre',
    changed: ['participants'],
    by: 'office-1',
    amendedAt: '2026-01-20T09:00:00.000Z',
    cause: 'e-amended',
    notify: ['05958004', '05966020'],
  },
};

describe('announce an amendment of a running deadline’s subject', () => {
  it('tells every municipality it obliges, once each', () =>
    spec
      .given([opened, obliged('05958004'), obliged('05966020')])
      .when(amendment)
      .then([announced]));

  it('records nothing twice for the same amendment (a replay)', () =>
    spec
      .given([opened, obliged('05958004'), obliged('05966020'), announced])
      .when(amendment)
      .then([]));

  it('records nothing once the deadline has ended', () =>
    spec
      .given([
        opened,
        {
          type: 'DeadlineMet',
          data: { deadlineId: 'call-closes.dbl-2026', metAt: '2026-03-17T00:00:00Z', by: 'x' },
        },
      ])
      .when(amendment)
      .then([]));
});
