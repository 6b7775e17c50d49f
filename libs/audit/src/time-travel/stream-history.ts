import {
  type ChainBreak,
  type EventStore,
  type RecordedEvent,
  type UpcasterRegistry,
  verifyStreamChain,
} from '@app/eventsourcing';

export type HistoryEntry = RecordedEvent & {
  /** Present when the event was stored in an older schema: how today's code reads it. */
  upcast?: { schemaVersion: number; data: unknown };
};

export interface StreamHistory {
  streamId: string;
  events: HistoryEntry[];
  /** The stream's own chain, checked on the stored events. */
  chain: { intact: boolean; headHash?: string; firstBreak?: ChainBreak };
}

/** A stream's events exactly as stored, with every metadata field, and how old ones read today. */
export async function streamHistory(
  stored: EventStore,
  upcasters: UpcasterRegistry,
  streamId: string,
): Promise<StreamHistory | undefined> {
  const events = await stored.readStream(streamId);
  if (events.length === 0) return undefined;
  const firstBreak = verifyStreamChain(streamId, events);
  return {
    streamId,
    events: events.map((event) => {
      const current = upcasters.upcast(event);
      return current === event
        ? event
        : { ...event, upcast: { schemaVersion: current.metadata.schemaVersion, data: current.data } };
    }),
    chain: {
      intact: !firstBreak,
      ...(firstBreak ? { firstBreak } : { headHash: events[events.length - 1].metadata.hash }),
    },
  };
}
