import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, IsRecordId, ListQuery, listPage, MUNICIPALITY_TYPES, type Page, Refuses } from '@app/shared';
import { InvalidScaleStep, QuestionNotOnScale, UnknownQuestion } from '../errors';
import type { ScaleStep } from '../survey';
import type { ShareAnswer, SurveyResults } from './survey-results';
import {
  GetOwnSurveyAnswerQuery,
  GetSurveyQuery,
  ListSurveyAnswersQuery,
  ListSurveysQuery,
  type OwnAnswerView,
  type RecipientAnswerView,
  SurveyResultsQuery,
  SurveyShareQuery,
  type SurveyOverview,
} from './surveys.queries';

export class ShareFilter {
  @ApiProperty({ example: 'networks' }) @IsRecordId() question: string;

  // One query parameter, split here: documented as the string a client sends, not as an array.
  @ApiProperty({
    type: 'string',
    isArray: false,
    example: 'largely,fully',
    description: 'Scale steps counted (stepIds of the survey’s scale), comma-separated',
  })
  // One comma-separated value; the parameter given twice arrives as an array and is refused as such
  // (it is left a non-list, so that validation names the field).
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()) : String(value),
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  steps: ScaleStep[];

  @ApiPropertyOptional({
    example: 'phase-1',
    description: "Only recipients who joined in this phase, by the id of the programme's terms",
  })
  @IsOptional()
  @IsRecordId()
  phaseId?: string;

  @ApiPropertyOptional({
    example: 1,
    deprecated: true,
    description:
      'The phase by number, as before phases were named: n is the phase `phase-<n>`; prefer `phaseId` (which wins where both are given)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9)
  phase?: number;

  @ApiPropertyOptional({ enum: [...MUNICIPALITY_TYPES, 'unknown'] })
  @IsOptional()
  @IsIn([...MUNICIPALITY_TYPES, 'unknown'])
  municipalityType?: string;
}

export class SurveysQuery extends ListQuery('status', 'from', 'to') {}

export class SurveyAnswersQuery extends ListQuery('ags', 'from', 'to') {}

@ApiTags('surveys')
@ApiBearerAuth()
@Controller('surveys')
export class SurveyQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Readers see every survey; a municipality the surveys it was asked. */
  @Get()
  @Roles('grants-office', 'evaluator', 'auditor', 'municipality')
  async list(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() query: SurveysQuery,
  ): Promise<Page<SurveyOverview>> {
    const surveys: SurveyOverview[] = await this.queryBus.execute(new ListSurveysQuery(principal));
    return listPage(surveys, query, {
      text: (s) => [s.surveyId, s.evaluationId, s.programmeId, s.title, s.status],
      status: (s) => s.status,
      date: (s) => s.createdAt,
    });
  }

  /** One survey with its questions and window; a municipality sees it only if asked. */
  @Get(':surveyId')
  @Roles('grants-office', 'evaluator', 'auditor', 'municipality')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('surveyId', IdPipe) surveyId: string,
  ): Promise<SurveyOverview> {
    return this.queryBus.execute(new GetSurveyQuery(principal, surveyId));
  }

  /** The answers to a survey, one per municipality, with its profile; `from`/`to` by the day answered. */
  @Get(':surveyId/answers')
  @Roles('grants-office', 'evaluator', 'auditor')
  async answers(
    @Param('surveyId', IdPipe) surveyId: string,
    @QueryParam() query: SurveyAnswersQuery,
  ): Promise<Page<RecipientAnswerView>> {
    const answers: RecipientAnswerView[] = await this.queryBus.execute(new ListSurveyAnswersQuery(surveyId));
    return listPage(answers, query, {
      text: (a) => [a.ags, a.name, a.municipalityType],
      ags: (a) => a.ags,
      date: (a) => a.submittedAt,
    });
  }

  /** A municipality's own answer, and nobody else's. */
  @Get(':surveyId/answers/mine')
  @Roles('municipality')
  mine(
    @CurrentPrincipal() principal: Principal,
    @Param('surveyId', IdPipe) surveyId: string,
  ): Promise<OwnAnswerView> {
    return this.queryBus.execute(new GetOwnSurveyAnswerQuery(principal, surveyId));
  }

  /**
   * Per question: counts and shares per scale step, overall, by phase (named as the programme's
   * terms name it; one group where the programme has no phases) and by municipality type.
   */
  @Get(':surveyId/results')
  @Roles('grants-office', 'evaluator', 'auditor')
  results(@Param('surveyId', IdPipe) surveyId: string): Promise<SurveyResults> {
    return this.queryBus.execute(new SurveyResultsQuery(surveyId));
  }

  /** One share, e.g. phase-I municipalities that largely or fully achieved their network goals. */
  @Get(':surveyId/results/share')
  @Refuses(UnknownQuestion, QuestionNotOnScale, InvalidScaleStep)
  @Roles('grants-office', 'evaluator', 'auditor')
  share(
    @Param('surveyId', IdPipe) surveyId: string,
    @QueryParam() filter: ShareFilter,
  ): Promise<ShareAnswer> {
    return this.queryBus.execute(
      new SurveyShareQuery(surveyId, {
        questionId: filter.question,
        steps: filter.steps,
        phaseId: filter.phaseId ?? (filter.phase !== undefined ? `phase-${filter.phase}` : undefined),
        municipalityType: filter.municipalityType,
      }),
    );
  }
}
