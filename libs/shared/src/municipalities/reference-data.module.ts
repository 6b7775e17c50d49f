import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MunicipalityRegistry } from './municipality-registry';

@Global()
@Module({})
export class ReferenceDataModule {
  static forRoot(registryFile: string): DynamicModule {
    return {
      module: ReferenceDataModule,
      providers: [
        { provide: MunicipalityRegistry, useFactory: () => MunicipalityRegistry.fromCsvFile(registryFile) },
      ],
      exports: [MunicipalityRegistry],
    };
  }
}
