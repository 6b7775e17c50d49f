import { Module } from '@nestjs/common';
import { CheckpointSchedule } from './integrity/checkpoint-schedule';
import { signingKeyProvider } from './signing/signing-key.provider';

/**
 * For the worker process (or wherever the worker runs): periodic integrity checkpoints. Needs
 * the global EventSourcingModule; the interval is AUDIT_CHECKPOINT_INTERVAL_SECONDS (0: off).
 * Checkpoints are signed with the same key as the API's exports (AUDIT_SIGNING_KEY[_FILE]).
 */
@Module({
  providers: [signingKeyProvider, CheckpointSchedule],
  exports: [CheckpointSchedule],
})
export class AuditWorkerModule {}
