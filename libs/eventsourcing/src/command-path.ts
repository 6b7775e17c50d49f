import type { Decider } from './decider';
import { fold } from './decider';
import type { Actor, DomainEvent, NewEvent, RecordedEvent } from './event';
import type { EventStore, ExpectedRevision } from './event-store';
import { ConcurrencyError, PartialDuplicateAppendError } from './errors';
import type { FoldedStreams } from './folded-streams';
import { deterministicUuid, newId } from './ids';

/** Who asks, why, and when: everything the envelope needs that the decider must not know. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /** The event or request that caused this command; defaults to the correlation id. */
  causationId?: string;
  /** Set from an Idempotency-Key: makes event ids deterministic, so a retry writes nothing twice. */
  commandId?: string;
  /** Business time of the fact, from the one Clock (or the date the fact really happened). */
  occurredAt: string;
}

export interface CommandOutcome<E extends DomainEvent, S> {
  events: E[];
  state: S;
  /** Revision of the stream after the command (-1: the stream still does not exist). */
  revision: number;
  /** Global position of the last event written; undefined when nothing was written. */
  position?: number;
}

export interface CommandPathOptions<S = never, C = never> {
  /** From If-Match: refuse if the stream moved on since the caller read it. */
  expectedRevision?: number;
  /**
   * The stream's state as the caller already holds it, folded from its events up to `revision`
   * (e.g. by a follower of `$all`): the first attempt decides on it without reading the stream,
   * and appends expecting that revision. If the stream has moved on, the store refuses the
   * append and the command reads the stream and decides again, as after any lost race.
   */
  known?: { state: S; revision: number };
  /** How often to reload and decide again after losing a race (only without If-Match). */
  retries?: number;
  /** Runs once the decision is made and before anything is appended (e.g. to reserve an idempotency key). */
  beforeAppend?: () => Promise<void>;
  /**
   * Where the stream's folded state is kept between commands: only the events stored since are
   * read and folded (for streams a process writes to again and again, e.g. a call's deadline).
   */
  states?: FoldedStreams;
  /**
   * Whether a decision to write nothing on this state stays so on every later state of the stream
   * (what it found is never undone, e.g. an obligation already recorded): such a decision on the
   * kept state (see `states`) is then final, without reading the store.
   */
  settled?: (command: C, state: S) => boolean;
}

export const SCHEMA_VERSION = 1;

/**
 * A command, or a function that builds it from the state just loaded: handlers use the latter to
 * check access and gather outside facts against the very state the decision is made on.
 */
export type CommandSource<C, S> = C | ((state: S) => C | Promise<C>);

/**
 * The one path every command takes: load the stream, fold, decide, append with the revision that
 * was read. A lost race is retried by deciding again on the fresh state, because the decision may
 * differ; with an explicit expected revision, the conflict goes back to the caller instead.
 */
export function runCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  source: CommandSource<C, S>,
  context: CommandContext,
  options: CommandPathOptions<S, C> = {},
): Promise<CommandOutcome<E, S>> {
  return decideAndAppend(store, streamId, decider, source, () => context, options);
}

/** A command and the context its events are recorded with (see runCommands). */
export interface CommandInBatch<C> {
  command: C;
  context: CommandContext;
}

/**
 * Several commands to one stream, decided one after the other (each on the state the ones before
 * it leave) and appended together: one append, one commit. Each event carries its own command's
 * context, so its id and envelope are those the command run alone would have given it at that
 * revision. For a follower that records many derived facts on one stream at once (a call's
 * deadline gains an obligation per expression of interest drafted). The options are runCommand's
 * without If-Match; `settled` is asked per command.
 */
export async function runCommands<C, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  batch: CommandInBatch<C>[],
  options: Pick<CommandPathOptions<S, C>, 'retries' | 'states' | 'settled'> = {},
): Promise<CommandOutcome<E, S>> {
  // The context of each event decided, in order; filled anew by every decision.
  let contexts: CommandContext[] = [];
  const inOrder: Decider<CommandInBatch<C>[], E, S> = {
    evolve: decider.evolve,
    initialState: decider.initialState,
    decide(commands, state) {
      contexts = [];
      const events: E[] = [];
      let now = state;
      for (const { command, context } of commands) {
        const decided = decider.decide(command, now);
        for (const event of decided) {
          events.push(event);
          contexts.push(context);
        }
        now = decided.reduce(decider.evolve, now);
      }
      return events;
    },
  };
  const { settled } = options;
  return decideAndAppend(
    store,
    streamId,
    inOrder,
    batch,
    (i) => contexts[i],
    {
      retries: options.retries,
      states: options.states,
      // Nothing decided for any of them: the state is the same for each.
      settled: settled && ((commands, state) => commands.every((c) => settled(c.command, state))),
    },
    // Another process recorded some of the same commands meanwhile (their events, same ids, are
    // there): a lost race like any other, decided again on the stream as it is now.
    (error) => error instanceof PartialDuplicateAppendError,
  );
}

async function decideAndAppend<C, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  source: CommandSource<C, S>,
  contextOf: (eventIndex: number) => CommandContext,
  options: CommandPathOptions<S, C>,
  lostRace: (error: unknown) => boolean = () => false,
): Promise<CommandOutcome<E, S>> {
  if (options.known && options.expectedRevision !== undefined)
    throw new Error('runCommand: a known state and an expected revision exclude each other');
  // Without a known state, the state this process kept after its last append to the stream (or
  // its last read of it) decides first, without reading the store. It may be stale (another
  // process appended since): an append then meets a changed revision and the command reads and
  // decides again; a decision to write nothing, or a refusal, is only taken on the store's current
  // state.
  let known = options.known;
  let kept = false;
  if (!known && options.expectedRevision === undefined && options.states) {
    known = options.states.peek(streamId, decider);
    kept = known !== undefined;
  }
  // A known state that turns out stale costs one attempt more, not one of the retries.
  let attempts = options.expectedRevision === undefined ? (options.retries ?? 3) + 1 + (known ? 1 : 0) : 1;
  for (let attempt = 1; ; attempt++) {
    let prepared: PreparedCommand<C, S>;
    let events: E[];
    try {
      prepared =
        attempt === 1 && known
          ? { state: known.state, revision: known.revision, command: await commandFor(source, known.state) }
          : await prepare(store, streamId, decider, source, options.expectedRevision, options.states);
      events = decider.decide(prepared.command, prepared.state);
    } catch (error) {
      // A refusal on the kept state is only given on the store's current one.
      if (attempt === 1 && kept) {
        attempts++;
        continue;
      }
      throw error;
    }
    const { state, revision } = prepared;
    if (events.length === 0) {
      if (attempt === 1 && kept && !options.settled?.(prepared.command, state)) {
        attempts++;
        continue;
      }
      return { events, state, revision };
    }
    const expected: ExpectedRevision = revision < 0 ? 'no_stream' : revision;
    await options.beforeAppend?.();
    try {
      const result = await store.appendToStream(
        streamId,
        events.map((event, i) => envelope(event, streamId, revision + 1 + i, contextOf(i))),
        expected,
      );
      const after = events.reduce(decider.evolve, state);
      options.states?.remember(streamId, decider, after, result.nextExpectedRevision);
      return { events, state: after, revision: result.nextExpectedRevision, position: result.position };
    } catch (error) {
      if ((error instanceof ConcurrencyError || lostRace(error)) && attempt < attempts) continue;
      throw error;
    }
  }
}

/** The stream's state, its revision and the command built against it; checks If-Match. */
async function prepare<C, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  source: CommandSource<C, S>,
  expectedRevision: number | undefined,
  states?: FoldedStreams,
): Promise<PreparedCommand<C, S>> {
  const { state, revision } = states
    ? await states.load(store, streamId, decider)
    : foldHistory(decider, (await store.readStream(streamId)) as RecordedEvent<E>[]);
  const command = await commandFor(source, state);
  if (expectedRevision !== undefined && expectedRevision !== revision) {
    throw new ConcurrencyError(streamId, expectedRevision, revision < 0 ? 'no_stream' : revision);
  }
  return { state, revision, command };
}

function foldHistory<E extends DomainEvent, S>(
  decider: Decider<unknown, E, S>,
  history: RecordedEvent<E>[],
): { state: S; revision: number } {
  return { state: fold(decider, history as unknown as E[]), revision: history.length - 1 };
}

function commandFor<C, S>(source: CommandSource<C, S>, state: S): C | Promise<C> {
  return typeof source === 'function' ? (source as (state: S) => C | Promise<C>)(state) : source;
}

export interface PreparedCommand<C, S> {
  state: S;
  /** -1 when the stream does not exist. */
  revision: number;
  command: C;
}

/**
 * Decides without appending: the refusals a command would meet now, before a handler writes to
 * another stream on its behalf (a refused command must leave nothing behind). Returns what it
 * checked, so that the real run can insist on the same revision and reuse the same command.
 */
export async function previewCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  source: CommandSource<C, S>,
  options: Pick<CommandPathOptions, 'expectedRevision'> = {},
): Promise<PreparedCommand<C, S>> {
  const prepared = await prepare(store, streamId, decider, source, options.expectedRevision);
  decider.decide(prepared.command, prepared.state);
  return prepared;
}

function envelope(event: DomainEvent, streamId: string, revision: number, context: CommandContext): NewEvent {
  const eventId = context.commandId
    ? deterministicUuid(`${context.commandId}:${streamId}:${revision}`)
    : newId();
  return {
    type: event.type,
    data: event.data,
    metadata: {
      eventId,
      schemaVersion: SCHEMA_VERSION,
      occurredAt: context.occurredAt,
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.causationId ?? context.correlationId,
      ...(context.commandId ? { commandId: context.commandId } : {}),
    },
  };
}
