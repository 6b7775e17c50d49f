import type { Provider } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '@app/shared';
import { GRANTS_OFFICE, grantsOfficeFile, loadGrantsOffice } from './grants-office';

export const grantsOfficeProvider: Provider = {
  provide: GRANTS_OFFICE,
  useFactory: (config: AppConfig) =>
    loadGrantsOffice(grantsOfficeFile(process.env, config.municipalityRegistryFile)),
  inject: [APP_CONFIG],
};
