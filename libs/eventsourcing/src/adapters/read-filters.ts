import type { RecordedEvent } from '../event';
import type { ReadStreamOptions } from '../event-store';

/** Applies `toRevision` / `toRecordedAt` to a stream already in revision order. */
export function filterStreamEvents(events: RecordedEvent[], options: ReadStreamOptions): RecordedEvent[] {
  const until = options.toRecordedAt === undefined ? undefined : Date.parse(options.toRecordedAt);
  return events.filter(
    (e) =>
      (options.toRevision === undefined || e.revision <= options.toRevision) &&
      (until === undefined || Date.parse(e.metadata.recordedAt) <= until),
  );
}
