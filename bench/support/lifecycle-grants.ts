import { at, day, event, type LifecycleAppend, type Municipality } from './lifecycle-shapes';

/** Council resolutions, formal check, assessment and decision; then the selected ones' grants. */
export function* decisionsAndGrants(
  all: Municipality[],
  programmeId: string,
  callId: string,
  year: number,
  rules: { version: number; effectiveFrom: null },
): Generator<LifecycleAppend> {
  const decided = `${year + 1}-02-20`;
  const selected = all.filter((_, i) => i % 10 < 7);
  for (const [i, m] of all.entries()) {
    const applicationId = `${callId}.${m.ags}`;
    const chosen = i % 10 < 7;
    const amountCents = m.population > 200000 ? 6_400_000 : 3_200_000;
    yield {
      streamId: `council-resolution-${applicationId}.${m.ags}`,
      events: [
        event(
          'CouncilResolutionRecorded',
          {
            resolutionId: `${applicationId}.${m.ags}`,
            applicationId,
            callId,
            ags: m.ags,
            body: m.type === 'kreis' ? 'county-assembly' : 'council',
            paper: { reference: `V/${year}/${i}`, type: 'Beschlussvorlage' },
            proposal: 'Teilnahme am Landesprogramm „Kommunale Präventionsketten“',
            signOffs: [{ role: 'mayor', name: 'Bürgermeisterin', date: `${year}-12-01` }],
            consultations: [
              {
                committee: 'Jugendhilfeausschuss',
                stage: 'decision',
                date: `${year}-12-05`,
                result: 'approved',
              },
            ],
            result: 'approved',
            resultDate: `${year}-12-05`,
            source: { kind: 'manual' },
          },
          at(`${year}-12-06`),
          m.ags,
        ),
      ],
    };
    yield {
      streamId: `selection-${applicationId}`,
      events: [
        event(
          'FormalCheckRecorded',
          {
            applicationId,
            callId,
            checks: {
              onTime: true,
              eligibleApplicantType: true,
              councilResolution: 'present',
              coordinatorNamed: true,
            },
            passed: true,
            reasons: [],
          },
          at(`${year + 1}-01-10`),
        ),
        event(
          'AssessmentScored',
          {
            applicationId,
            assessor: 'grants-office:bench',
            scores: [{ criterionId: 'prevention', score: 3 + (i % 3) }],
            weightedScore: 3 + (i % 3),
          },
          at(`${year + 1}-01-20`),
        ),
        chosen
          ? event(
              'SubmissionSelected',
              {
                applicationId,
                callId,
                programmeId,
                ags: m.ags,
                members: [],
                amountCents,
                population: m.population,
                reasons: ['cross-section'],
                rules,
              },
              at(decided),
            )
          : event(
              'SubmissionRejected',
              { applicationId, callId, programmeId, ags: m.ags, reasons: ['cross-section'], rules },
              at(decided),
            ),
      ],
    };
  }
  for (const m of selected) yield* grantYears(m, programmeId, callId, year, rules);
}

function* grantYears(
  m: Municipality,
  programmeId: string,
  callId: string,
  year: number,
  rules: { version: number; effectiveFrom: null },
): Generator<LifecycleAppend> {
  const grantId = `${programmeId}.phase-1.${m.ags}`;
  const amountCents = m.population > 200000 ? 6_400_000 : 3_200_000;
  const from = `${year + 1}-03-01`;
  const to = `${year + 3}-12-31`;
  yield {
    streamId: `grant-${grantId}`,
    events: [
      event(
        'GrantNoticeIssued',
        {
          grantId,
          programmeId,
          phase: 1,
          ags: m.ags,
          applicationId: `${callId}.${m.ags}`,
          callId,
          amountCents,
          period: { from, to },
          financing: { esfCents: amountCents / 2, landCents: amountCents / 4, ownCents: amountCents / 4 },
          conditions: ['ANBest-G'],
          coordinator: 'Koordinierungsstelle',
          rules,
          disbursementWindowMonths: 2,
          issuedAt: at(from),
        },
        at(from),
      ),
    ],
  };
  for (let y = 0; y < 3; y++) {
    const periodId = `${year + 1 + y}`;
    const reportId = `${grantId}.${periodId}`;
    const due = `${year + 2 + y}-03-31`;
    const deadlineId = `${reportId}.due`;
    const parties = {
      kind: 'esf-report-due',
      programmeId,
      subject: { grantId, reportId },
      obligedAgs: [m.ags],
    };
    yield {
      streamId: `grant-${grantId}`,
      events: [0, 1].map((q) =>
        event(
          'DisbursementRequested',
          {
            grantId,
            disbursementId: `${periodId}-${q}`,
            ags: m.ags,
            amountCents: amountCents / 6,
            dueDate: `${periodId}-0${4 + q * 4}-01`,
            requestedAt: at(`${periodId}-0${3 + q * 4}-01`),
          },
          at(`${periodId}-0${3 + q * 4}-01`),
          m.ags,
        ),
      ),
    };
    yield {
      streamId: `esf-report-${reportId}`,
      events: [
        event(
          'EsfReportPeriodOpened',
          {
            reportId,
            grantId,
            programmeId,
            ags: m.ags,
            periodId,
            from: `${periodId}-01-01`,
            to: `${periodId}-12-31`,
            dueDate: due,
          },
          at(`${periodId}-01-02`),
        ),
      ],
    };
    yield {
      streamId: `deadline-${deadlineId}`,
      events: [
        event(
          'DeadlineOpened',
          {
            ...parties,
            deadlineId,
            dueDate: due,
            lastDay: due,
            dueAt: `${due}T22:00:00.000Z`,
            fixed: false,
            reminderOffsetsDays: [14, 1],
            cause: 'bench',
            openedAt: at(`${periodId}-01-02`),
          },
          at(`${periodId}-01-02`),
        ),
        event(
          'DeadlineReminderIssued',
          {
            ...parties,
            deadlineId,
            offsetDays: 14,
            dueDate: due,
            dueAt: `${due}T22:00:00.000Z`,
            remindAt: `${day(due, -14)}T06:00:00.000Z`,
            issuedAt: at(day(due, -14)),
          },
          at(day(due, -14)),
        ),
      ],
    };
    const notificationId = `${deadlineId}.14.email`;
    yield {
      streamId: `notification-${notificationId}`,
      events: [
        event(
          'NotificationQueued',
          {
            notificationId,
            ags: m.ags,
            channel: 'email',
            cause: deadlineId,
            attempt: 1,
            jobId: `notify:${notificationId}`,
          },
          at(day(due, -14)),
        ),
        event(
          'NotificationDelivered',
          { notificationId, ags: m.ags, channel: 'email', cause: deadlineId, attempt: 1 },
          at(day(due, -14)),
        ),
      ],
    };
    const expenditure = {
      esfCents: amountCents / 6,
      landCents: amountCents / 12,
      ownCents: amountCents / 12,
    };
    yield {
      streamId: `esf-report-${reportId}`,
      events: [
        event(
          'EsfReportSubmitted',
          {
            reportId,
            grantId,
            ags: m.ags,
            periodId,
            expenditure,
            indicators: { 'public-administrations-supported': 1 },
            narrative: 'Netzwerke ausgebaut, Angebote gebündelt.',
            submission: 1,
          },
          at(day(due, -3)),
          m.ags,
        ),
        event(
          'EsfReportAccepted',
          {
            reportId,
            grantId,
            programmeId,
            ags: m.ags,
            periodId,
            from: `${periodId}-01-01`,
            to: `${periodId}-12-31`,
            year: Number(periodId),
            expenditure,
            indicators: { 'public-administrations-supported': 1 },
          },
          at(day(due, 10)),
        ),
      ],
    };
    yield {
      streamId: `deadline-${deadlineId}`,
      events: [event('DeadlineMet', { deadlineId, metAt: at(day(due, -3)), by: 'bench' }, at(day(due, -3)))],
    };
  }
}
