import type { Decider } from '@app/eventsourcing';
import { ProgrammeAlreadyExists } from '../errors';
import {
  type ProgrammeCreatedData,
  evolveProgramme,
  initialProgrammeState,
  type ProgrammeEvent,
  type ProgrammeState,
} from '../programme';

export type CreateProgramme = ProgrammeCreatedData;

export function createProgramme(command: CreateProgramme, state: ProgrammeState): ProgrammeEvent[] {
  if (state.status !== 'none') throw new ProgrammeAlreadyExists(command.programmeId);
  return [{ type: 'ProgrammeCreated', data: { ...command } }];
}

export const createProgrammeDecider: Decider<CreateProgramme, ProgrammeEvent, ProgrammeState> = {
  decide: createProgramme,
  evolve: evolveProgramme,
  initialState: initialProgrammeState,
};
