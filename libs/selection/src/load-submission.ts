import { type DomainEvent, streamName } from '@app/eventsourcing';
import {
  applicationStream,
  evolveExpressionOfInterest,
  type ExpressionOfInterestEvent,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
} from '@app/applications';
import {
  type AppliedRules,
  CALL_TERMS_ONLY,
  callStream,
  evolveCall,
  initialCallState,
  loadProgrammeRules,
  rulesOfVersion,
} from '@app/programmes-calls';
import {
  councilResolutionEvolution,
  councilResolutionStream,
  isCommitting,
  resolutionStatus,
} from '@app/council-resolutions';
import { berlinDate, type CommandService, type MunicipalityRegistry } from '@app/shared';
import { RulesVersionUnknown } from './errors';
import { type CommittingResolution, namedAgs, type Submission, type SubmissionFacts } from './submission';

interface SubmittedApplication {
  eoi: ExpressionOfInterestState;
  /**
   * The version its submission recorded, or the office's correction of it; an event from before
   * rules were versioned means the call's terms.
   */
  rules?: AppliedRules;
}

const submittedApplication = {
  initialState: (): SubmittedApplication => ({ eoi: initialExpressionOfInterestState() }),
  evolve: (state: SubmittedApplication, event: ExpressionOfInterestEvent): SubmittedApplication => ({
    eoi: evolveExpressionOfInterest(state.eoi, event),
    rules:
      event.type === 'ExpressionOfInterestSubmitted'
        ? (event.data.rules ?? CALL_TERMS_ONLY)
        : event.type === 'SubmissionTermsCorrected'
          ? event.data.to
          : state.rules,
  }),
};

/**
 * The facts selection decides on, each from the stream that owns it: the expression of interest,
 * its call, the programme's rules (the version the submission was made under) and the council
 * resolutions recorded for each municipality it names.
 */
export async function loadSubmission(
  commands: CommandService,
  applicationId: string,
): Promise<SubmissionFacts> {
  const { state } = await commands.load(applicationStream(applicationId), submittedApplication);
  const { eoi } = state;
  if (eoi.status !== 'submitted') return { status: eoi.status, applicationId };
  const call = await commands.load(callStream(eoi.callId), {
    evolve: evolveCall,
    initialState: initialCallState,
  });
  // A submission exists only for a published call; a call stream that says otherwise is damaged.
  if (call.state.status === 'none') throw new Error(`call ${eoi.callId} of ${applicationId} has no terms`);
  const { terms } = call.state;
  const applied = state.rules ?? CALL_TERMS_ONLY;
  const rules = rulesOfVersion(await loadProgrammeRules(commands, terms.programmeId), terms, applied);
  if (!rules) throw new RulesVersionUnknown(applicationId, applied.version);
  const submission = {
    status: 'submitted' as const,
    applicationId,
    callId: eoi.callId,
    programmeId: terms.programmeId,
    lead: eoi.applicant,
    members: eoi.members,
    submittedAt: eoi.submittedAt ?? '',
    coordinatorName: eoi.content.coordinator?.name,
    resolutionStatement: eoi.content.councilResolution?.status,
    call: {
      closesAt: terms.closesAt,
      eligibleApplicantTypes: terms.eligibleApplicantTypes,
      assessmentCriteria: terms.assessmentCriteria,
      phase: terms.phase ?? Number(/^phase-(\d+)$/.exec(terms.phaseId ?? '')?.[1] ?? 1),
      ...(terms.participants && { participants: terms.participants }),
      ...(terms.budgetCents !== undefined && { budgetCents: terms.budgetCents }),
    },
    rules,
  };
  return {
    ...submission,
    committingResolutions: await committingResolutions(commands, applicationId, namedAgs(submission)),
  };
}

/**
 * The council resolutions recorded for the municipalities named, read with the council-resolutions
 * context's own fold: the result and date after all corrections; only committing ones are kept.
 */
async function committingResolutions(
  commands: CommandService,
  applicationId: string,
  named: string[],
): Promise<CommittingResolution[]> {
  const states = await Promise.all(
    named.map(
      async (ags) =>
        (await commands.load(councilResolutionStream(applicationId, ags), councilResolutionEvolution)).state,
    ),
  );
  return states.flatMap((state, i) =>
    state.status === 'recorded' && isCommitting(resolutionStatus(state))
      ? [{ ags: named[i], resultDate: state.resolution.resultDate }]
      : [],
  );
}

/**
 * Whether the grant notice on this selection was issued, read by the grants contract's event
 * type only. The grant of the lead after a selection in this call: `<callId>.<ags>`, or for a
 * call for a numbered phase (the first programme's) `<programmeId>.phase-<n>.<ags>`.
 */
export async function loadIssuedGrant(
  commands: CommandService,
  submission: Submission,
): Promise<string | undefined> {
  const candidates = [
    `${submission.programmeId}.phase-${submission.call.phase}.${submission.lead.ags}`,
    `${submission.callId}.${submission.lead.ags}`,
  ];
  for (const grantId of candidates) {
    const { state: issued } = await commands.load(streamName('grant', grantId), {
      initialState: () => false,
      evolve: (issued: boolean, event: DomainEvent) => issued || event.type === 'GrantNoticeIssued',
    });
    if (issued) return grantId;
  }
  return undefined;
}

/**
 * The lead's population from the registry, the figure in force on the call's closing day (the tiers
 * are the call's); the figure recorded at drafting if the registry no longer lists it.
 */
export function leadPopulation(registry: MunicipalityRegistry, facts: SubmissionFacts): number {
  if (facts.status !== 'submitted') return 0;
  return registry.populationOn(facts.lead.ags, berlinDate(facts.call.closesAt)) ?? facts.lead.population;
}
