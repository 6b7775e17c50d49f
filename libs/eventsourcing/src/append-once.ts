import { ConcurrencyError } from './errors';
import type { NewEvent } from './event';
import type { EventStore } from './event-store';

const ATTEMPTS = 5;

/**
 * Appends events whose ids derive from their cause, once: the (small) stream is read first, what
 * is there already is left out, and the rest goes in at the revision just read; a lost race reads
 * again. An 'any' append is not enough: EventStoreDB recognises a repeat only at the stream's
 * tail, so a retry after anything else was appended would write the event twice. Returns whether
 * anything was written.
 */
export async function appendOnce(store: EventStore, streamId: string, events: NewEvent[]): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const stream = await store.readStream(streamId);
    const stored = new Set(stream.map((e) => e.metadata.eventId));
    const missing = events.filter((e) => !stored.has(e.metadata.eventId));
    if (missing.length === 0) return false;
    try {
      await store.appendToStream(streamId, missing, stream.at(-1)?.revision ?? 'no_stream');
      return true;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
