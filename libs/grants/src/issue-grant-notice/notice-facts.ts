import {
  CALL_TERMS_ONLY,
  callStream,
  type CallTerms,
  evolveCall,
  initialCallState,
  loadProgrammeRules,
  rulesInForce,
  rulesOfVersion,
} from '@app/programmes-calls';
import type { CommandService } from '@app/shared';
import { NoticeBasisInvalid } from '../errors';
import { evolveGrant, type GrantState, grantIdFor, grantStream, initialGrantState } from '../grant';
import { type GrantSource, grantSettingsFrom, type ResolvedRules } from '../grant-settings';
import { noticeTerms } from '../funding-sources';
import { selectionDecisionFold, selectionStream } from '../outside-facts/selection-decision';
import type { IssueGrantNoticeDto } from './grant-notice.dto';
import type { GrantsReadModel } from '../queries/grants.projection';
import { type NoticeBasis, previousPhase } from './issue-grant-notice.decide';

type CallRuleTerms = Pick<CallTerms, 'conditions' | 'fundingTiers'>;

/** A continuation has no call; grants read no call term from the rules, so any neutral terms do. */
const NO_CALL: CallRuleTerms = {
  conditions: { councilResolution: 'not-required', coordinatorRequired: true },
  fundingTiers: [],
};

const grantFold = { evolve: evolveGrant, initialState: initialGrantState };

export async function loadGrant(commands: CommandService, grantId: string): Promise<GrantState> {
  return (await commands.load(grantStream(grantId), grantFold)).state;
}

export interface NoticeFacts {
  basis: NoticeBasis;
  callTerms: CallRuleTerms;
}

/**
 * What the notice rests on, as the other contexts' streams say it now: the selection (with its
 * call's phase and any grant the municipality holds from the previous phase), or the grant it
 * continues.
 */
export async function loadNoticeBasis(
  commands: CommandService,
  body: IssueGrantNoticeDto,
): Promise<NoticeFacts> {
  const { applicationId, continuationOf } = body;
  if (continuationOf !== undefined && applicationId === undefined) {
    const continued = await loadGrant(commands, continuationOf);
    return { basis: { kind: 'continuation', continuationOf, continued }, callTerms: NO_CALL };
  }
  if (applicationId === undefined || continuationOf !== undefined) throw new NoticeBasisInvalid();
  const { state: selection } = await commands.load(selectionStream(applicationId), selectionDecisionFold);
  const basis: NoticeBasis = { kind: 'selection', applicationId, selection };
  const facts = { basis, callTerms: NO_CALL };
  if (selection.outcome !== 'selected' || !selection.programmeId) return facts;
  if (selection.callId) {
    const { state: call } = await commands.load(callStream(selection.callId), {
      evolve: evolveCall,
      initialState: initialCallState,
    });
    if (call.status !== 'none') {
      // A call without a phase is a call for the programme's first phase (see noticeGrounds).
      const { phaseId, phase } = call.terms;
      const callPhaseId = phaseId ?? (phase !== undefined ? `phase-${phase}` : undefined);
      if (callPhaseId !== undefined) basis.callPhaseId = callPhaseId;
      facts.callTerms = call.terms;
    }
  }
  return facts;
}

/**
 * The municipality's grant of the phase before the call's, if it holds one that is not revoked:
 * under the continuation id `<programmeId>.<phaseId>.<ags>` (which is also the first programme's
 * id after a selection), or found in the grants read model (after a selection in another call).
 */
export async function loadPreviousPhaseGrant(
  commands: CommandService,
  grants: GrantsReadModel,
  basis: NoticeBasis,
  rules: ResolvedRules | undefined,
  ags: string,
): Promise<void> {
  if (basis.kind !== 'selection' || !rules || !basis.selection.programmeId) return;
  const { phases } = rules.settings;
  const previous = previousPhase(phases, basis.callPhaseId ?? phases[0]?.phaseId);
  if (!previous) return;
  const programmeId = basis.selection.programmeId;
  const candidates = [
    grantIdFor(programmeId, previous.phaseId, ags),
    ...(grants.byAgs.get(ags) ?? []).filter((id) => {
      const view = grants.byId.get(id);
      return view?.programmeId === programmeId && view.phaseId === previous.phaseId;
    }),
  ];
  for (const grantId of new Set(candidates)) {
    const state = await loadGrant(commands, grantId);
    if (state.status === 'issued') {
      basis.previousPhaseGrant = { grantId, state };
      return;
    }
  }
}

/**
 * The programme rules the notice applies: the version the selection was decided under, or for a
 * continuation (which has no selection) the version in force when the notice is issued.
 * Undefined when the selection names a version the programme does not know.
 */
export async function loadNoticeRules(
  commands: CommandService,
  programmeId: string,
  { basis, callTerms }: NoticeFacts,
  issuedAt: string,
): Promise<ResolvedRules | undefined> {
  const versions = await loadProgrammeRules(commands, programmeId);
  const resolved =
    basis.kind === 'selection'
      ? rulesOfVersion(versions, callTerms, basis.selection.rules ?? CALL_TERMS_ONLY)
      : rulesInForce(versions, { ...callTerms, programmeId }, issuedAt);
  return resolved && { applied: resolved.applied, settings: grantSettingsFrom(resolved.rules) };
}

/**
 * The sources of the terms a grant's notice applied (names, kinds), as the programme's stream says
 * now; [] for a grant that does not exist (its decider refuses it).
 */
export async function loadGrantSources(commands: CommandService, grantId: string): Promise<GrantSource[]> {
  const grant = await loadGrant(commands, grantId);
  if (grant.status === 'none') return [];
  const versions = await loadProgrammeRules(commands, grant.notice.programmeId);
  return noticeTerms(versions, grant.notice.rules)?.sources ?? [];
}
