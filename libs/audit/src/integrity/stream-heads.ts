import type { RecordedEvent } from '@app/eventsourcing';
import { merkleRoot, type StreamHead } from './merkle';

/** The head of every stream, kept up to date event by event in position order. */
export class StreamHeads {
  private readonly heads = new Map<string, StreamHead>();
  events = 0;
  position = 0;

  apply(event: RecordedEvent): StreamHead | undefined {
    const before = this.heads.get(event.streamId);
    this.heads.set(event.streamId, {
      streamId: event.streamId,
      revision: event.revision,
      hash: event.metadata.hash,
    });
    this.events++;
    this.position = event.position;
    return before;
  }

  get streams(): number {
    return this.heads.size;
  }

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  all(): StreamHead[] {
    return [...this.heads.values()];
  }

  root(): string {
    return merkleRoot(this.all());
  }
}
