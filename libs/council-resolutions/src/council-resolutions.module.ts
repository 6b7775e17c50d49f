import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { expressionsOfInterestProjection } from '@app/applications';
import { ProjectionRunner } from '@app/eventsourcing';
import { CorrectCouncilResolutionController } from './correct-council-resolution/correct-council-resolution.controller';
import { CorrectCouncilResolutionHandler } from './correct-council-resolution/correct-council-resolution.handler';
import { ImportOparlResolutionController } from './import-oparl-resolution/import-oparl-resolution.controller';
import { ImportOparlResolutionHandler } from './import-oparl-resolution/import-oparl-resolution.handler';
import { councilResolutionsProjection } from './queries/council-resolutions.projection';
import { CouncilResolutionsQueriesController } from './queries/council-resolutions-queries.controller';
import {
  GetCouncilResolutionHandler,
  ListApplicationCouncilResolutionsHandler,
} from './queries/council-resolutions.queries';
import { RecordCouncilResolutionController } from './record-council-resolution/record-council-resolution.controller';
import { RecordCouncilResolutionHandler } from './record-council-resolution/record-council-resolution.handler';

@Module({
  imports: [CqrsModule],
  controllers: [
    RecordCouncilResolutionController,
    ImportOparlResolutionController,
    CorrectCouncilResolutionController,
    CouncilResolutionsQueriesController,
  ],
  providers: [
    RecordCouncilResolutionHandler,
    ImportOparlResolutionHandler,
    CorrectCouncilResolutionHandler,
    GetCouncilResolutionHandler,
    ListApplicationCouncilResolutionsHandler,
  ],
})
export class CouncilResolutionsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRunner) {}
  onModuleInit(): void {
    this.projections.register(councilResolutionsProjection);
    // Access to resolutions follows the expression of interest; registering twice is a no-op.
    this.projections.register(expressionsOfInterestProjection);
  }
}
