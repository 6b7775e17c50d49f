import type { RecordedEvent } from '@app/eventsourcing';
import { rebuild } from '@app/eventsourcing';
import type { EsfReportEvent } from '../esf-report';
import { accepted, opened, returned, submitted } from '../testing-fixtures';
import { esfReportsProjection } from './esf-reports.projection';
import { esfTotalsProjection } from './esf-totals.projection';

function recorded(events: EsfReportEvent[]): RecordedEvent[] {
  return events.map(
    (e, i) =>
      ({
        ...e,
        streamId: `esf-report-${(e.data as { reportId: string }).reportId}`,
        revision: i,
        position: i + 1,
        metadata: { eventId: `id-${i + 1}`, occurredAt: '2013-01-01T00:00:00.000Z' },
      }) as unknown as RecordedEvent,
  );
}

describe('ESF read models', () => {
  const history = recorded([opened(), submitted(1), returned(1), submitted(2), accepted(2)]);

  it('follow a report through return and resubmission to acceptance', () => {
    const view = rebuild(esfReportsProjection, history).byId.get('kkz.phase-1.05978000.2012');
    expect(view).toMatchObject({ status: 'accepted', submission: 2, revision: 4 });
    expect(view?.remarks).toBeUndefined();
    expect(view?.history.map((s) => `${s.step}@${s.position}`)).toEqual([
      'opened@1',
      'submitted@2',
      'returned@3',
      'submitted@4',
      'accepted@5',
    ]);
  });

  it('total only accepted figures, each traced to its event', () => {
    const lines = rebuild(esfTotalsProjection, history).get('kkz');
    expect(
      [...(lines?.values() ?? [])].map((l) => [
        l.year,
        l.source,
        l.cents,
        l.contributions.map((c) => c.position),
      ]),
    ).toEqual([
      [2012, 'esf', 860_000, [5]],
      [2012, 'land', 420_000, [5]],
      [2012, 'own', 440_000, [5]],
    ]);
    expect(rebuild(esfTotalsProjection, history.slice(0, 4)).size).toBe(0);
  });
});
