import type { Provider } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '@app/shared';
import { AuditSigningKey, loadSigningKey } from './audit-signing-key';

/** One key for exports (API) and checkpoints (worker): both load it from the same configuration. */
export const signingKeyProvider: Provider = {
  provide: AuditSigningKey,
  useFactory: (config: AppConfig) => loadSigningKey(config.audit.signingKey),
  inject: [APP_CONFIG],
};
