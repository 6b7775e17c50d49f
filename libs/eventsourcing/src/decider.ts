import type { DomainEvent } from './event';

/**
 * A use case's pure core: `decide` turns a command and the current state into new events (or
 * throws a DomainError), `evolve` folds events into state. No I/O, no clock: time and outside
 * facts arrive inside the command.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
