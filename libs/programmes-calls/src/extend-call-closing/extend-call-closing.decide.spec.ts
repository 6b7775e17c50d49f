import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { callClosing } from '../call-closing';
import { CallNotPublished, ClosingNotLater } from '../errors';
import { call2011Terms } from '../testing-fixtures';
import { extendCallClosingDecider } from './extend-call-closing.decide';

const spec = deciderSpecification(extendCallClosingDecider);
const drafted = { type: 'CallDrafted' as const, data: call2011Terms() };
const published = {
  type: 'CallPublished' as const,
  data: { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' },
};
const now = '2011-12-01T10:00:00.000Z';

describe('extend a call closing', () => {
  it('records the new closing with the previous one, the reason, who and when', () => {
    // Saturday 7 January 2012 under the statutory shift: Monday 9 January, 24:00 Berlin.
    const { closing, closesAt } = callClosing('2012-01-07', 'statutory-shift', 'NW');
    expect(closing.lastDay).toBe('2012-01-09');
    expect(closesAt).toBe('2012-01-09T23:00:00.000Z');
    spec
      .given([drafted, published])
      .when({ callId: 'kkz-2011', closing, closesAt, reason: 'Feiertage', by: 'office-1', now })
      .then([
        {
          type: 'CallClosingExtended',
          data: {
            callId: 'kkz-2011',
            closing,
            closesAt,
            previousClosesAt: '2011-12-15T23:00:00.000Z',
            reason: 'Feiertage',
            extendedBy: 'office-1',
            extendedAt: now,
          },
        },
      ]);
  });

  it('refuses a closing that is not later', () => {
    const { closing, closesAt } = callClosing('2011-12-15', 'fixed', 'NW');
    spec
      .given([drafted, published])
      .when({ callId: 'kkz-2011', closing, closesAt, reason: 'r', by: 'o', now })
      .thenThrows(ClosingNotLater, 'closing-not-later');
  });

  it('extends only a published call that is still open', () => {
    const { closing, closesAt } = callClosing('2012-01-31', 'fixed', 'NW');
    spec
      .given([drafted])
      .when({ callId: 'kkz-2011', closing, closesAt, reason: 'r', by: 'o', now })
      .thenThrows(CallNotPublished, 'call-not-published');
    spec
      .given([drafted, published])
      .when({ callId: 'kkz-2011', closing, closesAt, reason: 'r', by: 'o', now: '2011-12-16T00:00:00.000Z' })
      .thenThrows(CallNotPublished, 'call-not-published');
  });
});

describe('the closing rule (§ 31 (3) VwVfG NRW)', () => {
  it('moves a Sunday to the Monday under the statutory shift, keeps it when fixed', () => {
    expect(callClosing('2026-03-15', 'statutory-shift', 'NW')).toEqual({
      closing: { date: '2026-03-15', rule: 'statutory-shift', lastDay: '2026-03-16', holidayRegion: 'NW' },
      closesAt: '2026-03-16T23:00:00.000Z',
    });
    expect(callClosing('2026-03-15', 'fixed', 'NW').closesAt).toBe('2026-03-15T23:00:00.000Z');
  });

  it("counts the holidays of the programme's Land: Corpus Christi 2026 is one in NRW, not in Berlin", () => {
    // Thursday 4 June 2026 is Fronleichnam.
    expect(callClosing('2026-06-04', 'statutory-shift', 'NW').closing.lastDay).toBe('2026-06-05');
    expect(callClosing('2026-06-04', 'statutory-shift', 'BE').closing.lastDay).toBe('2026-06-04');
  });
});
