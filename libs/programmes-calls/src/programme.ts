import { streamName } from '@app/eventsourcing';
import type { ProgrammeRulesVersion } from './rules';

export type ProgrammeCreated = {
  type: 'ProgrammeCreated';
  data: { programmeId: string; title: string; description?: string };
};

/** A new version of the programme's rules, in force for submissions from `effectiveFrom` on. */
export type ProgrammeRulesAdopted = { type: 'ProgrammeRulesAdopted'; data: ProgrammeRulesVersion };

export type ProgrammeEvent = ProgrammeCreated | ProgrammeRulesAdopted;

export type ProgrammeState =
  | { status: 'none' }
  | { status: 'active'; programmeId: string; title: string; rules: ProgrammeRulesVersion[] };

export const programmeStream = (programmeId: string) => streamName('programme', programmeId);

export function initialProgrammeState(): ProgrammeState {
  return { status: 'none' };
}

export function evolveProgramme(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'ProgrammeCreated':
      return { status: 'active', programmeId: event.data.programmeId, title: event.data.title, rules: [] };
    case 'ProgrammeRulesAdopted':
      return state.status === 'active' ? { ...state, rules: [...state.rules, event.data] } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
