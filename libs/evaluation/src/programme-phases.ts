import type { PhaseDefinition } from '@app/programmes-calls/rules';
import type { PhaseName } from './survey';

/** What this context reads of a programme's rules versions: their number and their phases. */
export interface VersionPhases {
  version: number;
  rules: { phases?: PhaseDefinition[] };
}

/**
 * Every phase a programme's terms have named, by id with its name: in the order of the latest
 * version that names phases, then those only earlier versions named (a phase dropped later still
 * names the grants issued in it). Each id is named as the latest version naming it names it.
 * [] for a programme without phases, or one with no rules version.
 */
export function programmePhases(versions: readonly VersionPhases[]): PhaseName[] {
  const phases: PhaseName[] = [];
  for (const version of [...versions].sort((a, b) => b.version - a.version))
    for (const { phaseId, name } of version.rules.phases ?? [])
      if (!phases.some((p) => p.phaseId === phaseId)) phases.push({ phaseId, name });
  return phases;
}

/** A phase's name as the programme's phases give it; an id they do not know stands for itself. */
export const phaseNameOf = (phases: readonly PhaseName[], phaseId: string): string =>
  phases.find((p) => p.phaseId === phaseId)?.name ?? phaseId;

/**
 * Phase ids in the programme's order; ids it does not know (e.g. of a grant issued under terms
 * since changed) follow, alphabetically.
 */
export function inPhaseOrder(phases: readonly PhaseName[], phaseIds: Iterable<string>): string[] {
  const rank = (id: string) => {
    const i = phases.findIndex((p) => p.phaseId === id);
    return i < 0 ? phases.length : i;
  };
  return [...new Set(phaseIds)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
