import type { ProjectionRunner } from '@app/eventsourcing';
import { expressionsOfInterestProjection } from '@app/applications';
import type { CommandService } from '@app/shared';
import type { CallCommitments } from './call-limits';
import { evolveSelection, initialSelectionState, selectionStream } from './selection';

/**
 * The call's other selections, each read from its own selection stream (the decisions are facts
 * of those streams); which submissions the call has is taken from the expressions-of-interest
 * read model, complete once the call has closed. Two decisions at the same instant may both see
 * the same count: a known limit, named in docs/events.md.
 */
export async function loadCallCommitments(
  commands: CommandService,
  projections: ProjectionRunner,
  callId: string,
  exceptApplicationId: string,
): Promise<CallCommitments> {
  const ids = (projections.state(expressionsOfInterestProjection).byCall.get(callId) ?? []).filter(
    (id) => id !== exceptApplicationId,
  );
  const states = await Promise.all(
    ids.map(
      async (id) =>
        (
          await commands.load(selectionStream(id), {
            evolve: evolveSelection,
            initialState: initialSelectionState,
          })
        ).state,
    ),
  );
  const selected = states.filter((s) => s.decision?.outcome === 'selected');
  return {
    selected: selected.length,
    amountCents: selected.reduce((sum, s) => sum + (s.decision?.amountCents ?? 0), 0),
  };
}
