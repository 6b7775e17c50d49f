import { DomainError, domainError } from '@app/eventsourcing';

export class EvaluationExists extends DomainError {
  readonly code = 'evaluation-exists';
  readonly kind = 'conflict';
  constructor(evaluationId: string) {
    super(`An evaluation with id ${evaluationId} already exists.`, { evaluationId });
  }
}

export class UnknownProgramme extends DomainError {
  readonly code = 'unknown-programme';
  readonly kind = 'rule-violated';
  constructor(programmeId: string) {
    super(`There is no programme ${programmeId} to evaluate.`, { programmeId });
  }
}

export class SurveyExists extends DomainError {
  readonly code = 'survey-exists';
  readonly kind = 'conflict';
  constructor(surveyId: string) {
    super(`A survey with id ${surveyId} already exists.`, { surveyId });
  }
}

export class SurveyIdReserved extends DomainError {
  readonly code = 'survey-id-reserved';
  readonly kind = 'invalid';
  constructor(surveyId: string) {
    super(
      `Survey id ${surveyId} starts with "answer-", which names answer streams (survey-answer-<surveyId>.<ags>); choose another.`,
      { surveyId },
    );
  }
}

export class SurveyWithoutRecipients extends DomainError {
  readonly code = 'survey-without-recipients';
  readonly kind = 'rule-violated';
  constructor(programmeId: string) {
    super(
      `Programme ${programmeId} has no participating municipality (none holds a grant notice), so the survey would ask nobody.`,
      { programmeId },
    );
  }
}

export class SurveyWindowInvalid extends DomainError {
  readonly code = 'survey-window-invalid';
  readonly kind = 'rule-violated';
  constructor(opensOn: string, closesOn: string) {
    super(`The survey window must not close (${closesOn}) before it opens (${opensOn}).`, {
      opensOn,
      closesOn,
    });
  }
}

export class SurveyWindowPassed extends DomainError {
  readonly code = 'survey-window-passed';
  readonly kind = 'rule-violated';
  constructor(closesAt: string, now: string) {
    super(`The survey window would have closed at ${closesAt}, before now (${now}); nobody could answer.`, {
      closesAt,
    });
  }
}

export class DuplicateQuestion extends DomainError {
  readonly code = 'duplicate-question';
  readonly kind = 'rule-violated';
  constructor(questionId: string) {
    super(`Question id ${questionId} is used twice in the survey.`, { questionId });
  }
}

export class CriterionNotInEvaluation extends DomainError {
  readonly code = 'criterion-not-in-evaluation';
  readonly kind = 'rule-violated';
  constructor(questionId: string, criterion: string) {
    super(`Question ${questionId} names criterion ${criterion}, which this evaluation does not assess.`, {
      questionId,
      criterion,
    });
  }
}

export class QuestionPhaseWithoutRecipients extends DomainError {
  readonly code = 'question-phase-without-recipients';
  readonly kind = 'rule-violated';
  constructor(questionId: string, phases: number[]) {
    super(`Question ${questionId} is for phase ${phases.join(', ')}, but no recipient joined in it.`, {
      questionId,
      phases,
    });
  }
}

export class SurveyNotOpenYet extends DomainError {
  readonly code = 'survey-not-open-yet';
  readonly kind = 'rule-violated';
  constructor(surveyId: string, opensAt: string) {
    super(`Survey ${surveyId} opens at ${opensAt} (00:00 Berlin time); answers are not taken before.`, {
      surveyId,
      opensAt,
    });
  }
}

export class SurveyClosed extends DomainError {
  readonly code = 'survey-closed';
  readonly kind = 'rule-violated';
  constructor(surveyId: string, closesAt: string) {
    super(
      `Survey ${surveyId} closed at ${closesAt} (24:00 Berlin time on its last day); answers can no longer be given or revised.`,
      { surveyId, closesAt },
    );
  }
}

export class AnswerAlreadySubmitted extends DomainError {
  readonly code = 'answer-already-submitted';
  readonly kind = 'conflict';
  constructor(surveyId: string, ags: string) {
    super(
      `Municipality ${ags} has already answered survey ${surveyId}; revise the answer (PUT …/answers/mine) until the survey closes.`,
      { surveyId, ags },
    );
  }
}

export class AnswerNotSubmitted extends DomainError {
  readonly code = 'answer-not-submitted';
  readonly kind = 'rule-violated';
  constructor(surveyId: string) {
    super(`There is no answer to survey ${surveyId} to revise yet; submit one first.`, { surveyId });
  }
}

export class UnknownQuestion extends DomainError {
  readonly code = 'unknown-question';
  readonly kind = 'rule-violated';
  constructor(questionId: string) {
    super(`The survey has no question ${questionId}.`, { questionId });
  }
}

export class QuestionNotAsked extends DomainError {
  readonly code = 'question-not-asked';
  readonly kind = 'rule-violated';
  constructor(questionId: string, phase: number) {
    super(`Question ${questionId} is not put to municipalities that joined in phase ${phase}.`, {
      questionId,
      phase,
    });
  }
}

export class DuplicateAnswer extends DomainError {
  readonly code = 'duplicate-answer';
  readonly kind = 'rule-violated';
  constructor(questionId: string) {
    super(`Question ${questionId} is answered twice.`, { questionId });
  }
}

export class InvalidScaleStep extends DomainError {
  readonly code = 'invalid-scale-step';
  readonly kind = 'rule-violated';
  constructor(questionId: string, step: string, steps: readonly string[]) {
    super(
      `"${step}" is not a step of the scale for question ${questionId}; use one of ${steps.join(', ')}.`,
      {
        questionId,
        steps,
      },
    );
  }
}

export class AnswerDoesNotMatchQuestion extends DomainError {
  readonly code = 'answer-does-not-match-question';
  readonly kind = 'rule-violated';
  constructor(questionId: string, kind: string) {
    super(
      kind === 'scale'
        ? `Question ${questionId} is answered with a scale step (not, partly, largely, fully) and nothing else.`
        : `Question ${questionId} is answered with a non-blank text and nothing else.`,
      { questionId, kind },
    );
  }
}

export class SurveyAnswerIncomplete extends DomainError {
  readonly code = 'survey-answer-incomplete';
  readonly kind = 'rule-violated';
  constructor(missing: string[]) {
    super(`The answer leaves out questions that must be answered: ${missing.join(', ')}.`, { missing });
  }
}

export class UnknownMunicipality extends DomainError {
  readonly code = 'unknown-municipality';
  readonly kind = 'rule-violated';
  constructor(ags: string) {
    super(`No municipality with AGS ${ags} is known.`, { ags });
  }
}

export class IndicatorPeriodInvalid extends DomainError {
  readonly code = 'indicator-period-invalid';
  readonly kind = 'rule-violated';
  constructor(detail: string) {
    super(`The indicator value needs either a date or a period from–to (from not after to): ${detail}`);
  }
}

export class QuestionNotOnScale extends DomainError {
  readonly code = 'question-not-on-scale';
  readonly kind = 'rule-violated';
  constructor(questionId: string) {
    super(`Question ${questionId} is answered in free text; shares exist only for scale questions.`, {
      questionId,
    });
  }
}

/** A scale needs at least two steps, each named once. */
export const SurveyScaleInvalid = domainError(
  'survey-scale-invalid',
  'rule-violated',
  (d: { stepId?: string }) =>
    d.stepId
      ? {
          de: `Die Stufe ${d.stepId} ist in der Skala der Befragung doppelt genannt.`,
          en: `Step ${d.stepId} is named twice in the survey's scale.`,
        }
      : {
          de: 'Die Skala einer Befragung braucht mindestens zwei Stufen.',
          en: "A survey's scale needs at least two steps.",
        },
);

/** An evaluation names each of its criteria once. */
export const CriterionTwice = domainError('criterion-twice', 'invalid', (d: { criterionId: string }) => ({
  de: `Das Kriterium „${d.criterionId}“ ist zweimal genannt; jedes Kriterium einer Evaluation hat eine eigene Kennung.`,
  en: `Criterion ${d.criterionId} is named twice; each criterion of an evaluation has an id of its own.`,
}));
