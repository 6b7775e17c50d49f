import { streamName } from '@app/eventsourcing';
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
import type { CommandService, MunicipalityRegistry } from '@app/shared';
import { RulesVersionUnknown } from './errors';
import { namedAgs, type SubmissionFacts } from './submission';

interface SubmittedApplication {
  eoi: ExpressionOfInterestState;
  /** The version its submission recorded; an event from before rules were versioned means the call's terms. */
  rules?: AppliedRules;
}

const submittedApplication = {
  initialState: (): SubmittedApplication => ({ eoi: initialExpressionOfInterestState() }),
  evolve: (state: SubmittedApplication, event: ExpressionOfInterestEvent): SubmittedApplication => ({
    eoi: evolveExpressionOfInterest(state.eoi, event),
    rules:
      event.type === 'ExpressionOfInterestSubmitted' ? (event.data.rules ?? CALL_TERMS_ONLY) : state.rules,
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
    },
    rules,
  };
  return { ...submission, committedAgs: await committedAgs(commands, applicationId, namedAgs(submission)) };
}

type ResolutionEvent = { type: string; data: { result?: string } };

/**
 * Read by the council-resolutions contract (docs/events.md): the result as the latest record or
 * correction states it. Approved or amended commits the municipality; anything else does not.
 */
const resolutionResult = {
  initialState: (): string | undefined => undefined,
  evolve: (result: string | undefined, event: ResolutionEvent): string | undefined =>
    event.type === 'CouncilResolutionRecorded' || event.type === 'CouncilResolutionCorrected'
      ? event.data.result
      : result,
};

async function committedAgs(
  commands: CommandService,
  applicationId: string,
  named: string[],
): Promise<string[]> {
  const results = await Promise.all(
    named.map(async (ags) => {
      const stream = streamName('council-resolution', `${applicationId}.${ags}`);
      return (await commands.load(stream, resolutionResult)).state;
    }),
  );
  return named.filter((_, i) => results[i] === 'approved' || results[i] === 'amended');
}

/** The lead's population from the registry; the figure recorded at drafting if the registry no longer lists it. */
export function leadPopulation(registry: MunicipalityRegistry, facts: SubmissionFacts): number {
  if (facts.status !== 'submitted') return 0;
  return registry.find(facts.lead.ags)?.population ?? facts.lead.population;
}
