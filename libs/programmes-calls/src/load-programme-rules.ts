import type { CommandService } from '@app/shared';
import { callStream, type CallTerms, evolveCall, initialCallState } from './call';
import { evolveProgramme, initialProgrammeState, programmeStream } from './programme';
import {
  type AppliedRules,
  type ProgrammeRulesVersion,
  type RulesInForce,
  rulesInForce,
  type StoredProgrammeTerms,
  termsInForce,
} from './rules';

/**
 * The programme's rule versions as its own stream says they are now: what a handler in any
 * context gathers before a decision (read models may lag behind the store).
 */
export async function loadProgrammeRules(
  commands: CommandService,
  programmeId: string,
): Promise<ProgrammeRulesVersion[]> {
  const { state } = await commands.load(programmeStream(programmeId), {
    evolve: evolveProgramme,
    initialState: initialProgrammeState,
  });
  return state.status === 'active' ? state.rules : [];
}

/**
 * The terms in force for programme P on date D (or at an instant, by its Berlin date), as the
 * programme's stream says now: the version and its terms, undefined when none is in force (the
 * caller refuses with `terms-not-in-force` or uses terms of its own, such as a call's).
 */
export async function loadProgrammeTermsInForce(
  commands: CommandService,
  programmeId: string,
  at: string,
): Promise<{ terms: StoredProgrammeTerms; applied: AppliedRules } | undefined> {
  return termsInForce(await loadProgrammeRules(commands, programmeId), at);
}

/**
 * The rules in force for a call's submissions at an instant, with the call's terms; undefined for
 * an unknown call. Refuses with `terms-not-in-force` when no version of the programme's terms is
 * in force then.
 */
export async function loadRulesInForce(
  commands: CommandService,
  callId: string,
  at: string,
): Promise<(RulesInForce & { terms: CallTerms }) | undefined> {
  const { state } = await commands.load(callStream(callId), {
    evolve: evolveCall,
    initialState: initialCallState,
  });
  if (state.status === 'none') return undefined;
  const versions = await loadProgrammeRules(commands, state.terms.programmeId);
  return { ...rulesInForce(versions, state.terms, at), terms: state.terms };
}
