import type { Provider } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '@app/shared';
import {
  loadNotificationsConfig,
  NOTIFICATIONS_CONFIG,
  type NotificationsConfig,
} from './notifications-config';
import { SecretBox } from './secret-box';

/** The notifications settings from the environment (validated) and the box that seals secrets. */
export function notificationsProviders(side: 'api' | 'worker', env: NodeJS.ProcessEnv): Provider[] {
  return [
    {
      provide: NOTIFICATIONS_CONFIG,
      useFactory: (app: AppConfig) => loadNotificationsConfig(env, app, side),
      inject: [APP_CONFIG],
    },
    {
      provide: SecretBox,
      useFactory: (config: NotificationsConfig) => new SecretBox(config.secretKey),
      inject: [NOTIFICATIONS_CONFIG],
    },
  ];
}
