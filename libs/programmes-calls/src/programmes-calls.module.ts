import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { AdoptProgrammeRulesController } from './adopt-programme-rules/adopt-programme-rules.controller';
import { AdoptProgrammeRulesHandler } from './adopt-programme-rules/adopt-programme-rules.handler';
import { CreateProgrammeController } from './create-programme/create-programme.controller';
import { CreateProgrammeHandler } from './create-programme/create-programme.handler';
import { AmendCallController } from './amend-call/amend-call.controller';
import { AmendCallHandler } from './amend-call/amend-call.handler';
import { ExtendCallClosingController } from './extend-call-closing/extend-call-closing.controller';
import { ExtendCallClosingHandler } from './extend-call-closing/extend-call-closing.handler';
import { DraftCallController } from './draft-call/draft-call.controller';
import { DraftCallHandler } from './draft-call/draft-call.handler';
import { PublishCallController } from './publish-call/publish-call.controller';
import { PublishCallHandler } from './publish-call/publish-call.handler';
import { programmesCallsProjection } from './queries/programmes-calls.projection';
import { ProgrammesCallsQueriesController } from './queries/programmes-calls-queries.controller';
import {
  GetCallHandler,
  GetProgrammeHandler,
  GetProgrammeRulesHandler,
  ListCallsHandler,
  ListProgrammesHandler,
} from './queries/programmes-calls.queries';

@Module({
  imports: [CqrsModule],
  controllers: [
    CreateProgrammeController,
    DraftCallController,
    PublishCallController,
    AmendCallController,
    ExtendCallClosingController,
    AdoptProgrammeRulesController,
    ProgrammesCallsQueriesController,
  ],
  providers: [
    CreateProgrammeHandler,
    DraftCallHandler,
    PublishCallHandler,
    AmendCallHandler,
    ExtendCallClosingHandler,
    AdoptProgrammeRulesHandler,
    ListProgrammesHandler,
    GetProgrammeRulesHandler,
    GetProgrammeHandler,
    ListCallsHandler,
    GetCallHandler,
  ],
})
export class ProgrammesCallsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRunner) {}
  onModuleInit(): void {
    this.projections.register(programmesCallsProjection);
  }
}
