import { applyToDerivation, effectsFor, outstandingDeadlineIds } from './deadline-derivation';
import { calendar, fold, opened, recorded } from './derivation-testing';

describe('deadlines derived from the obligations in the history', () => {
  it('opens the call-closes deadline when the call is published, at the call’s own closing instant', () => {
    const state = fold([
      recorded('call-kkz-2011', 'CallDrafted', {
        callId: 'kkz-2011',
        programmeId: 'kkz',
        closingDate: '2011-12-15',
        closesAt: '2011-12-15T23:00:00.000Z',
      }),
      recorded(
        'call-kkz-2011',
        'CallPublished',
        { callId: 'kkz-2011', publishedAt: '2011-11-09T09:00:00.000Z' },
        '2011-11-09T09:00:00.000Z',
      ),
    ]);
    expect(opened(state, 'call-closes.kkz-2011')).toEqual({
      deadlineId: 'call-closes.kkz-2011',
      kind: 'call-closes',
      programmeId: 'kkz',
      subject: { callId: 'kkz-2011' },
      obligedAgs: [],
      dueDate: '2011-12-15',
      lastDay: '2011-12-15',
      dueAt: '2011-12-15T23:00:00.000Z',
      fixed: true,
      reminderOffsetsDays: [14, 7, 1, 0],
      cause: 'event-2',
      openedAt: '2011-11-09T09:00:00.000Z',
    });
  });

  it('opens one council-resolution deadline per municipality that promised one, met by an approving resolution', () => {
    const events = [
      recorded('selection-kkz-2011.05978000', 'SubmissionSelected', {
        applicationId: 'kkz-2011.05978000',
        callId: 'kkz-2011',
        programmeId: 'kkz',
        ags: '05978000',
        members: ['05978020'],
        councilResolutionDue: { ags: ['05978000', '05978020'], dueDate: '2012-05-19' },
      }),
      recorded('council-resolution-kkz-2011.05978000.05978020', 'CouncilResolutionRecorded', {
        applicationId: 'kkz-2011.05978000',
        ags: '05978020',
        result: 'rejected',
      }),
    ];
    let state = fold(events);
    // Saturday 19 May 2012: the period ends on Monday 21 May.
    expect(opened(state, 'council-resolution-due.kkz-2011.05978000.05978000')).toMatchObject({
      obligedAgs: ['05978000'],
      lastDay: '2012-05-21',
      dueAt: '2012-05-21T22:00:00.000Z',
    });
    expect(opened(state, 'council-resolution-due.kkz-2011.05978000.05978020')).toBeDefined();
    const approval = recorded('council-resolution-kkz-2011.05978000.05978020', 'CouncilResolutionRecorded', {
      applicationId: 'kkz-2011.05978000',
      ags: '05978020',
      result: 'approved',
    });
    state = fold([...events, approval]);
    expect(state.fulfilments.get('council-resolution-due.kkz-2011.05978000.05978020')).toMatchObject({
      by: approval.metadata.eventId,
    });
    expect(state.fulfilments.has('council-resolution-due.kkz-2011.05978000.05978000')).toBe(false);
  });

  it('derives the phase end and the proof of use from a grant notice, under the programme’s rules version', () => {
    const state = fold([
      recorded('programme-kkz', 'ProgrammeRulesAdopted', {
        programmeId: 'kkz',
        version: 2,
        effectiveFrom: '2016-01-01',
        rules: { proofOfUseMonths: 3 },
      }),
      recorded('grant-kkz.phase-1.05978000', 'GrantNoticeIssued', {
        grantId: 'kkz.phase-1.05978000',
        programmeId: 'kkz',
        ags: '05978000',
        period: { from: '2012-03-01', to: '2015-06-30' },
        rules: { version: 0, effectiveFrom: null },
      }),
      recorded('grant-kkz.phase-2.05978000', 'GrantNoticeIssued', {
        grantId: 'kkz.phase-2.05978000',
        programmeId: 'kkz',
        ags: '05978000',
        period: { from: '2017-01-01', to: '2018-09-30' },
        rules: { version: 2, effectiveFrom: '2016-01-01' },
      }),
    ]);
    expect(opened(state, 'phase-ends.kkz.phase-1.05978000')).toMatchObject({
      dueDate: '2015-06-30',
      fixed: true,
    });
    // Six months after 30 June 2015 (default): Thursday 31 Dec 2015.
    expect(opened(state, 'proof-of-use-due.kkz.phase-1.05978000')).toMatchObject({
      dueDate: '2015-12-31',
      lastDay: '2015-12-31',
    });
    // Three months after 30 Sep 2018 (rules v2): 31 Dec 2018.
    expect(opened(state, 'proof-of-use-due.kkz.phase-2.05978000')).toMatchObject({ dueDate: '2018-12-31' });

    // The Verwendungsnachweis meets it.
    const proof = recorded(
      'grant-kkz.phase-1.05978000',
      'ProofOfUseSubmitted',
      { grantId: 'kkz.phase-1.05978000', ags: '05978000', submission: 1 },
      '2015-11-20T10:00:00.000Z',
    );
    applyToDerivation(state, proof, calendar);
    expect(state.fulfilments.get('proof-of-use-due.kkz.phase-1.05978000')).toEqual({
      metAt: '2015-11-20T10:00:00.000Z',
      by: proof.metadata.eventId,
    });
  });

  it('uses the programme’s reminder ladder and fixed dates in force when the obligation arose', () => {
    const state = fold([
      recorded('deadline-settings-kkz', 'DeadlineSettingsChanged', {
        programmeId: 'kkz',
        reminderOffsetsDays: [10, 3],
        timeZone: 'Europe/Berlin',
        fixedDates: ['2017-12-23'],
        changedBy: 'o',
        changedAt: '2017-01-01T00:00:00.000Z',
      }),
      recorded('esf-report-g.2017', 'ReportPeriodOpened', {
        reportId: 'g.2017',
        grantId: 'g',
        programmeId: 'kkz',
        ags: '05978000',
        periodId: '2017',
        dueDate: '2017-12-23',
      }),
      recorded('survey-s', 'SurveyCreated', {
        surveyId: 's',
        programmeId: 'kkz',
        window: { opensOn: '2017-12-06', closesOn: '2018-01-02' },
        recipients: ['05315000', '05913000'],
      }),
    ]);
    expect(opened(state, 'esf-report-due.g.2017')).toMatchObject({
      reminderOffsetsDays: [10, 3],
      fixed: true,
      lastDay: '2017-12-23',
    });
    expect(opened(state, 'survey-closes.s.05315000')).toMatchObject({
      obligedAgs: ['05315000'],
      dueAt: '2018-01-02T23:00:00.000Z',
    });
    expect(opened(state, 'survey-closes.s.05913000')).toBeDefined();
  });

  it('closes a survey at the instant its window closes, not shifted off a Sunday', () => {
    const state = fold([
      recorded('survey-s2', 'SurveyCreated', {
        surveyId: 's2',
        programmeId: 'kkz',
        // Sunday 15 Jan 2017: the evaluation stops taking answers at 24:00 that day.
        window: {
          opensOn: '2017-01-02',
          closesOn: '2017-01-15',
          opensAt: '2017-01-01T23:00:00.000Z',
          closesAt: '2017-01-15T23:00:00.000Z',
        },
        recipients: ['05978000'],
      }),
    ]);
    expect(opened(state, 'survey-closes.s2.05978000')).toMatchObject({
      dueDate: '2017-01-15',
      lastDay: '2017-01-15',
      dueAt: '2017-01-15T23:00:00.000Z',
      fixed: true,
    });
  });

  it('asks for nothing once the deadline’s own stream shows it opened and met: a replay changes nothing', () => {
    const source = recorded('esf-report-g.2012', 'ReportPeriodOpened', {
      reportId: 'g.2012',
      grantId: 'g',
      programmeId: 'kkz',
      ags: '05978000',
      periodId: '2012',
      dueDate: '2012-11-30',
    });
    const afterSource = fold([source]);
    const openedData = opened(afterSource, 'esf-report-due.g.2012');
    const submitted = recorded('esf-report-g.2012', 'ReportSubmitted', { reportId: 'g.2012' });
    const state = fold([
      source,
      recorded('deadline-esf-report-due.g.2012', 'DeadlineOpened', openedData),
      submitted,
      recorded('deadline-esf-report-due.g.2012', 'DeadlineMet', {
        deadlineId: 'esf-report-due.g.2012',
        metAt: submitted.metadata.occurredAt,
        by: submitted.metadata.eventId,
      }),
    ]);
    expect(outstandingDeadlineIds(state)).toEqual([]);
    expect(effectsFor(state, 'esf-report-due.g.2012')).toEqual([]);
    expect(state.deadlines.get('esf-report-due.g.2012')?.status).toBe('met');
  });
});
