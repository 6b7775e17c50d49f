import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@app/shared';
import { type ExportRequest, type ExportSink, writeExport } from '../export/build-export';
import type { ExportManifest } from '../export/manifest';
import { AuditSigningKey, type PublicKeyInfo } from '../signing/audit-signing-key';
import { type IntegrityReport, verifyIntegrity } from '../integrity/verify-integrity';
import { AuditReader } from './audit-reader';

export class VerifyIntegrityQuery extends Query<IntegrityReport> {}

/** An export ready to be written: the caller decides where the lines go. */
export interface ExportWriter {
  createdAt: string;
  /** `signal` stops it between pages (the client went away). */
  write(sink: ExportSink, signal?: AbortSignal): Promise<ExportManifest>;
}

export class ExportRangeQuery extends Query<ExportWriter> {
  constructor(readonly request: Omit<ExportRequest, 'createdAt'>) {
    super();
  }
}

export class GetPublicKeyQuery extends Query<PublicKeyInfo> {}

@QueryHandler(VerifyIntegrityQuery)
export class VerifyIntegrityHandler implements IQueryHandler<VerifyIntegrityQuery> {
  constructor(
    private readonly reader: AuditReader,
    private readonly key: AuditSigningKey,
  ) {}
  execute(): Promise<IntegrityReport> {
    return verifyIntegrity(this.reader.stored, { publicKey: this.key.publicKey });
  }
}

@QueryHandler(ExportRangeQuery)
export class ExportRangeHandler implements IQueryHandler<ExportRangeQuery> {
  constructor(
    private readonly reader: AuditReader,
    private readonly key: AuditSigningKey,
    private readonly clock: Clock,
  ) {}
  async execute({ request }: ExportRangeQuery): Promise<ExportWriter> {
    const createdAt = this.clock.now().toISOString();
    return {
      createdAt,
      write: (sink, signal) =>
        writeExport(this.reader.stored, { ...request, createdAt }, this.key, sink, signal),
    };
  }
}

@QueryHandler(GetPublicKeyQuery)
export class GetPublicKeyHandler implements IQueryHandler<GetPublicKeyQuery> {
  constructor(private readonly key: AuditSigningKey) {}
  async execute(): Promise<PublicKeyInfo> {
    return this.key.info;
  }
}
