import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event';

/** A test event with a complete envelope; only type and data vary. */
export function newEvent(
  type: string,
  data: unknown,
  overrides: Partial<NewEvent['metadata']> = {},
): NewEvent {
  const id = randomUUID();
  return {
    type,
    data,
    metadata: {
      eventId: id,
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      actor: { subject: 'contract-test', role: 'system' },
      correlationId: id,
      causationId: id,
      ...overrides,
    },
  };
}
