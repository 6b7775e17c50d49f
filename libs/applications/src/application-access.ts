import { NotFound } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { callStream, evolveCall, initialCallState } from '@app/programmes-calls';
import type { CommandService, MunicipalityRegistry } from '@app/shared';
import type { CallFacts } from './call-facts';
import { NotLeadApplicant } from './errors';
import { type Applicant, type ExpressionOfInterestState, involves } from './expression-of-interest';
import type { MemberLookup } from './joint-application';
import { participationDecider, participationStream } from './participation';

/** The call as its own stream says it is now: the authoritative facts for a decision. */
export async function loadCallFacts(commands: CommandService, callId: string): Promise<CallFacts> {
  const { state } = await commands.load(callStream(callId), {
    evolve: evolveCall,
    initialState: initialCallState,
  });
  if (state.status === 'none') {
    return {
      callId,
      programmeId: '',
      status: 'none',
      closesAt: '',
      eligibleApplicantTypes: [],
      conditions: { councilResolution: 'not-required', coordinatorRequired: false },
    };
  }
  const { terms } = state;
  return {
    callId,
    programmeId: terms.programmeId,
    status: state.status,
    closesAt: terms.closesAt,
    eligibleApplicantTypes: terms.eligibleApplicantTypes,
    conditions: terms.conditions,
  };
}

/**
 * An expression of interest the caller may change: it must exist and be led by the caller's
 * municipality, whatever other roles the caller holds. Members may read it but not change it
 * (403); anyone else learns nothing of it (404).
 */
export function authorizeChange(
  state: ExpressionOfInterestState,
  applicationId: string,
  principal: Principal,
): asserts state is Exclude<ExpressionOfInterestState, { status: 'none' }> {
  if (state.status === 'none') throw new NotFound('Expression of interest', applicationId);
  if (!principal.ags || !involves(state, principal.ags))
    throw new NotFound('Expression of interest', applicationId);
  if (state.applicant.ags !== principal.ags) throw new NotLeadApplicant(applicationId);
}

export function lookUpMembers(registry: MunicipalityRegistry, memberAgs: string[] = []): MemberLookup[] {
  return memberAgs.map((ags) => ({ ags, municipality: toApplicant(registry, ags) }));
}

export function toApplicant(registry: MunicipalityRegistry, ags: string): Applicant | undefined {
  const m = registry.find(ags);
  return (
    m && {
      ags: m.ags,
      name: m.name,
      type: m.type,
      population: m.population,
      regierungsbezirk: m.regierungsbezirk,
    }
  );
}

/**
 * Records who takes part in which expression of interest for the call: claims the municipalities
 * now named, releases those no longer named. If one is taken elsewhere, the claims just made are
 * released again and the refusal stands.
 */
export async function updateParticipations(
  commands: CommandService,
  callId: string,
  applicationId: string,
  named: string[],
  before: string[] = [],
): Promise<void> {
  const change = (ags: string, action: 'claim' | 'release') =>
    commands.run(participationStream(callId, ags), participationDecider, {
      callId,
      ags,
      applicationId,
      action,
    });
  const added: string[] = [];
  try {
    for (const ags of named.filter((a) => !before.includes(a))) {
      await change(ags, 'claim');
      added.push(ags);
    }
  } catch (error) {
    for (const ags of added) await change(ags, 'release');
    throw error;
  }
  for (const ags of before.filter((a) => !named.includes(a))) await change(ags, 'release');
}
