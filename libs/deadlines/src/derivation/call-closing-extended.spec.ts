import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { followCauseDecider } from '../extend-deadline/follow-cause.decide';
import { applyToDerivation, effectsFor } from './deadline-derivation';
import { calendar, fold, opened, recorded, record } from './derivation-testing';

const CALL = 'dbl-2026';
const ID = `call-closes.${CALL}`;
const drafted = () =>
  recorded(`call-${CALL}`, 'CallDrafted', {
    callId: CALL,
    programmeId: 'dbl',
    closingDate: '2026-03-15',
    closesAt: '2026-03-16T23:00:00.000Z',
    closing: { date: '2026-03-15', rule: 'statutory-shift', lastDay: '2026-03-16', holidayRegion: 'NW' },
  });
const published = () =>
  recorded(`call-${CALL}`, 'CallPublished', { callId: CALL, publishedAt: '2026-01-05T09:00:00.000Z' });
const extended = () =>
  recorded(`call-${CALL}`, 'CallClosingExtended', {
    callId: CALL,
    closing: { date: '2026-03-28', rule: 'statutory-shift', lastDay: '2026-03-30', holidayRegion: 'NW' },
    closesAt: '2026-03-30T22:00:00.000Z',
    previousClosesAt: '2026-03-16T23:00:00.000Z',
    reason: 'Osterferien',
    extendedBy: 'office-1',
    extendedAt: '2026-03-05T10:00:00.000Z',
  });
const newEnd = {
  dueDate: '2026-03-28',
  lastDay: '2026-03-30',
  dueAt: '2026-03-30T22:00:00.000Z',
  fixed: false,
};

describe('the call-closes deadline follows its call', () => {
  it('opens with the statutory-shifted last day of a v2 call (not fixed: the day was moved)', () => {
    expect(opened(fold([drafted(), published()]), ID)).toMatchObject({
      dueDate: '2026-03-15',
      lastDay: '2026-03-16',
      dueAt: '2026-03-16T23:00:00.000Z',
      fixed: false,
    });
  });

  it('an extension after the deadline was recorded asks the manager to follow, once', () => {
    const state = fold([drafted(), published()]);
    record(state, ID);
    const cause = extended();
    applyToDerivation(state, cause, calendar);
    expect(effectsFor(state, ID)).toEqual([
      {
        kind: 'follow',
        deadlineId: ID,
        move: {
          end: newEnd,
          reason: 'Osterferien',
          by: 'office-1',
          cause: cause.metadata.eventId,
          at: '2026-03-05T10:00:00.000Z',
        },
      },
    ]);
    // Once the deadline's stream says it ends there, nothing is asked again (a replay records nothing).
    applyToDerivation(
      state,
      recorded(`deadline-${ID}`, 'DeadlineExtended', {
        deadlineId: ID,
        ...newEnd,
        reason: 'Osterferien',
        by: 'office-1',
        extendedAt: '2026-03-05T10:00:00.000Z',
        notify: [],
      }),
      calendar,
    );
    expect(effectsFor(state, ID)).toEqual([]);
  });

  it('an extension before the deadline was recorded opens it at the new end', () => {
    const state = fold([drafted(), published(), extended()]);
    expect(opened(state, ID)).toMatchObject(newEnd);
    expect(effectsFor(state, ID).map((e) => e.kind)).toEqual(['open']);
  });

  it('an extension stored after the opening was written, before it was folded in, is followed', () => {
    // The manager wrote the opening (old end) on the publication; the extension came before it.
    const state = fold([drafted(), published()]);
    const openedAtOldEnd = opened(state, ID);
    const cause = extended();
    applyToDerivation(state, cause, calendar);
    applyToDerivation(state, recorded(`deadline-${ID}`, 'DeadlineOpened', openedAtOldEnd), calendar);
    expect(effectsFor(state, ID)).toEqual([
      expect.objectContaining({
        kind: 'follow',
        move: expect.objectContaining({ end: newEnd, cause: cause.metadata.eventId }),
      }),
    ]);
  });
});

describe('following the cause', () => {
  const spec = deciderSpecification(followCauseDecider);
  const openedEvent = {
    type: 'DeadlineOpened' as const,
    data: {
      deadlineId: ID,
      kind: 'call-closes' as const,
      programmeId: 'dbl',
      subject: { callId: CALL },
      obligedAgs: [],
      dueDate: '2026-03-15',
      lastDay: '2026-03-16',
      dueAt: '2026-03-16T23:00:00.000Z',
      fixed: false,
      reminderOffsetsDays: [14, 7, 1, 0],
      cause: 'e1',
      openedAt: '2026-01-05T09:00:00.000Z',
    },
  };
  const obliged = (ags: string) => ({
    type: 'DeadlineObligationAdded' as const,
    data: {
      deadlineId: ID,
      ags,
      applicationId: `${CALL}.${ags}`,
      cause: `d-${ags}`,
      addedAt: '2026-03-02T10:00:00.000Z',
    },
  });
  const command = {
    deadlineId: ID,
    end: newEnd,
    reason: 'Osterferien',
    by: 'office-1',
    cause: 'x',
    at: '2026-03-05T10:00:00.000Z',
  };

  it('extends the open deadline and names every municipality it obliged to be told', () =>
    spec
      .given([openedEvent, obliged('05978016'), obliged('05978000')])
      .when(command)
      .then([
        {
          type: 'DeadlineExtended',
          data: {
            deadlineId: ID,
            ...newEnd,
            reason: 'Osterferien',
            by: 'office-1',
            extendedAt: '2026-03-05T10:00:00.000Z',
            notify: ['05978016', '05978000'],
          },
        },
      ]));

  it('records nothing when the deadline already ends there', () =>
    spec
      .given([
        openedEvent,
        {
          type: 'DeadlineExtended',
          data: { deadlineId: ID, ...newEnd, reason: 'r', by: 'o', extendedAt: 'x' },
        },
      ])
      .when(command)
      .then([]));
});
