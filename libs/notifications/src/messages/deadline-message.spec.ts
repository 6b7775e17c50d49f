import type { DeadlineFacts } from '../deadline-facts';
import { composeNotice, germanDate, lastDayOf } from './deadline-message';

const callCloses: DeadlineFacts = {
  deadlineId: 'kkz-2011.call-closes',
  kind: 'call-closes',
  subject: { callId: 'kkz-2011' },
  obligedAgs: ['05978000'],
  statedDueDate: '2011-12-15',
  dueAt: '2011-12-15T23:00:00.000Z',
  reminderOffsetsDays: [14, 7, 1, 0],
  status: 'open',
  missed: false,
  sequence: 0,
  changedAt: '2011-11-01T09:00:00.000Z',
};

describe('deadline notices in German', () => {
  it('names the last day of a deadline ending 24:00 Berlin time, in winter and summer', () => {
    expect(lastDayOf('2011-12-15T23:00:00.000Z')).toBe('2011-12-15');
    expect(lastDayOf('2012-05-14T22:00:00.000Z')).toBe('2012-05-14');
    expect(germanDate('2011-12-15')).toBe('Donnerstag, 15. Dezember 2011');
  });

  it('words a reminder with the deadline and its due date', () => {
    const notice = composeNotice(
      {
        type: 'DeadlineReminderIssued',
        data: {
          deadlineId: callCloses.deadlineId,
          kind: 'call-closes',
          offsetDays: 7,
          dueAt: callCloses.dueAt,
          obligedAgs: ['05978000'],
          issuedAt: '2011-12-08T08:00:00.000Z',
        },
      },
      callCloses,
    );
    expect(notice.type).toBe('reminder');
    expect(notice.headline).toBe(
      'Erinnerung: Interessensbekundung zum Aufruf kkz-2011 – Frist endet in 7 Tagen, am Donnerstag, 15. Dezember 2011',
    );
    expect(notice.text).toContain('am Donnerstag, 15. Dezember 2011 um 24:00 Uhr');
    expect(notice.deadline).toMatchObject({
      dueDate: '2011-12-15',
      title: 'Interessensbekundung zum Aufruf kkz-2011',
    });
    expect(notice).toMatchObject({ offsetDays: 7, at: '2011-12-08T08:00:00.000Z' });
  });

  it('names only the recipient among the applicants a call reminds; the grants office sees them all', () => {
    const cause = {
      type: 'DeadlineReminderIssued' as const,
      data: {
        deadlineId: 'call-closes.kkz-2011',
        kind: 'call-closes',
        offsetDays: 7,
        dueAt: callCloses.dueAt,
        obligedAgs: ['05978000', '05119000'],
        issuedAt: '2011-12-08T07:00:01.000Z',
      },
    };
    // The deadline itself was opened with nobody obliged: the reminder says whom it reminds.
    const opened = { ...callCloses, deadlineId: 'call-closes.kkz-2011', obligedAgs: [] };
    expect(composeNotice(cause, opened, '05978000').deadline.obligedAgs).toEqual(['05978000']);
    expect(composeNotice(cause, opened, '05119000').deadline.obligedAgs).toEqual(['05119000']);
    expect(composeNotice(cause, opened, null).deadline.obligedAgs).toEqual(['05978000', '05119000']);
  });

  it('says "heute" and "morgen" for the last reminders', () => {
    const reminder = (offsetDays: number) =>
      composeNotice(
        {
          type: 'DeadlineReminderIssued',
          data: { deadlineId: callCloses.deadlineId, offsetDays, dueAt: callCloses.dueAt },
        },
        callCloses,
      ).headline;
    expect(reminder(1)).toContain('Frist endet morgen, am Donnerstag, 15. Dezember 2011');
    expect(reminder(0)).toContain('Frist endet heute, am Donnerstag, 15. Dezember 2011');
  });

  it('words a missed deadline, and mentions a due date moved by § 193 BGB', () => {
    const moved = { ...callCloses, statedDueDate: '2012-05-12', dueAt: '2012-05-14T22:00:00.000Z' };
    const notice = composeNotice(
      {
        type: 'DeadlineMissed',
        data: { deadlineId: moved.deadlineId, dueAt: moved.dueAt, missedAt: moved.dueAt },
      },
      moved,
    );
    expect(notice.headline).toBe(
      'Frist versäumt: Interessensbekundung zum Aufruf kkz-2011 – fällig war Montag, 14. Mai 2012',
    );
    expect(notice.text).toContain('Genannter Termin: Samstag, 12. Mai 2012 (nach § 193 BGB');
  });

  it('words an escalation for the grants office with the municipalities concerned', () => {
    const notice = composeNotice(
      {
        type: 'DeadlineEscalated',
        data: { deadlineId: callCloses.deadlineId, at: '2011-12-16T08:00:00.000Z' },
      },
      callCloses,
    );
    expect(notice.type).toBe('escalated');
    expect(notice.headline).toContain('Eskalation: Interessensbekundung zum Aufruf kkz-2011 (AGS 05978000)');
  });

  it('words a notice without a date rather than failing on an unreadable due instant', () => {
    const notice = composeNotice(
      { type: 'DeadlineMissed', data: { deadlineId: 'd', dueAt: 'soon', missedAt: 'x' } },
      { ...callCloses, dueAt: 'soon', statedDueDate: 'someday' },
    );
    expect(notice.headline).toContain('fällig war unbekannt');
    expect(notice.deadline.dueDate).toBe('');
  });
});
