import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditAccessLog } from './http/audit-access-log';
import { AuditIntegrityController } from './http/audit-integrity.controller';
import { AuditRecordsController } from './http/audit-records.controller';
import { AuditReader } from './queries/audit-reader';
import { ExportRangeHandler, GetPublicKeyHandler, VerifyIntegrityHandler } from './queries/integrity-queries';
import { GetMunicipalityTimelineHandler, GetReadModelsAsOfHandler } from './queries/programme-queries';
import { GetRecordAsOfHandler, GetStreamHistoryHandler, ListStreamsHandler } from './queries/record-queries';
import { signingKeyProvider } from './signing/signing-key.provider';

/**
 * Auditors replay, time-travel and verify. Everything here reads: the store through the port and
 * the read models the other contexts register, so a new context is covered without naming it.
 */
@Module({
  imports: [CqrsModule],
  controllers: [AuditRecordsController, AuditIntegrityController],
  providers: [
    AuditAccessLog,
    AuditReader,
    signingKeyProvider,
    ListStreamsHandler,
    GetStreamHistoryHandler,
    GetRecordAsOfHandler,
    GetReadModelsAsOfHandler,
    GetMunicipalityTimelineHandler,
    VerifyIntegrityHandler,
    ExportRangeHandler,
    GetPublicKeyHandler,
  ],
})
export class AuditModule {}
