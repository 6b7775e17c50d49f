import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, ProjectionRunner } from '@app/eventsourcing';
import type { Principal } from '@app/identity';
import { programmesCallsProjection } from '@app/programmes-calls';
import { Clock } from '@app/shared';
import { readsEvaluation } from '../evaluation-access';
import { phaseNameOf, programmePhases } from '../programme-phases';
import { type PhaseName, questionsAskedOf, type SurveyQuestion, type SurveyRecipient } from '../survey';
import { evaluationsProjection, type SurveyAnswerView, type SurveyView } from './evaluations.projection';
import {
  phaseGroups,
  type PhaseGroup,
  type ShareAnswer,
  type ShareQuestion,
  shareOfAnswers,
  type SurveyResults,
  surveyResults,
  type SurveyStatus,
  surveyStatus,
} from './survey-results';

/** A recipient as recorded, with the name the programme's terms give its phase. */
export interface RecipientView extends SurveyRecipient {
  /** The name of `phaseId` in the programme's terms (the id itself where they do not name it). */
  phaseName?: string;
}

/** A question as recorded, with the names the programme's terms give the phases it is for. */
export interface QuestionView extends SurveyQuestion {
  /** The names of `phaseIds` in the programme's terms, in the same order. */
  phaseNames?: string[];
}

/** What a caller sees of a survey: readers see the recipients, a recipient only its own questions. */
export interface SurveyOverview {
  surveyId: string;
  evaluationId: string;
  programmeId: string;
  title: string;
  window: SurveyView['window'];
  status: SurveyStatus;
  questions: QuestionView[];
  createdAt: string;
  /** For readers: the groups by phase its results show, with the phases' names (one where none). */
  phases?: PhaseGroup[];
  recipients?: RecipientView[];
  /** For a recipient municipality: how it was recorded as recipient. */
  recipient?: RecipientView;
}

export type RecipientAnswerView = SurveyAnswerView & Omit<RecipientView, 'ags'>;

export interface OwnAnswerView {
  surveyId: string;
  ags: string;
  status: 'not-answered' | 'submitted' | 'revised';
  answers: SurveyAnswerView['answers'];
  submittedAt?: string;
  revisedAt?: string;
  revision?: number;
}

export class ListSurveysQuery extends Query<SurveyOverview[]> {
  constructor(readonly principal: Principal) {
    super();
  }
}
export class GetSurveyQuery extends Query<SurveyOverview> {
  constructor(
    readonly principal: Principal,
    readonly surveyId: string,
  ) {
    super();
  }
}
export class ListSurveyAnswersQuery extends Query<RecipientAnswerView[]> {
  constructor(readonly surveyId: string) {
    super();
  }
}
export class GetOwnSurveyAnswerQuery extends Query<OwnAnswerView> {
  constructor(
    readonly principal: Principal,
    readonly surveyId: string,
  ) {
    super();
  }
}
export class SurveyResultsQuery extends Query<SurveyResults> {
  constructor(readonly surveyId: string) {
    super();
  }
}
export class SurveyShareQuery extends Query<ShareAnswer> {
  constructor(
    readonly surveyId: string,
    readonly ask: ShareQuestion,
  ) {
    super();
  }
}

const withPhaseName = (recipient: SurveyRecipient, phases: readonly PhaseName[]): RecipientView =>
  recipient.phaseId === undefined
    ? recipient
    : { ...recipient, phaseName: phaseNameOf(phases, recipient.phaseId) };

abstract class SurveyReader {
  constructor(
    protected readonly projections: ProjectionRunner,
    protected readonly clock: Clock,
  ) {}

  protected get model() {
    return this.projections.state(evaluationsProjection);
  }

  protected survey(surveyId: string): SurveyView {
    const survey = this.model.surveys.get(surveyId);
    if (!survey) throw new NotFound('Survey', surveyId);
    return survey;
  }

  protected answers(surveyId: string): Map<string, SurveyAnswerView> {
    return this.model.answers.get(surveyId) ?? new Map();
  }

  /** The phases the programme's terms name, every version's, by id with their names. */
  protected phases(programmeId: string): PhaseName[] {
    return programmePhases(this.projections.state(programmesCallsProjection).rules.get(programmeId) ?? []);
  }

  /** A municipality sees a survey only if it was asked; for anyone else it does not exist. */
  protected overview(survey: SurveyView, principal: Principal): SurveyOverview | undefined {
    const { recipients: _ags, recipientProfiles, questions, ...rest } = survey;
    const phases = this.phases(survey.programmeId);
    const base = { ...rest, status: surveyStatus(survey, this.clock.now()) };
    const named = (qs: SurveyQuestion[]): QuestionView[] =>
      qs.map((q) => (q.phaseIds ? { ...q, phaseNames: q.phaseIds.map((id) => phaseNameOf(phases, id)) } : q));
    if (readsEvaluation(principal))
      return {
        ...base,
        questions: named(questions),
        phases: phaseGroups(recipientProfiles, phases),
        recipients: recipientProfiles.map((r) => withPhaseName(r, phases)),
      };
    const recipient = recipientProfiles.find((r) => r.ags === principal.ags);
    return (
      recipient && {
        ...base,
        questions: named(questionsAskedOf(questions, recipient)),
        recipient: withPhaseName(recipient, phases),
      }
    );
  }
}

@QueryHandler(ListSurveysQuery)
export class ListSurveysHandler extends SurveyReader implements IQueryHandler<ListSurveysQuery> {
  constructor(projections: ProjectionRunner, clock: Clock) {
    super(projections, clock);
  }
  async execute({ principal }: ListSurveysQuery): Promise<SurveyOverview[]> {
    return [...this.model.surveys.values()].flatMap((s) => this.overview(s, principal) ?? []);
  }
}

@QueryHandler(GetSurveyQuery)
export class GetSurveyHandler extends SurveyReader implements IQueryHandler<GetSurveyQuery> {
  constructor(projections: ProjectionRunner, clock: Clock) {
    super(projections, clock);
  }
  async execute({ principal, surveyId }: GetSurveyQuery): Promise<SurveyOverview> {
    const overview = this.overview(this.survey(surveyId), principal);
    if (!overview) throw new NotFound('Survey', surveyId);
    return overview;
  }
}

@QueryHandler(ListSurveyAnswersQuery)
export class ListSurveyAnswersHandler extends SurveyReader implements IQueryHandler<ListSurveyAnswersQuery> {
  constructor(projections: ProjectionRunner, clock: Clock) {
    super(projections, clock);
  }
  async execute({ surveyId }: ListSurveyAnswersQuery): Promise<RecipientAnswerView[]> {
    const survey = this.survey(surveyId);
    const answers = this.answers(surveyId);
    const phases = this.phases(survey.programmeId);
    return survey.recipientProfiles.flatMap((recipient) => {
      const answer = answers.get(recipient.ags);
      const { ags: _ags, ...profile } = withPhaseName(recipient, phases);
      return answer ? [{ ...answer, ...profile }] : [];
    });
  }
}

@QueryHandler(GetOwnSurveyAnswerQuery)
export class GetOwnSurveyAnswerHandler
  extends SurveyReader
  implements IQueryHandler<GetOwnSurveyAnswerQuery>
{
  constructor(projections: ProjectionRunner, clock: Clock) {
    super(projections, clock);
  }
  async execute({ principal, surveyId }: GetOwnSurveyAnswerQuery): Promise<OwnAnswerView> {
    const survey = this.model.surveys.get(surveyId);
    const ags = principal.ags;
    if (!survey || !ags || !survey.recipients.includes(ags)) throw new NotFound('Survey', surveyId);
    const answer = this.answers(surveyId).get(ags);
    if (!answer) return { surveyId, ags, status: 'not-answered', answers: [] };
    return { ...answer, status: answer.revisedAt ? 'revised' : 'submitted' };
  }
}

@QueryHandler(SurveyResultsQuery)
export class SurveyResultsHandler extends SurveyReader implements IQueryHandler<SurveyResultsQuery> {
  constructor(projections: ProjectionRunner, clock: Clock) {
    super(projections, clock);
  }
  async execute({ surveyId }: SurveyResultsQuery): Promise<SurveyResults> {
    const survey = this.survey(surveyId);
    const results = surveyResults(
      survey,
      this.answers(surveyId),
      this.clock.now(),
      this.phases(survey.programmeId),
    );
    // A question's criterion by the name its evaluation gives it, besides the id.
    const criteria = this.model.evaluations.get(survey.evaluationId)?.criteria ?? [];
    return {
      ...results,
      questions: results.questions.map((q) => {
        const name = q.criterion && criteria.find((c) => c.criterionId === q.criterion)?.name;
        return name ? { ...q, criterionName: name } : q;
      }),
    };
  }
}

@QueryHandler(SurveyShareQuery)
export class SurveyShareHandler extends SurveyReader implements IQueryHandler<SurveyShareQuery> {
  constructor(projections: ProjectionRunner, clock: Clock) {
    super(projections, clock);
  }
  async execute({ surveyId, ask }: SurveyShareQuery): Promise<ShareAnswer> {
    const survey = this.survey(surveyId);
    return shareOfAnswers(survey, this.answers(surveyId), ask, this.phases(survey.programmeId));
  }
}
