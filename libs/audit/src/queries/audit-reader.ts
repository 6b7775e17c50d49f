import { Inject, Injectable } from '@nestjs/common';
import {
  type EventStore,
  type Projection,
  ProjectionRunner,
  storedEvents,
  UpcasterRegistry,
} from '@app/eventsourcing';
import { EVENT_STORE } from '@app/shared';
import { UnknownReadModel } from '../errors';
import { RecordSnapshots } from '../time-travel/record-snapshots';

/**
 * What every audit question reads: the store as the application reads it (upcast to today's
 * shapes), the store exactly as written (for hashes and exports), and the registered read models
 * of every context, whatever contexts the application is composed of.
 */
@Injectable()
export class AuditReader {
  readonly stored: EventStore;
  /** Records as of a revision or date, from snapshots of their folded history. */
  readonly records: RecordSnapshots;

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    readonly upcasters: UpcasterRegistry,
    private readonly runner: ProjectionRunner,
  ) {
    this.stored = storedEvents(store);
    this.records = new RecordSnapshots(store, () => this.runner.registered());
  }

  projections(only?: string): readonly Projection<unknown>[] {
    const all = this.runner.registered();
    if (only === undefined) return all;
    const found = all.filter((p) => p.name === only);
    if (found.length === 0)
      throw new UnknownReadModel(
        only,
        all.map((p) => p.name),
      );
    return found;
  }
}
