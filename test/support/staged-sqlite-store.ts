import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  SqliteEventStore,
} from '@app/eventsourcing';

type AppendFilter = (streamId: string, events: NewEvent[]) => boolean;

/**
 * The real SQLite adapter with two stage directions for race and crash tests, neither of which
 * changes what an append does once it runs:
 * - `rendezvous(n, filter)`: the first n matching appends wait for one another (at most 2 s),
 *   so n requests that each read before any of them wrote really do write at once;
 * - `crashBefore(filter)`: the next matching append fails before anything is written, as when
 *   the process stops between two appends of one command.
 */
export class StagedSqliteStore extends SqliteEventStore {
  private gate?: { filter: AppendFilter; waiting: number; arrived: Array<() => void> };
  private crash?: AppendFilter;

  constructor() {
    super(join(mkdtempSync(join(tmpdir(), 'kkz-esf-')), 'events.sqlite'));
  }

  rendezvous(parties: number, filter: AppendFilter): void {
    this.gate = { filter, waiting: parties, arrived: [] };
  }

  /** True once every party of the last rendezvous arrived (rather than one tiring of waiting). */
  get rendezvousMet(): boolean {
    return this.gate?.waiting === 0;
  }

  crashBefore(filter: AppendFilter): void {
    this.crash = filter;
  }

  override async appendToStream(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.crash?.(streamId, events)) {
      this.crash = undefined;
      throw new Error(`simulated crash before appending to ${streamId}`);
    }
    const gate = this.gate;
    if (gate && gate.waiting > 0 && gate.filter(streamId, events)) {
      gate.waiting--;
      await new Promise<void>((resolve) => {
        gate.arrived.push(resolve);
        if (gate.waiting === 0) gate.arrived.forEach((release) => release());
        else setTimeout(resolve, 2_000).unref();
      });
    }
    return super.appendToStream(streamId, events, expected);
  }
}

export const hasEvent =
  (type: string): AppendFilter =>
  (_streamId, events) =>
    events.some((e) => e.type === type);
