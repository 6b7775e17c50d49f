import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { DraftExpressionOfInterestController } from './draft-expression-of-interest/draft-expression-of-interest.controller';
import { DraftExpressionOfInterestHandler } from './draft-expression-of-interest/draft-expression-of-interest.handler';
import { expressionsOfInterestProjection } from './queries/expressions-of-interest.projection';
import { ExpressionsOfInterestQueriesController } from './queries/expressions-of-interest-queries.controller';
import {
  GetExpressionOfInterestHandler,
  ListCallSubmissionsHandler,
  ListExpressionsOfInterestHandler,
} from './queries/expressions-of-interest.queries';
import { ReviseExpressionOfInterestController } from './revise-expression-of-interest/revise-expression-of-interest.controller';
import { ReviseExpressionOfInterestHandler } from './revise-expression-of-interest/revise-expression-of-interest.handler';
import { SubmitExpressionOfInterestController } from './submit-expression-of-interest/submit-expression-of-interest.controller';
import { SubmitExpressionOfInterestHandler } from './submit-expression-of-interest/submit-expression-of-interest.handler';

@Module({
  imports: [CqrsModule],
  controllers: [
    DraftExpressionOfInterestController,
    ReviseExpressionOfInterestController,
    SubmitExpressionOfInterestController,
    ExpressionsOfInterestQueriesController,
  ],
  providers: [
    DraftExpressionOfInterestHandler,
    ReviseExpressionOfInterestHandler,
    SubmitExpressionOfInterestHandler,
    ListCallSubmissionsHandler,
    ListExpressionsOfInterestHandler,
    GetExpressionOfInterestHandler,
  ],
})
export class ApplicationsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRunner) {}
  onModuleInit(): void {
    this.projections.register(expressionsOfInterestProjection);
  }
}
