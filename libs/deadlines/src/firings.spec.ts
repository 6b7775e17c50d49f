import { type DeadlineState, evolveDeadline } from './deadline';
import { firingJobId, nextFiring, pendingFirings, reminderMoment } from './firings';
import { callClosesOpened, obligationAdded, obligationMet, reportDueOpened } from './testing-fixtures';

const open = (overrides = {}) =>
  evolveDeadline({ status: 'none' }, reportDueOpened(overrides)) as Exclude<
    DeadlineState,
    { status: 'none' }
  >;

describe('firings of a deadline', () => {
  it('plans each reminder at 08:00 Berlin time and the due moment at 24:00, in winter and summer', () => {
    expect(reminderMoment('2012-11-30', 14)).toBe('2012-11-16T07:00:00.000Z');
    expect(reminderMoment('2012-06-29', 0)).toBe('2012-06-29T06:00:00.000Z');
    expect(pendingFirings(open()).map((f) => [f.firing, f.offsetDays, f.fireAt])).toEqual([
      ['reminder', 14, '2012-11-16T07:00:00.000Z'],
      ['reminder', 7, '2012-11-23T07:00:00.000Z'],
      ['reminder', 1, '2012-11-29T07:00:00.000Z'],
      ['reminder', 0, '2012-11-30T07:00:00.000Z'],
      ['due', undefined, '2012-11-30T23:00:00.000Z'],
    ]);
  });

  it('leaves out reminders before the opening, those issued and those a closer one superseded', () => {
    const skipped = open();
    skipped.reminders.push({ offsetDays: 7, dueAt: '2012-11-30T23:00:00.000Z' });
    expect(pendingFirings(skipped).map((f) => f.offsetDays ?? 'due')).toEqual([1, 0, 'due']);
    const state = open({ openedAt: '2012-11-20T10:00:00.000Z' });
    state.reminders.push({ offsetDays: 7, dueAt: '2012-11-30T23:00:00.000Z' });
    expect(pendingFirings(state).map((f) => f.offsetDays ?? 'due')).toEqual([1, 0, 'due']);
  });

  it('queues one firing at a time: the next, or after an outage the freshest overdue one', () => {
    const state = open();
    const at = (iso: string) => Date.parse(iso);
    expect(nextFiring(state, at('2012-10-02T00:00:00.000Z'))?.offsetDays).toBe(14);
    state.reminders.push({ offsetDays: 14, dueAt: '2012-11-30T23:00:00.000Z' });
    expect(nextFiring(state, at('2012-11-17T00:00:00.000Z'))?.offsetDays).toBe(7);
    // Down from 20 to 29 Nov: the 7- and 1-day reminders are overdue; only the 1-day one goes out.
    expect(nextFiring(state, at('2012-11-29T09:00:00.000Z'))?.offsetDays).toBe(1);
    expect(nextFiring(state, at('2012-12-01T00:00:00.000Z'))?.firing).toBe('due');
  });

  it('names jobs without ":" (BullMQ refuses it), one id per rung and due moment', () => {
    const id = firingJobId({
      deadlineId: 'esf-report-due.g.2012',
      firing: 'reminder',
      offsetDays: 7,
      dueAt: '2012-11-30T23:00:00.000Z',
    });
    expect(id).toBe('deadline|esf-report-due.g.2012|reminder-7|20121130T230000Z');
    expect(firingJobId({ deadlineId: 'x', firing: 'due', dueAt: '2012-12-17T23:00:00.000Z' })).toBe(
      'deadline|x|due|20121217T230000Z',
    );
  });

  it('plans a call’s closing reminders only while someone is obliged, from the first draft on', () => {
    const call = (...events: Parameters<typeof evolveDeadline>[1][]) =>
      events.reduce(evolveDeadline, { status: 'none' } as DeadlineState) as Exclude<
        DeadlineState,
        { status: 'none' }
      >;
    const planned = (state: Exclude<DeadlineState, { status: 'none' }>) =>
      pendingFirings(state).map((f) => f.offsetDays ?? 'due');
    expect(planned(call(callClosesOpened()))).toEqual(['due']);
    // Drafted on 5 Dec: the 14-day reminder (1 Dec) lay before it.
    const drafted = call(callClosesOpened(), obligationAdded('05978000', '2011-12-05T10:00:00.000Z'));
    expect(planned(drafted)).toEqual([7, 1, 0, 'due']);
    const submitted = call(
      callClosesOpened(),
      obligationAdded('05978000', '2011-12-05T10:00:00.000Z'),
      obligationMet('05978000', '2011-12-10T10:00:00.000Z'),
    );
    expect(planned(submitted)).toEqual(['due']);
  });

  it('after a firing, queues one planned after it, even when that firing reminded nobody', () => {
    const state = open();
    const at = Date.parse('2012-11-16T07:00:01.000Z');
    expect(nextFiring(state, at)?.offsetDays).toBe(14);
    expect(nextFiring(state, at, '2012-11-16T07:00:00.000Z')?.offsetDays).toBe(7);
  });
});
