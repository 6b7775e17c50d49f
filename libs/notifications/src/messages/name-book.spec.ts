import { composeNotice } from './deadline-message';
import { deadlineMail, mailLinks } from './deadline-mail';
import { NameBook, periodName, periodNameEn, phaseName } from './name-book';

const GRANT = 'kkz.phase-2.05978000';
const REPORT = `${GRANT}.2018`;

function book(): NameBook {
  const names = new NameBook((ags) => (ags === '05978000' ? 'Kreis Unna' : undefined));
  names.apply({
    type: 'ProgrammeCreated',
    data: { programmeId: 'kkz', title: 'Kommunale Präventionsketten' },
  });
  names.apply({
    type: 'GrantNoticeIssued',
    data: { grantId: GRANT, programmeId: 'kkz', phaseId: 'phase-2', ags: '05978000' },
  });
  names.apply({
    type: 'ReportPeriodOpened',
    data: {
      reportId: REPORT,
      grantId: GRANT,
      periodId: '2018',
      from: '2018-01-01',
      to: '2018-12-31',
      indicators: [{ indicatorId: 'publicAdministrationsSupported', catalogue: 'esf-common-indicators' }],
    },
  });
  names.apply({ type: 'CallDrafted', data: { callId: 'kkz-2011', title: 'Präventionsketten 2011' } });
  names.apply({
    type: 'ExpressionOfInterestDrafted',
    data: {
      applicationId: 'kkz-2011.05119000',
      callId: 'kkz-2011',
      applicant: { ags: '05119000', name: 'Oberhausen' },
    },
  });
  return names;
}

describe('names in what people read', () => {
  it('names a report by period, municipality and phase', () =>
    expect(book().deadlineTitle('esf-report-due', { grantId: GRANT, reportId: REPORT })).toBe(
      'ESF-Bericht 2018 – Kreis Unna (Förderphase II)',
    ));

  it('says "Zwischenbericht", without a Förderphase, where the programme reports no ESF indicators', () => {
    const names = book();
    const grant = 'dbl-2026.0001';
    names.apply({
      type: 'GrantNoticeIssued',
      data: { grantId: grant, programmeId: 'dbl-2026', phaseId: 'aufbau', ags: '05978000' },
    });
    names.apply({
      type: 'ReportPeriodOpened',
      data: {
        reportId: `${grant}.2026-Q2`,
        grantId: grant,
        periodId: '2026-Q2',
        from: '2026-04-01',
        to: '2026-06-30',
        indicators: [{ indicatorId: 'schulenAngebunden', name: 'Schulen angebunden' }],
      },
    });
    expect(names.deadlineTitle('esf-report-due', { grantId: grant, reportId: `${grant}.2026-Q2` })).toBe(
      'Zwischenbericht 2. Quartal 2026 – Kreis Unna',
    );
  });

  it('names calls by title and applications by the applicant the application states', () => {
    expect(book().deadlineTitle('call-closes', { callId: 'kkz-2011' })).toBe(
      'Interessensbekundung zum Aufruf „Präventionsketten 2011“',
    );
    expect(book().deadlineTitle('council-resolution-due', { applicationId: 'kkz-2011.05119000' })).toBe(
      'Ratsbeschluss zur Bewerbung von Oberhausen',
    );
  });

  it('does not say "Aufruf" twice for a call whose title names itself', () => {
    const names = book();
    names.apply({ type: 'CallDrafted', data: { callId: 'c', title: 'Aufruf zur Interessensbekundung „X“' } });
    expect(names.deadlineTitle('call-closes', { callId: 'c' })).toBe(
      'Einreichung zum Aufruf zur Interessensbekundung „X“',
    );
  });

  it('knows nothing of a subject the store never named', () =>
    expect(book().deadlineTitle('phase-ends', { grantId: 'kkz.phase-1.05978000' })).toBeUndefined());

  it('words deadline titles and periods in English for documents asked for in English, names as stated', () => {
    const names = book();
    expect(names.deadlineTitleEn('esf-report-due', { reportId: REPORT })).toBe(
      'ESF report 2018 – Kreis Unna (Förderphase II)',
    );
    expect(names.deadlineTitleEn('call-closes', { callId: 'kkz-2011' })).toBe(
      'Expression of interest for the call “Präventionsketten 2011”',
    );
    expect(names.deadlineTitleEn('council-resolution-due', { applicationId: 'kkz-2011.05119000' })).toBe(
      'Council resolution on the application of Oberhausen',
    );
    expect(names.deadlineTitleEn('proof-of-use-due', { grantId: GRANT })).toBe(
      'Proof of use – Kreis Unna (Förderphase II)',
    );
    expect(names.deadlineTitleEn('survey-closes', { surveyId: 'unknown' })).toBeUndefined();
    expect(periodNameEn('2018-H1')).toBe('H1 2018');
    expect(periodNameEn('2026-Q3')).toBe('Q3 2026');
    expect(periodNameEn('x', '2026-03-01', '2026-05-31')).toBe('2026-03-01 – 2026-05-31');
    // the German wording is unchanged
    expect(names.deadlineTitle('esf-report-due', { reportId: REPORT })).toBe(
      'ESF-Bericht 2018 – Kreis Unna (Förderphase II)',
    );
  });

  it('words periods and phases in German', () => {
    expect(periodName('2018-H1')).toBe('1. Halbjahr 2018');
    expect(periodName('2026-Q3')).toBe('3. Quartal 2026');
    expect(phaseName(2)).toBe('Förderphase II');
  });

  it('words a notice and its e-mail with the names, the ids kept as fields', () => {
    const notice = composeNotice(
      {
        type: 'DeadlineReminderIssued',
        data: {
          deadlineId: `esf-report-due.${REPORT}`,
          kind: 'esf-report-due',
          offsetDays: 1,
          dueAt: '2019-04-30T22:00:00.000Z',
          obligedAgs: ['05978000'],
          issuedAt: '2019-04-29T06:00:00.000Z',
        },
      },
      {
        deadlineId: `esf-report-due.${REPORT}`,
        kind: 'esf-report-due',
        subject: { grantId: GRANT, reportId: REPORT },
        obligedAgs: ['05978000'],
        statedDueDate: '2019-04-30',
        dueAt: '2019-04-30T22:00:00.000Z',
        reminderOffsetsDays: [1],
        status: 'open',
        missed: false,
        sequence: 0,
        changedAt: '2018-01-01T00:00:00.000Z',
      },
      '05978000',
      book(),
    );
    expect(notice.headline).toBe(
      'Erinnerung: ESF-Bericht 2018 – Kreis Unna (Förderphase II) – Frist endet morgen, am Dienstag, 30. April 2019',
    );
    expect(notice.deadline.deadlineId).toBe(`esf-report-due.${REPORT}`);
    expect(notice.text).not.toContain(GRANT);
    const mail = deadlineMail(
      notice,
      mailLinks('https://foerderung.nrw.de', notice, { ags: '05978000', token: 'abc' }),
    );
    expect(mail.text).toContain(
      'Fristenkalender abonnieren: https://foerderung.nrw.de/calendar/05978000/abc.ics',
    );
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain('<a href="https://foerderung.nrw.de/inbox">Zum Posteingang</a>');
    expect(deadlineMail(notice, mailLinks(undefined, notice)).html).not.toContain('<a ');
  });
});
