import { Module } from '@nestjs/common';
import { CheckpointSchedule } from './integrity/checkpoint-schedule';

/**
 * For the worker process (or wherever the worker runs): periodic integrity checkpoints. Needs
 * the global EventSourcingModule; the interval is AUDIT_CHECKPOINT_INTERVAL_SECONDS (0: off).
 */
@Module({
  providers: [CheckpointSchedule],
  exports: [CheckpointSchedule],
})
export class AuditWorkerModule {}
