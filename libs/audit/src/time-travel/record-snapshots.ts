import type { EventStore, Projection, RecordedEvent } from '@app/eventsourcing';
import { type AsOf, describeAsOf, timeOf } from './as-of';
import { type RecordAsOf, recordAsOf, viewsOf } from './record-as-of';
import { foldFresh } from './read-models-as-of';

/** Every so many revisions the folded state of a record is kept, so a question replays at most that many. */
const SNAPSHOT_EVERY = 256;
/** Records whose history is kept; the least recently asked about is dropped first. */
const MAX_RECORDS = 128;

interface EventFacts {
  position: number;
  occurredAt: number;
  recordedAt: number;
  last: RecordAsOf['lastEvent'];
}

interface Snapshot {
  /** -1: before the first event. */
  revision: number;
  states: Map<string, unknown>;
}

interface RecordHistory {
  facts: EventFacts[];
  snapshots: Snapshot[];
  head: ReturnType<typeof foldFresh>;
  /** False once a read model's state could not be copied: then every answer is folded afresh. */
  snapshotting: boolean;
}

/**
 * A record as of a revision or a date, answered from snapshots: the record's events are folded
 * once (in fresh read-model instances, as `recordAsOf` does) and the state is copied every 256
 * revisions, so an auditor moving back and forth through a long history replays at most 256
 * events per question. New events are picked up on every question (a read from the cached
 * revision on). A date on the business clock whose events are not a prefix of the stream (a
 * fact recorded out of order) is answered by folding exactly the admitted events.
 */
export class RecordSnapshots {
  private readonly records = new Map<string, Promise<RecordHistory | undefined>>();

  constructor(
    private readonly store: EventStore,
    private readonly projections: () => readonly Projection<unknown>[],
  ) {}

  async asOf(streamId: string, asOf: AsOf): Promise<RecordAsOf | undefined> {
    const history = await this.history(streamId);
    if (!history) return undefined;
    const target = targetRevision(history.facts, asOf);
    if (target === 'not-a-prefix' || !history.snapshotting) {
      return recordAsOf(this.store, this.projections(), streamId, asOf);
    }
    const snapshot = [...history.snapshots].reverse().find((s) => s.revision <= target) as Snapshot;
    const fold = foldFresh(this.projections());
    for (const [name, state] of snapshot.states) fold.states.set(name, structuredClone(state));
    if (target > snapshot.revision) {
      const events = await this.store.readStream(streamId, {
        fromRevision: snapshot.revision + 1,
        toRevision: target,
      });
      for (const event of events) fold.apply(event);
    }
    const facts = target >= 0 ? history.facts[target] : undefined;
    return {
      streamId,
      asOf: describeAsOf(asOf),
      revision: target,
      position: facts?.position ?? 0,
      events: target + 1,
      ...(facts ? { lastEvent: facts.last } : {}),
      readModels: viewsOf(this.projections(), fold.states),
    };
  }

  /** The record's folded history, brought up to date; one refresh per record at a time. */
  private history(streamId: string): Promise<RecordHistory | undefined> {
    const previous = this.records.get(streamId) ?? Promise.resolve(undefined);
    const next = previous.then((history) => this.refresh(streamId, history));
    this.records.delete(streamId);
    this.records.set(streamId, next);
    if (this.records.size > MAX_RECORDS) this.records.delete(this.records.keys().next().value as string);
    next.catch(() => this.records.delete(streamId));
    return next;
  }

  private async refresh(
    streamId: string,
    known: RecordHistory | undefined,
  ): Promise<RecordHistory | undefined> {
    const events = await this.store.readStream(streamId, { fromRevision: known?.facts.length ?? 0 });
    if (!known && events.length === 0) return undefined;
    const history = known ?? {
      facts: [],
      snapshots: [{ revision: -1, states: foldFresh(this.projections()).states }],
      head: foldFresh(this.projections()),
      snapshotting: true,
    };
    for (const event of events) this.add(history, event);
    return history;
  }

  private add(history: RecordHistory, event: RecordedEvent): void {
    history.head.apply(event);
    history.facts.push({
      position: event.position,
      occurredAt: timeOf(event, 'occurred'),
      recordedAt: timeOf(event, 'recorded'),
      last: {
        type: event.type,
        occurredAt: event.metadata.occurredAt,
        recordedAt: event.metadata.recordedAt,
        actor: event.metadata.actor,
      },
    });
    if (!history.snapshotting || (event.revision + 1) % SNAPSHOT_EVERY !== 0) return;
    try {
      history.snapshots.push({ revision: event.revision, states: structuredClone(history.head.states) });
    } catch {
      // A read model holding something that cannot be copied (a function): fold afresh instead.
      history.snapshotting = false;
    }
  }
}

/** The newest revision the "as of" admits, if the admitted events are a prefix of the stream. */
function targetRevision(facts: EventFacts[], asOf: AsOf): number | 'not-a-prefix' {
  const head = facts.length - 1;
  switch (asOf.kind) {
    case 'latest':
      return head;
    case 'revision':
      return Math.min(asOf.revision, head);
    case 'position':
    case 'time': {
      let last = -1;
      let count = 0;
      facts.forEach((f, revision) => {
        const admitted =
          asOf.kind === 'position'
            ? f.position <= asOf.position
            : (asOf.axis === 'recorded' ? f.recordedAt : f.occurredAt) < asOf.beforeMs;
        if (admitted) {
          last = revision;
          count++;
        }
      });
      return count === last + 1 ? last : 'not-a-prefix';
    }
  }
}
