import { deterministicUuid, isValidId } from '@app/eventsourcing';
import type { DeadlineKind } from '../deadline';

/** `<kind>.<subject parts>`; a subject too long for an id is replaced by its digest. */
export function deadlineIdFor(kind: DeadlineKind, ...parts: string[]): string {
  const id = [kind, ...parts].join('.');
  return isValidId(id) ? id : `${kind}.${deterministicUuid(parts.join('|'))}`;
}
