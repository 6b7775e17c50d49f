import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { ProgrammeAlreadyExists } from '../errors';
import { createProgrammeDecider } from './create-programme.decide';

const spec = deciderSpecification(createProgrammeDecider);
const kkz = {
  programmeId: 'kkz',
  title: 'Kein Kind zurücklassen – Kommunen in NRW beugen vor',
  sender: { name: 'Ministerium für Familie, Kinder, Jugend, Kultur und Sport NRW' },
  holidayRegion: 'NW',
};

describe('create a programme', () => {
  it('records a new programme', () =>
    spec
      .given([])
      .when(kkz)
      .then([{ type: 'ProgrammeCreated', data: kkz }]));

  it('refuses a second programme with the same id', () =>
    spec
      .given([{ type: 'ProgrammeCreated', data: kkz }])
      .when(kkz)
      .thenThrows(ProgrammeAlreadyExists, 'programme-already-exists'));
});
