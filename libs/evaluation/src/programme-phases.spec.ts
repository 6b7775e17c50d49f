import { inPhaseOrder, phaseNameOf, programmePhases } from './programme-phases';

const version = (n: number, phases?: { phaseId: string; name: string }[]) => ({
  version: n,
  rules: phases ? { phases } : {},
});

describe("a programme's phases from its terms", () => {
  it('names each phase as the latest version naming it does, in that version’s order', () => {
    const phases = programmePhases([
      version(1, [
        { phaseId: 'aufbau', name: 'Aufbau (alt)' },
        { phaseId: 'pilot', name: 'Pilot' },
      ]),
      version(2, [
        { phaseId: 'aufbau', name: 'Aufbau' },
        { phaseId: 'verstetigung', name: 'Verstetigung' },
      ]),
    ]);
    expect(phases).toEqual([
      { phaseId: 'aufbau', name: 'Aufbau' },
      { phaseId: 'verstetigung', name: 'Verstetigung' },
      { phaseId: 'pilot', name: 'Pilot' },
    ]);
    expect(phaseNameOf(phases, 'pilot')).toBe('Pilot');
    expect(phaseNameOf(phases, 'phase-1')).toBe('phase-1');
  });

  it('has none for a programme without phases or without terms', () => {
    expect(programmePhases([version(1, [])])).toEqual([]);
    expect(programmePhases([])).toEqual([]);
  });

  it('orders phase ids as the programme does, unknown ones after', () => {
    const phases = [
      { phaseId: 'phase-1', name: 'Förderphase I' },
      { phaseId: 'phase-2', name: 'Förderphase II' },
    ];
    expect(inPhaseOrder(phases, ['x', 'phase-2', 'phase-1', 'phase-2'])).toEqual(['phase-1', 'phase-2', 'x']);
    expect(inPhaseOrder(phases, [])).toEqual([]);
  });
});
