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
import { grantSettingsFrom, type ResolvedRules } from '../grant-settings';
import { selectionDecisionFold, selectionStream } from '../outside-facts/selection-decision';
import type { IssueGrantNoticeDto } from './grant-notice.dto';
import type { NoticeBasis } from './issue-grant-notice.decide';

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
  const { applicationId, continuationOf, phase, ags } = body;
  if (continuationOf !== undefined && applicationId === undefined) {
    const continued = await loadGrant(commands, continuationOf);
    return { basis: { kind: 'continuation', continuationOf, continued }, callTerms: NO_CALL };
  }
  if (applicationId === undefined || continuationOf !== undefined) throw new NoticeBasisInvalid();
  const { state: selection } = await commands.load(selectionStream(applicationId), selectionDecisionFold);
  const basis: NoticeBasis = { kind: 'selection', applicationId, selection, callPhase: 1 };
  const facts = { basis, callTerms: NO_CALL };
  if (selection.outcome !== 'selected' || !selection.programmeId) return facts;
  if (selection.callId) {
    const { state: call } = await commands.load(callStream(selection.callId), {
      evolve: evolveCall,
      initialState: initialCallState,
    });
    if (call.status !== 'none') {
      // CallTerms.phase is optional in the contract: a call without one is a phase-I call.
      basis.callPhase = call.terms.phase ?? 1;
      facts.callTerms = call.terms;
    }
  }
  if (phase > 1) {
    const grantId = grantIdFor(selection.programmeId, phase - 1, ags);
    const state = await loadGrant(commands, grantId);
    if (state.status !== 'none') basis.previousPhaseGrant = { grantId, state };
  }
  return facts;
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
