import type { Decider } from '@app/eventsourcing';
import { ProgrammeAlreadyExists } from '../errors';
import {
  evolveProgramme,
  initialProgrammeState,
  type ProgrammeEvent,
  type ProgrammeState,
} from '../programme';

export interface CreateProgramme {
  programmeId: string;
  title: string;
  description?: string;
}

export function createProgramme(command: CreateProgramme, state: ProgrammeState): ProgrammeEvent[] {
  if (state.status !== 'none') throw new ProgrammeAlreadyExists(command.programmeId);
  return [{ type: 'ProgrammeCreated', data: { ...command } }];
}

export const createProgrammeDecider: Decider<CreateProgramme, ProgrammeEvent, ProgrammeState> = {
  decide: createProgramme,
  evolve: evolveProgramme,
  initialState: initialProgrammeState,
};
