import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@app/eventsourcing';
import { EXPRESSION_OF_INTEREST } from './fixtures';

/**
 * A complete event envelope for the store benchmarks (the library's own test helper lives under
 * testing/, which is not compiled). Its data is shaped like an ExpressionOfInterestDrafted event,
 * so the store hashes and writes about as many bytes per append as the HTTP command path does,
 * and the command-vs-append ratio compares like with like.
 */
export function benchEvent(streamId: string, seq: number): NewEvent {
  const id = randomUUID();
  return {
    type: 'BenchEventRecorded',
    data: {
      applicationId: `${streamId}.${seq}`,
      callId: 'bench',
      programmeId: 'bench',
      applicant: {
        ags: '05978000',
        name: 'Kreis Unna',
        type: 'kreis',
        population: 394000,
        regierungsbezirk: 'Arnsberg',
      },
      members: [],
      content: EXPRESSION_OF_INTEREST,
    },
    metadata: {
      eventId: id,
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      actor: { subject: 'municipality:05978000', role: 'municipality', ags: '05978000' },
      correlationId: id,
      causationId: id,
    },
  };
}
