import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner } from '@app/eventsourcing';
import { CorrectSelectionDecisionController } from './correct-selection-decision/correct-selection-decision.controller';
import { CorrectSelectionDecisionHandler } from './correct-selection-decision/correct-selection-decision.handler';
import { DecideOnSubmissionController } from './decide-on-submission/decide-on-submission.controller';
import { DecideOnSubmissionHandler } from './decide-on-submission/decide-on-submission.handler';
import { selectionProjection } from './queries/selection.projection';
import { SelectionQueriesController } from './queries/selection-queries.controller';
import {
  GetCrossSectionHandler,
  GetCallRankingHandler,
  GetSelectionHandler,
  ListCallSelectionHandler,
} from './queries/selection.queries';
import { RecordFormalCheckController } from './record-formal-check/record-formal-check.controller';
import { RecordFormalCheckHandler } from './record-formal-check/record-formal-check.handler';
import { ReviseAssessmentController } from './revise-assessment/revise-assessment.controller';
import { ReviseAssessmentHandler } from './revise-assessment/revise-assessment.handler';
import { ScoreAssessmentController } from './score-assessment/score-assessment.controller';
import { ScoreAssessmentHandler } from './score-assessment/score-assessment.handler';

/** Selection (Auswahl): formal check, assessment, cross-section and the decision per submission. */
@Module({
  imports: [CqrsModule],
  controllers: [
    RecordFormalCheckController,
    ScoreAssessmentController,
    ReviseAssessmentController,
    DecideOnSubmissionController,
    CorrectSelectionDecisionController,
    SelectionQueriesController,
  ],
  providers: [
    RecordFormalCheckHandler,
    ScoreAssessmentHandler,
    ReviseAssessmentHandler,
    DecideOnSubmissionHandler,
    CorrectSelectionDecisionHandler,
    GetSelectionHandler,
    ListCallSelectionHandler,
    GetCrossSectionHandler,
    GetCallRankingHandler,
  ],
})
export class SelectionModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionRunner) {}
  onModuleInit(): void {
    this.projections.register(selectionProjection);
  }
}
