import type { RecordedEvent } from '../event';
import type { ReadStreamOptions } from '../event-store';

/** Applies `fromRevision` / `toRevision` / `toRecordedAt` to a stream already in revision order. */
export function filterStreamEvents(events: RecordedEvent[], options: ReadStreamOptions): RecordedEvent[] {
  const until = options.toRecordedAt === undefined ? undefined : Date.parse(options.toRecordedAt);
  return events.filter(
    (e) =>
      (options.fromRevision === undefined || e.revision >= options.fromRevision) &&
      (options.toRevision === undefined || e.revision <= options.toRevision) &&
      (until === undefined || Date.parse(e.metadata.recordedAt) <= until),
  );
}
