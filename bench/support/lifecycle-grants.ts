import { CALL_2011, lastDayAfterMonths, startOfDayInZone } from '@app/shared';
import { fundingYear, type GrantTerms } from './lifecycle-esf';
import { day, endOfDay, meet, openDeadline, remind } from './lifecycle-deadlines';
import { at, event, type LifecycleAppend, type Municipality } from './lifecycle-shapes';

type Rules = { version: number; effectiveFrom: null };

/** The call's tier for the lead's population, in cents (docs/events.md: SubmissionSelected). */
function tierCents(population: number): number {
  const tier = CALL_2011.fundingTiers.find(
    (t) => population >= t.minPopulation && (t.maxPopulation === undefined || population <= t.maxPopulation),
  );
  return (tier?.amountEur ?? 0) * 100;
}

/** Council resolutions, formal check, assessment and decision; then the selected ones' grants. */
export function* decisionsAndGrants(
  all: Municipality[],
  programmeId: string,
  callId: string,
  year: number,
  rules: Rules,
): Generator<LifecycleAppend> {
  const decided = at(`${year + 1}-02-20`);
  for (const [i, m] of all.entries()) {
    const applicationId = `${callId}.${m.ags}`;
    const chosen = i % 10 < 7;
    const resultDate = `${year}-12-05`;
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
              { committee: 'Jugendhilfeausschuss', stage: 'decision', date: resultDate, result: 'approved' },
            ],
            result: 'approved',
            resultDate,
            source: { kind: 'manual' },
          },
          startOfDayInZone(resultDate).toISOString(),
          m.ags,
        ),
      ],
    };
    const score = 3 + (i % 3);
    const decision = { applicationId, callId, programmeId, ags: m.ags, reasons: ['cross-section'], rules };
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
            rules,
            checkedAt: at(`${year + 1}-01-10`),
          },
          at(`${year + 1}-01-10`),
        ),
        event(
          'AssessmentScored',
          {
            applicationId,
            assessor: 'grants-office:bench',
            assessorName: 'Sachbearbeitung Bewilligungsbehörde',
            scores: [{ criterionId: 'prevention', score, weight: 1 }],
            weightedScore: score,
          },
          at(`${year + 1}-01-20`),
        ),
        chosen
          ? event(
              'SubmissionSelected',
              {
                ...decision,
                members: [],
                amountCents: tierCents(m.population),
                population: m.population,
                decidedAt: decided,
              },
              decided,
            )
          : event('SubmissionRejected', { ...decision, decidedAt: decided }, decided),
      ],
    };
  }
  for (const [i, m] of all.entries()) if (i % 10 < 7) yield* grant(m, programmeId, callId, year, rules);
}

/**
 * A grant of the bench: ESF + Land = the tier amount (5/8 and 3/8), own funds half of it on top
 * (ESF 41.7 %, Land 25 %, own 33.3 % of the eligible total: within 50/25/25). Six disbursements of
 * an eighth each, paid; three ESF reports of a quarter of the financing; the proof of use states
 * what was reported, so nothing is refundable.
 */
function* grant(
  m: Municipality,
  programmeId: string,
  callId: string,
  year: number,
  rules: Rules,
): Generator<LifecycleAppend> {
  const grantId = `${programmeId}.phase-1.${m.ags}`;
  const amountCents = tierCents(m.population);
  const financing = {
    esfCents: (amountCents / 8) * 5,
    landCents: (amountCents / 8) * 3,
    ownCents: amountCents / 2,
  };
  const period = { from: `${year + 1}-03-01`, to: `${year + 3}-12-31` };
  const notice = event(
    'GrantNoticeIssued',
    {
      grantId,
      programmeId,
      phase: 1,
      ags: m.ags,
      applicationId: `${callId}.${m.ags}`,
      callId,
      amountCents,
      period,
      financing,
      conditions: ['ANBest-G'],
      coordinator: { name: 'Koordinierungsstelle Präventionskette', unit: 'Jugendamt' },
      rules,
      disbursementWindowMonths: 2,
      interestPointsAboveBaseRate: 5,
      issuedAt: at(period.from),
    },
    at(period.from),
  );
  yield { streamId: `grant-${grantId}`, events: [notice] };
  const parties = { programmeId, subject: { grantId }, obligedAgs: [m.ags] };
  const phaseEnds = openDeadline('phase-ends', grantId, parties, { dueDate: period.to, fixed: true }, notice);
  const proofDue = openDeadline(
    'proof-of-use-due',
    grantId,
    parties,
    { dueDate: lastDayAfterMonths(period.to, 6), fixed: false },
    notice,
  );
  yield phaseEnds.append;
  yield proofDue.append;

  const terms: GrantTerms = { grantId, programmeId, ags: m.ags, amountCents, financing, period };
  for (let y = 0; y < 3; y++) yield* fundingYear(terms, y);

  yield* remind(phaseEnds.deadline, endOfDay(period.to));
  yield meet(phaseEnds.deadline, notice, true);

  const spent = {
    esfCents: (financing.esfCents / 4) * 3,
    landCents: (financing.landCents / 4) * 3,
    ownCents: (financing.ownCents / 4) * 3,
  };
  const submittedAt = at(day(proofDue.deadline.lastDay, -5));
  yield* remind(proofDue.deadline, submittedAt);
  const submitted = event(
    'ProofOfUseSubmitted',
    {
      grantId,
      ags: m.ags,
      factualReport: 'Präventionskette aufgebaut: Netzwerke, Lotsendienste, Übergänge Kita–Schule.',
      expenditure: spent,
      submission: 1,
      submittedAt,
    },
    submittedAt,
    m.ags,
  );
  yield { streamId: `grant-${grantId}`, events: [submitted] };
  yield meet(proofDue.deadline, submitted);
  const acceptedAt = at(day(proofDue.deadline.lastDay, 30));
  const paidCents = (amountCents / 8) * 6;
  yield {
    streamId: `grant-${grantId}`,
    events: [
      event(
        'ProofOfUseAccepted',
        { grantId, ags: m.ags, submission: 1, expenditure: spent, paidCents, refundableCents: 0, acceptedAt },
        acceptedAt,
      ),
    ],
  };
}
