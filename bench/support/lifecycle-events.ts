import type { NewEvent } from '@app/eventsourcing';
import { CALL_2011 } from '@app/shared';
import { EXPRESSION_OF_INTEREST } from './fixtures';
import { channels, endOfDay, meet, obligation, openDeadline, remind } from './lifecycle-deadlines';
import { decisionsAndGrants } from './lifecycle-grants';
import { at, DEADLINE_MANAGER, day, event, type LifecycleAppend, municipalities } from './lifecycle-shapes';

export type { LifecycleAppend } from './lifecycle-shapes';

/**
 * A whole programme's history, phase by phase as it happens, so that `$all` interleaves streams
 * as a real store does: programme and call; every municipality's expression of interest; the
 * closing deadline and its reminders; council resolutions; formal check, assessment and decision;
 * grant notices with disbursements paid, ESF report periods and the proof of use, each with its
 * deadline, reminders and the notifications they cause. Shapes as docs/events.md has them. About
 * 6,000 events per programme with the 77 municipalities of the reference data; before the first
 * programme, every municipality sets its notification channels.
 */
export function* programmeLifecycle(n: number): Generator<LifecycleAppend> {
  const all = municipalities();
  const programmeId = `bench-p${n}`;
  const callId = `${programmeId}-c`;
  const year = 2011 + (n % 7);
  const opens = `${year}-11-09`;
  const closes = `${year}-12-15`;
  const closesAt = endOfDay(closes);
  const rules = { version: 0, effectiveFrom: null };
  if (n === 0) yield* channels(all, at(`${year}-11-01`));
  const published = event('CallPublished', { callId, publishedAt: at(opens) }, at(opens));
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
          title: CALL_2011.title,
          eligibleApplicantTypes: CALL_2011.eligibleApplicantTypes,
          kickOffDate: opens,
          closingDate: closes,
          closesAt,
          fundingTiers: CALL_2011.fundingTiers,
          conditions: CALL_2011.conditions,
          phase: 1,
          assessmentCriteria: [{ criterionId: 'prevention', title: 'Präventionskette', weight: 1 }],
        },
        at(opens),
      ),
      published,
    ],
  };
  const closing = openDeadline(
    'call-closes',
    callId,
    { programmeId, subject: { callId }, obligedAgs: [] },
    { dueDate: closes, fixed: true, dueAt: closesAt },
    published,
  );
  yield closing.append;
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
    const drafted = event(
      'ExpressionOfInterestDrafted',
      { applicationId, callId, programmeId, applicant, members: [], content: EXPRESSION_OF_INTEREST },
      at(day(opens, 10)),
      m.ags,
    );
    yield { streamId: `application-${applicationId}`, events: [drafted] };
    yield obligation(closing.deadline, m.ags, applicationId, drafted);
    yield {
      streamId: `application-${applicationId}`,
      events: [
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
  // A call's reminders go to the lead applicants that have drafted and not yet submitted.
  const submitting = at(day(closes, -2));
  yield* remind(
    closing.deadline,
    submitting,
    undefined,
    all.map((m) => m.ags),
  );
  for (const m of all) {
    const applicationId = `${callId}.${m.ags}`;
    const submitted = event(
      'ExpressionOfInterestSubmitted',
      { applicationId, callId, submittedAt: submitting, rules },
      submitting,
      m.ags,
    );
    yield { streamId: `application-${applicationId}`, events: [submitted] };
    yield obligation(closing.deadline, m.ags, applicationId, submitted, true);
  }
  yield* remind(closing.deadline, closesAt, submitting, []);
  const closed = event('CallClosed', { callId, closedAt: closesAt }, closesAt, DEADLINE_MANAGER);
  yield { streamId: `call-${callId}`, events: [closed] };
  yield meet(closing.deadline, closed, true);
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
