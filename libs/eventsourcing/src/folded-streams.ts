import type { Decider } from './decider';
import type { DomainEvent } from './event';
import type { EventStore } from './event-store';

export interface FoldedStream<S> {
  state: S;
  /** -1 when the stream does not exist. */
  revision: number;
}

type Folding<S> = Pick<Decider<unknown, DomainEvent, S>, 'evolve' | 'initialState'>;

interface Kept {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  evolve: (state: any, event: any) => unknown;
  initialState: () => unknown;
  state: unknown;
  revision: number;
}

/**
 * The folded state of the streams a process writes to again and again (a call's deadline, which
 * gains an obligation with every expression of interest): each load reads only the events stored
 * after the revision it knows, so the answer is still the store's current state (other processes'
 * appends included), without re-reading and re-folding the whole stream every time. A state is
 * kept per stream and per fold (`evolve` and `initialState`); states are values (`evolve` never
 * changes the state it is given). The least recently used streams are forgotten beyond `limit`.
 */
export class FoldedStreams {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly limit = 1000) {}

  async load<S>(store: EventStore, streamId: string, decider: Folding<S>): Promise<FoldedStream<S>> {
    const from = this.keptFor(streamId, decider);
    const events = from
      ? await store.readStream(streamId, { fromRevision: from.revision + 1 })
      : await store.readStream(streamId);
    if (from && events.length === 0) return { state: from.state as S, revision: from.revision };
    const state = (events as unknown as DomainEvent[]).reduce(
      decider.evolve,
      from ? (from.state as S) : decider.initialState(),
    );
    const revision = events.length > 0 ? (events[events.length - 1].revision as number) : -1;
    if (revision >= 0) this.remember(streamId, decider, state, revision);
    return { state, revision };
  }

  /**
   * The state kept for the stream, without reading the store: it may be stale if another process
   * appended since, so it may only decide a command whose append expects its revision (the
   * store then refuses a stale decision).
   */
  peek<S>(streamId: string, decider: Folding<S>): FoldedStream<S> | undefined {
    const known = this.keptFor(streamId, decider);
    return known && { state: known.state as S, revision: known.revision };
  }

  /** After an append of this process: the state the stream has at `revision` (an older one is ignored). */
  remember<S>(streamId: string, decider: Folding<S>, state: S, revision: number): void {
    if ((this.keptFor(streamId, decider)?.revision ?? -1) > revision) return;
    this.kept.delete(streamId);
    this.kept.set(streamId, { evolve: decider.evolve, initialState: decider.initialState, state, revision });
    // The least recently used goes first (a Map iterates in insertion order).
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value as string);
  }

  /** What is kept for the stream, if it was folded the same way (same `evolve` and `initialState`). */
  private keptFor<S>(streamId: string, decider: Folding<S>): Kept | undefined {
    const known = this.kept.get(streamId);
    return known?.evolve === decider.evolve && known.initialState === decider.initialState
      ? known
      : undefined;
  }

  get size(): number {
    return this.kept.size;
  }
}
