export * from './audit.module';
export * from './audit-worker.module';
export { CheckpointSchedule } from './integrity/checkpoint-schedule';
export { CheckpointRecorder } from './integrity/checkpoint-recorder';
export * from './integrity/checkpoint';
export { merkleRoot, type StreamHead } from './integrity/merkle';
export { verifyIntegrity, type IntegrityReport } from './integrity/verify-integrity';
export {
  AuditSigningKey,
  loadSigningKey,
  publicKeyInfo,
  readEd25519PublicKey,
  type PublicKeyInfo,
} from './signing/audit-signing-key';
export type { ExportManifest, ExportTrailer } from './export/manifest';
export { replayProjections, type ReplayReport } from './replay/replay-projections';
export { readModelsAsOf } from './time-travel/read-models-as-of';
export { recordAsOf, type RecordAsOf } from './time-travel/record-as-of';
export { RecordSnapshots } from './time-travel/record-snapshots';
export { municipalityTimeline } from './time-travel/municipality-timeline';
export { serializeState } from './time-travel/serialize-state';
export type { AsOf, TimeAxis } from './time-travel/as-of';
