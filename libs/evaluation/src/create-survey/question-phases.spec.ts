import { DomainError } from '@app/eventsourcing';
import { PhaseNumberNotMappable, PhaseStatedTwice } from '../errors';
import { PHASES_KKZ } from '../testing-fixtures';
import { withPhaseIds } from './question-phases';

const kkz = { programmeId: 'kkz', phases: PHASES_KKZ };
const dbl = {
  programmeId: 'dbl',
  phases: [
    { phaseId: 'aufbau', name: 'Aufbau' },
    { phaseId: 'verstetigung', name: 'Verstetigung' },
  ],
};
const question = { questionId: 'networks', text: 'Netzwerkziele erreicht?', kind: 'scale' as const };

describe('a question’s phases at the edge', () => {
  it('takes phases by id as given', () => {
    expect(withPhaseIds({ ...question, phaseIds: ['aufbau'] }, dbl)).toEqual({
      ...question,
      phaseIds: ['aufbau'],
    });
  });

  it('reads no list and an empty list alike: asked of everyone', () => {
    expect(withPhaseIds(question, dbl)).toEqual(question);
    expect(withPhaseIds({ ...question, phaseIds: [] }, dbl)).toEqual(question);
  });

  it('converts phase numbers to the ids phase-<n> where the terms name them (the 2011 programme)', () => {
    expect(withPhaseIds({ ...question, phases: [2, 1] }, kkz)).toEqual({
      ...question,
      phaseIds: ['phase-2', 'phase-1'],
    });
  });

  it('refuses a phase number the terms do not name, in German, saying what to send instead', () => {
    expect(() => withPhaseIds({ ...question, phases: [1] }, dbl)).toThrow(PhaseNumberNotMappable);
    expect(germanOf(() => withPhaseIds({ ...question, phases: [3] }, kkz))).toMatch(
      /nennt die Phase mit der Nummer 3, doch das Programm kkz nummeriert seine Phasen nicht so; bitte die Phase mit „phaseIds“/,
    );
    expect(() => withPhaseIds({ ...question, phases: [1] }, { programmeId: 'p', phases: [] })).toThrow(
      PhaseNumberNotMappable,
    );
  });

  it('accepts numbers and ids together only where they name the same phases', () => {
    expect(withPhaseIds({ ...question, phases: [1], phaseIds: ['phase-1'] }, kkz)).toEqual({
      ...question,
      phaseIds: ['phase-1'],
    });
    expect(() => withPhaseIds({ ...question, phases: [1], phaseIds: ['phase-2'] }, kkz)).toThrow(
      PhaseStatedTwice,
    );
  });
});

/** The German sentence of the refusal the call throws. */
function germanOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error.texts.de;
    throw error;
  }
  throw new Error('nothing was refused');
}
