import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type CommandOutcome,
  type CommandPathOptions,
  type CommandSource,
  type PreparedCommand,
  type Decider,
  deterministicUuid,
  type DomainEvent,
  type EventStore,
  FoldedStreams,
  previewCommand,
  newId,
  ProjectionRunner,
  runCommand,
} from '@app/eventsourcing';
import type { AppConfig } from '../config/app-config';
import { requestContext } from '../http/request-context';
import { Clock } from '../time/clock';
import { APP_CONFIG, EVENT_STORE } from './tokens';

export interface LoadedStream<S> {
  state: S;
  /** -1 when the stream does not exist. */
  revision: number;
}

/**
 * Runs commands on behalf of the current request: the actor, correlation and idempotency key
 * come from the request context, the time from the one Clock. Answers only once the command's
 * events are visible in this process's read models.
 */
@Injectable()
export class CommandService {
  private readonly logger = new Logger(CommandService.name);
  private readonly loaded = new FoldedStreams(LOADED_STREAMS);
  /**
   * The state of each stream this process last wrote to, as its append left it: the next command
   * on it (a submission after the draft) decides on it without reading the stream. Another
   * process's append since makes the store refuse the stale decision, and the command reads and
   * decides again; a refusal or "nothing to do" is only ever given on the store's current state.
   */
  private readonly written = new FoldedStreams(WRITTEN_STREAMS);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The request's one reading of the clock: every fact of one command carries the same time. */
  now(): Date {
    const ctx = requestContext.current();
    if (!ctx) return this.clock.now();
    ctx.now ??= this.clock.now();
    return ctx.now;
  }

  /**
   * An id for a new record. Under an Idempotency-Key it is derived from the command id, so a
   * retried or concurrent duplicate names the same record and cannot create a second one.
   */
  newId(purpose: string): string {
    const commandId = requestContext.current()?.commandId;
    return commandId ? deterministicUuid(`${commandId}:new:${purpose}`) : newId();
  }

  async run<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: CommandSource<C, S>,
    options: CommandPathOptions<S, C> & {
      occurredAt?: string;
      /**
       * Decide on the store's current state, never on one kept from this process's last append:
       * for a command builder that writes something itself before the decision (a booking), which
       * must not be written on a state another process has since changed.
       */
      fresh?: boolean;
    } = {},
  ): Promise<CommandOutcome<E, S>> {
    const ctx = requestContext.current();
    if (!ctx?.actor) throw new Error('CommandService.run outside an authenticated request');
    const { fresh, ...pathOptions } = options;
    // Under an Idempotency-Key a retry may find its events stored by the first attempt, whose data
    // (its time, say) may differ from this attempt's: what it would keep could differ from the stream.
    const states = fresh || ctx.commandId ? undefined : this.written;
    const outcome = await runCommand(
      this.store,
      streamId,
      decider,
      command,
      {
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        commandId: ctx.commandId,
        occurredAt: options.occurredAt ?? this.now().toISOString(),
      },
      { states, ...pathOptions, beforeAppend: ctx.idempotency?.reserve },
    );
    if (outcome.position !== undefined) {
      // The events are stored: whatever happens to the read models, the answer is a success.
      const caughtUp = await this.projections
        .waitFor(outcome.position, this.config.projectionWaitMs)
        .catch((error: unknown) => {
          this.logger.error({ err: error }, 'read models have stopped; /health reports it');
          return false;
        });
      if (!caughtUp) this.logger.warn(`read models did not reach position ${outcome.position} in time`);
    }
    return outcome;
  }

  /**
   * The refusals the command would meet now, without writing anything. Returns the state, the
   * revision and the command it checked, so that the real run can insist on that revision.
   */
  preview<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: CommandSource<C, S>,
    options: Pick<CommandPathOptions, 'expectedRevision'> = {},
  ): Promise<PreparedCommand<C, S>> {
    return previewCommand(this.store, streamId, decider, command, options);
  }

  /**
   * Current state of a stream, for gathering the outside facts a decision needs. The same few
   * streams (a call, a programme's rules) are loaded by every command on them: their folded state
   * is kept, and each load reads only the events stored after it, so the answer is always the
   * store's current state (another process's appends included), without re-reading and re-parsing
   * the whole stream. States are values (`evolve` never changes the state it is given).
   */
  load<E extends DomainEvent, S>(
    streamId: string,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  ): Promise<LoadedStream<S>> {
    return this.loaded.load(
      this.store,
      streamId,
      decider as Pick<Decider<unknown, DomainEvent, S>, 'evolve' | 'initialState'>,
    );
  }
}

/** Streams whose folded state `load` keeps (a call's or a programme's: few, each read often). */
const LOADED_STREAMS = 1000;
/** Streams written to whose state `run` keeps (the least recently written are forgotten). */
const WRITTEN_STREAMS = 10_000;
