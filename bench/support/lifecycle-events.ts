import type { NewEvent } from '@app/eventsourcing';
import { EXPRESSION_OF_INTEREST } from './fixtures';
import { decisionsAndGrants } from './lifecycle-grants';
import { at, day, event, type LifecycleAppend, municipalities } from './lifecycle-shapes';

export type { LifecycleAppend } from './lifecycle-shapes';

/**
 * A whole programme's history, phase by phase as it happens, so that `$all` interleaves streams
 * as a real store does: programme and call; every municipality's expression of interest; the
 * closing deadline and its reminders; council resolutions; formal check, assessment and decision;
 * grant notices with disbursements; ESF report periods with their deadlines, reminders and
 * notifications. About 2,900 events per programme with the 77 municipalities of the reference data.
 */
export function* programmeLifecycle(n: number): Generator<LifecycleAppend> {
  const all = municipalities();
  const programmeId = `bench-p${n}`;
  const callId = `${programmeId}-c`;
  const year = 2011 + (n % 7);
  const opens = `${year}-11-09`;
  const closes = `${year}-12-15`;
  const rules = { version: 0, effectiveFrom: null };
  yield {
    streamId: `programme-${programmeId}`,
    events: [event('ProgrammeCreated', { programmeId, title: `Präventionsketten ${n}` }, at(opens))],
  };
  yield {
    streamId: `call-${callId}`,
    events: [
      event(
        'CallDrafted',
        {
          callId,
          programmeId,
          title: 'Aufruf zur Interessensbekundung',
          eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'],
          closingDate: closes,
          closesAt: `${closes}T23:00:00.000Z`,
          fundingTiers: [
            { minPopulation: 0, maxPopulation: 200000, amountEur: 32000 },
            { minPopulation: 200001, amountEur: 64000 },
          ],
          conditions: { councilResolution: 'may-follow-after-selection', coordinatorRequired: true },
          phase: 1,
        },
        at(opens),
      ),
      event('CallPublished', { callId, publishedAt: at(opens) }, at(opens)),
    ],
  };
  const closing = `deadline-${callId}.closes`;
  yield {
    streamId: closing,
    events: [
      event(
        'DeadlineOpened',
        {
          deadlineId: `${callId}.closes`,
          kind: 'call-closes',
          programmeId,
          subject: { callId },
          obligedAgs: [],
          dueDate: closes,
          lastDay: closes,
          dueAt: `${closes}T23:00:00.000Z`,
          fixed: true,
          reminderOffsetsDays: [14, 7, 1],
          cause: 'bench',
          openedAt: at(opens),
        },
        at(opens),
      ),
    ],
  };
  for (const m of all) {
    const applicationId = `${callId}.${m.ags}`;
    const applicant = {
      ags: m.ags,
      name: m.name,
      type: m.type,
      population: m.population,
      regierungsbezirk: m.regierungsbezirk,
    };
    yield {
      streamId: `participation-${callId}.${m.ags}`,
      events: [
        event('ParticipationClaimed', { callId, ags: m.ags, applicationId }, at(day(opens, 10)), m.ags),
      ],
    };
    yield {
      streamId: `application-${applicationId}`,
      events: [
        event(
          'ExpressionOfInterestDrafted',
          { applicationId, callId, programmeId, applicant, members: [], content: EXPRESSION_OF_INTEREST },
          at(day(opens, 10)),
          m.ags,
        ),
        event(
          'ExpressionOfInterestRevised',
          {
            applicationId,
            members: [],
            content: { ...EXPRESSION_OF_INTEREST, motto: `Gemeinsam in ${m.name}` },
          },
          at(day(opens, 20)),
          m.ags,
        ),
      ],
    };
  }
  for (const offset of [14, 7, 1]) {
    yield {
      streamId: closing,
      events: [
        event(
          'DeadlineReminderIssued',
          {
            deadlineId: `${callId}.closes`,
            kind: 'call-closes',
            programmeId,
            subject: { callId },
            obligedAgs: [],
            offsetDays: offset,
            dueDate: closes,
            dueAt: `${closes}T23:00:00.000Z`,
            remindAt: `${day(closes, -offset)}T07:00:00.000Z`,
            issuedAt: at(day(closes, -offset)),
          },
          at(day(closes, -offset)),
        ),
      ],
    };
  }
  for (const m of all) {
    const applicationId = `${callId}.${m.ags}`;
    yield {
      streamId: `application-${applicationId}`,
      events: [
        event(
          'ExpressionOfInterestSubmitted',
          { applicationId, callId, submittedAt: at(day(closes, -2)), rules },
          at(day(closes, -2)),
          m.ags,
        ),
      ],
    };
  }
  yield {
    streamId: `call-${callId}`,
    events: [event('CallClosed', { callId, closedAt: `${closes}T23:00:00.000Z` }, `${closes}T23:00:00.000Z`)],
  };
  yield* decisionsAndGrants(all, programmeId, callId, year, rules);
}

/** One application revised thousands of times: the long stream the state-as-of figure reads. */
export function* longStream(streamId: string, events: number, chunk = 500): Generator<LifecycleAppend> {
  const ags = '05978000';
  const applicationId = streamId.replace(/^application-/, '');
  for (let written = 0; written < events; written += chunk) {
    const batch: NewEvent[] = [];
    for (let i = written; i < Math.min(events, written + chunk); i++) {
      const occurredAt = new Date(Date.parse('2011-11-10T08:00:00Z') + i * 60_000).toISOString();
      batch.push(
        i === 0
          ? event(
              'ExpressionOfInterestDrafted',
              {
                applicationId,
                callId: 'bench-long',
                programmeId: 'bench-long',
                applicant: {
                  ags,
                  name: 'Kreis Unna',
                  type: 'kreis',
                  population: 395000,
                  regierungsbezirk: 'Arnsberg',
                },
                members: [],
                content: EXPRESSION_OF_INTEREST,
              },
              occurredAt,
              ags,
            )
          : event(
              'ExpressionOfInterestRevised',
              { applicationId, members: [], content: { ...EXPRESSION_OF_INTEREST, motto: `Fassung ${i}` } },
              occurredAt,
              ags,
            ),
      );
    }
    yield { streamId, events: batch };
  }
}
