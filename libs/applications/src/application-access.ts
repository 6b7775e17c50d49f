import { NotFound } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { callStream, evolveCall, initialCallState } from '@app/programmes-calls';
import type { CommandService, MunicipalityRegistry } from '@app/shared';
import type { CallFacts } from './call-facts';
import { NotLeadApplicant } from './errors';
import {
  type Applicant,
  applicationStream,
  evolveExpressionOfInterest,
  type ExpressionOfInterestState,
  initialExpressionOfInterestState,
  involves,
  mayRead,
} from './expression-of-interest';
import type { MemberLookup } from './joint-application';
import { participationDecider, type ParticipationState, participationStream } from './participation';

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
    // A closed call was published: its closing instant refuses late changes, with that reason.
    status: state.status === 'closed' ? 'published' : state.status,
    closesAt: terms.closesAt,
    ...(terms.opensOn && { opensOn: terms.opensOn }),
    ...(terms.form && { form: terms.form }),
    eligibleApplicantTypes: terms.eligibleApplicantTypes,
    conditions: terms.conditions,
  };
}

/**
 * An expression of interest the caller may change: it must exist and be led by the caller's
 * municipality, whatever other roles the caller holds. Members and open invitees may read it but
 * not change it (403); anyone else learns nothing of it (404).
 */
export function authorizeChange(
  state: ExpressionOfInterestState,
  applicationId: string,
  principal: Principal,
): asserts state is Exclude<ExpressionOfInterestState, { status: 'none' }> {
  if (state.status === 'none') throw new NotFound('Expression of interest', applicationId);
  if (!principal.ags || !mayRead(state, principal.ags))
    throw new NotFound('Expression of interest', applicationId);
  if (state.applicant.ags !== principal.ags) throw new NotLeadApplicant({ applicationId });
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
 * Changes an expression of interest together with the participations it names. The one rule:
 * a municipality takes part in at most one expression of interest per call. In order:
 * 1. a read-only check that everyone named is free (the common refusal writes nothing);
 * 2. claims for the municipalities added (a race lost here undoes the claims just made);
 * 3. the change itself (`write`), appended at the revision that was checked;
 * 4. only then the release of municipalities no longer named.
 * If the change fails, the claims this request made are released again; claims it found already
 * in place (a retry) are left alone.
 */
export async function withParticipations<T>(
  commands: CommandService,
  claim: { callId: string; applicationId: string; named: string[]; before: string[] },
  write: () => Promise<T>,
): Promise<T> {
  const { callId, applicationId, named, before } = claim;
  type Known = { state: ParticipationState; revision: number };
  const change = (ags: string, action: 'claim' | 'release', known?: Known) =>
    commands.run(
      participationStream(callId, ags),
      participationDecider,
      { callId, ags, applicationId, action },
      known ? { known } : {},
    );
  const toClaim = named.filter((ags) => !before.includes(ags));
  // What each preview read: the claim is decided on it (a claim stored meanwhile makes the store
  // refuse the append, and the claim is decided again on the stream as it is then).
  const checked = new Map<string, Known>();
  for (const ags of toClaim) {
    const { state, revision } = await commands.preview(
      participationStream(callId, ags),
      participationDecider,
      {
        callId,
        ags,
        applicationId,
        action: 'claim',
      },
    );
    checked.set(ags, { state, revision });
  }
  const claimed: string[] = [];
  const undo = async () => {
    for (const ags of claimed) await change(ags, 'release').catch(() => undefined);
  };
  let result: T;
  try {
    for (const ags of toClaim) {
      if ((await change(ags, 'claim', checked.get(ags))).events.length > 0) claimed.push(ags);
    }
    result = await write();
  } catch (error) {
    await undo();
    throw error;
  }
  for (const ags of before.filter((a) => !named.includes(a))) await change(ags, 'release');
  return result;
}

/**
 * Only the invited municipality acts on its invitation, with its own token; to anyone else the
 * invitation does not exist (404), whatever other roles the caller holds.
 */
export function authorizeOwnInvitation(principal: Principal, applicationId: string, ags: string): void {
  if (!principal.ags || principal.ags !== ags)
    throw new NotFound({ de: 'Einladung', en: 'Invitation' }, `${applicationId}/${ags}`);
}

const participation = (
  commands: CommandService,
  callId: string,
  ags: string,
  applicationId: string,
  action: 'claim' | 'release',
) =>
  commands.run(participationStream(callId, ags), participationDecider, {
    callId,
    ags,
    applicationId,
    action,
  });

/** Claims the municipality's one participation in the call; true when this request made the claim. */
export async function claimParticipation(
  commands: CommandService,
  callId: string,
  ags: string,
  applicationId: string,
): Promise<boolean> {
  return (await participation(commands, callId, ags, applicationId, 'claim')).events.length > 0;
}

/**
 * Frees a municipality's participation held for this application once the application no longer
 * binds it (it declined, left or was withdrawn). Also frees a claim left behind by a confirmation
 * that was claimed but never recorded (a crash in between), so declining always frees.
 */
export async function releaseUnlessBound(
  commands: CommandService,
  applicationId: string,
  ags: string,
): Promise<void> {
  const { state } = await commands.load(applicationStream(applicationId), {
    evolve: evolveExpressionOfInterest,
    initialState: initialExpressionOfInterestState,
  });
  if (state.status === 'none' || involves(state, ags)) return;
  await participation(commands, state.callId, ags, applicationId, 'release');
}
