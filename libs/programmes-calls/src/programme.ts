import { streamName } from '@app/eventsourcing';

export type ProgrammeCreated = {
  type: 'ProgrammeCreated';
  data: { programmeId: string; title: string; description?: string };
};

export type ProgrammeEvent = ProgrammeCreated;

export type ProgrammeState = { status: 'none' } | { status: 'active'; programmeId: string; title: string };

export const programmeStream = (programmeId: string) => streamName('programme', programmeId);

export function initialProgrammeState(): ProgrammeState {
  return { status: 'none' };
}

export function evolveProgramme(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'ProgrammeCreated':
      return { status: 'active', programmeId: event.data.programmeId, title: event.data.title };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}
