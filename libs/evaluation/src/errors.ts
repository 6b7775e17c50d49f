import {
  DomainError,
  domainError,
  germanClosing,
  germanDate,
  germanList,
  type LocalizedText,
} from '@app/eventsourcing';

export class EvaluationExists extends DomainError {
  readonly code = 'evaluation-exists';
  readonly kind = 'conflict';
  constructor(evaluationId: string) {
    super(
      {
        de: `Eine Evaluation mit der Kennung ${evaluationId} ist bereits angelegt.`,
        en: `An evaluation with id ${evaluationId} already exists.`,
      },
      { evaluationId },
    );
  }
}

export class UnknownProgramme extends DomainError {
  readonly code = 'unknown-programme';
  readonly kind = 'rule-violated';
  constructor(programmeId: string) {
    super(
      {
        de: `Das Programm ${programmeId} ist nicht angelegt und kann daher nicht evaluiert werden.`,
        en: `There is no programme ${programmeId} to evaluate.`,
      },
      { programmeId },
    );
  }
}

export class SurveyExists extends DomainError {
  readonly code = 'survey-exists';
  readonly kind = 'conflict';
  constructor(surveyId: string) {
    super(
      {
        de: `Eine Befragung mit der Kennung ${surveyId} ist bereits angelegt.`,
        en: `A survey with id ${surveyId} already exists.`,
      },
      { surveyId },
    );
  }
}

export class SurveyIdReserved extends DomainError {
  readonly code = 'survey-id-reserved';
  readonly kind = 'invalid';
  constructor(surveyId: string) {
    super(
      {
        de: `Die Kennung ${surveyId} beginnt mit „answer-“, das den Antworten vorbehalten ist (survey-answer-<Befragung>.<AGS>); bitte eine andere Kennung wählen.`,
        en: `Survey id ${surveyId} starts with "answer-", which names answer streams (survey-answer-<surveyId>.<ags>); choose another.`,
      },
      { surveyId },
    );
  }
}

export class SurveyWithoutRecipients extends DomainError {
  readonly code = 'survey-without-recipients';
  readonly kind = 'rule-violated';
  constructor(programmeId: string) {
    super(
      {
        de: `Am Programm ${programmeId} nimmt noch keine Kommune teil (keine hat einen Zuwendungsbescheid); die Befragung hätte keine Empfänger.`,
        en: `Programme ${programmeId} has no participating municipality (none holds a grant notice), so the survey would ask nobody.`,
      },
      { programmeId },
    );
  }
}

export class SurveyWindowInvalid extends DomainError {
  readonly code = 'survey-window-invalid';
  readonly kind = 'rule-violated';
  constructor(opensOn: string, closesOn: string) {
    super(
      {
        de: `Der Befragungszeitraum darf nicht enden (${germanDate(closesOn)}), bevor er beginnt (${germanDate(opensOn)}).`,
        en: `The survey window must not close (${closesOn}) before it opens (${opensOn}).`,
      },
      { opensOn, closesOn },
    );
  }
}

export class SurveyWindowPassed extends DomainError {
  readonly code = 'survey-window-passed';
  readonly kind = 'rule-violated';
  constructor(closesAt: string, now: string) {
    super(
      {
        de: `Der Befragungszeitraum endete bereits am ${germanClosing(closesAt)} (jetzt: ${germanDate(now)}); niemand könnte mehr antworten.`,
        en: `The survey window would have closed at ${closesAt}, before now (${now}); nobody could answer.`,
      },
      { closesAt },
    );
  }
}

export class DuplicateQuestion extends DomainError {
  readonly code = 'duplicate-question';
  readonly kind = 'rule-violated';
  constructor(questionId: string) {
    super(
      {
        de: `Die Frage ${questionId} ist in der Befragung doppelt vergeben.`,
        en: `Question id ${questionId} is used twice in the survey.`,
      },
      { questionId },
    );
  }
}

export class CriterionNotInEvaluation extends DomainError {
  readonly code = 'criterion-not-in-evaluation';
  readonly kind = 'rule-violated';
  constructor(questionId: string, criterion: string) {
    super(
      {
        de: `Die Frage ${questionId} nennt das Kriterium ${criterion}, das diese Evaluation nicht untersucht.`,
        en: `Question ${questionId} names criterion ${criterion}, which this evaluation does not assess.`,
      },
      { questionId, criterion },
    );
  }
}

export class QuestionPhaseWithoutRecipients extends DomainError {
  readonly code = 'question-phase-without-recipients';
  readonly kind = 'rule-violated';
  constructor(questionId: string, phaseIds: string[], phaseNames: string[] = phaseIds) {
    const quoted = phaseNames.map((n) => `„${n}“`);
    super(
      {
        de: `Die Frage ${questionId} richtet sich an die Phase ${germanList(quoted)}, doch in dieser Phase ist keine befragte Kommune eingestiegen.`,
        en: `Question ${questionId} is for phase ${phaseNames.map((n) => `"${n}"`).join(', ')}, but no recipient joined in it.`,
      },
      { questionId, phaseIds },
    );
  }
}

export class UnknownPhase extends DomainError {
  readonly code = 'unknown-phase';
  readonly kind = 'rule-violated';
  constructor(d: { questionId: string; phaseId: string; programmeId: string; known: string[] }) {
    super(
      {
        de:
          d.known.length === 0
            ? `Die Frage ${d.questionId} nennt die Phase „${d.phaseId}“, doch das Programm ${d.programmeId} hat keine Phasen; bitte „phaseIds“ weglassen, dann wird die Frage allen gestellt.`
            : `Die Frage ${d.questionId} nennt die Phase „${d.phaseId}“, die das Programm ${d.programmeId} nicht kennt; seine Phasen sind ${germanList(d.known.map((k) => `„${k}“`))}.`,
        en:
          d.known.length === 0
            ? `Question ${d.questionId} names phase "${d.phaseId}", but programme ${d.programmeId} has no phases; leave out phaseIds to ask everyone.`
            : `Question ${d.questionId} names phase "${d.phaseId}", which programme ${d.programmeId} does not know; its phases are ${d.known.join(', ')}.`,
      },
      d,
    );
  }
}

export class PhaseNumberNotMappable extends DomainError {
  readonly code = 'phase-number-not-mappable';
  readonly kind = 'rule-violated';
  constructor(d: { questionId: string; phase: number; programmeId: string }) {
    super(
      {
        de: `Die Frage ${d.questionId} nennt die Phase mit der Nummer ${d.phase}, doch das Programm ${d.programmeId} nummeriert seine Phasen nicht so; bitte die Phase mit „phaseIds“ bei ihrer Kennung nennen.`,
        en: `Question ${d.questionId} names phase number ${d.phase}, but programme ${d.programmeId} does not number its phases so; name the phase by its id in phaseIds.`,
      },
      d,
    );
  }
}

export class PhaseStatedTwice extends DomainError {
  readonly code = 'phase-stated-twice';
  readonly kind = 'rule-violated';
  constructor(d: { questionId: string; phases: number[]; phaseIds: string[] }) {
    super(
      {
        de: `Die Frage ${d.questionId} nennt ihre Phasen zweimal, als Nummern (${germanList(d.phases)}) und als Kennungen (${germanList(d.phaseIds.map((p) => `„${p}“`))}), und beide passen nicht zusammen; bitte nur „phaseIds“ angeben.`,
        en: `Question ${d.questionId} names its phases twice, as numbers (${d.phases.join(', ')}) and as ids (${d.phaseIds.join(', ')}), and they differ; state phaseIds only.`,
      },
      d,
    );
  }
}

export class SurveyNotOpenYet extends DomainError {
  readonly code = 'survey-not-open-yet';
  readonly kind = 'rule-violated';
  constructor(surveyId: string, opensAt: string) {
    super(
      {
        de: `Die Befragung ${surveyId} beginnt am ${germanDate(opensAt)}; vorher werden keine Antworten angenommen.`,
        en: `Survey ${surveyId} opens at ${opensAt} (00:00 Berlin time); answers are not taken before.`,
      },
      { surveyId, opensAt },
    );
  }
}

export class SurveyClosed extends DomainError {
  readonly code = 'survey-closed';
  readonly kind = 'rule-violated';
  constructor(surveyId: string, closesAt: string) {
    super(
      {
        de: `Die Befragung ${surveyId} ist seit ${germanClosing(closesAt)} beendet; Antworten können nicht mehr abgegeben oder geändert werden.`,
        en: `Survey ${surveyId} closed at ${closesAt} (24:00 Berlin time on its last day); answers can no longer be given or revised.`,
      },
      { surveyId, closesAt },
    );
  }
}

export class AnswerAlreadySubmitted extends DomainError {
  readonly code = 'answer-already-submitted';
  readonly kind = 'conflict';
  constructor(surveyId: string, ags: string) {
    super(
      {
        de: `Die Kommune ${ags} hat die Befragung ${surveyId} bereits beantwortet; bis zum Ende der Befragung kann sie die Antwort ändern (PUT …/answers/mine).`,
        en: `Municipality ${ags} has already answered survey ${surveyId}; revise the answer (PUT …/answers/mine) until the survey closes.`,
      },
      { surveyId, ags },
    );
  }
}

export class AnswerNotSubmitted extends DomainError {
  readonly code = 'answer-not-submitted';
  readonly kind = 'rule-violated';
  constructor(surveyId: string) {
    super(
      {
        de: `Zur Befragung ${surveyId} liegt noch keine Antwort vor, die geändert werden könnte; bitte zuerst antworten.`,
        en: `There is no answer to survey ${surveyId} to revise yet; submit one first.`,
      },
      { surveyId },
    );
  }
}

export class UnknownQuestion extends DomainError {
  readonly code = 'unknown-question';
  readonly kind = 'rule-violated';
  constructor(questionId: string) {
    super(
      {
        de: `Die Befragung enthält keine Frage ${questionId}.`,
        en: `The survey has no question ${questionId}.`,
      },
      { questionId },
    );
  }
}

export class QuestionNotAsked extends DomainError {
  readonly code = 'question-not-asked';
  readonly kind = 'rule-violated';
  constructor(questionId: string, phaseId: string | undefined) {
    super(
      phaseId === undefined
        ? {
            de: `Die Frage ${questionId} wird nur Kommunen bestimmter Phasen gestellt, diese Kommune ist in keiner Phase eingestiegen.`,
            en: `Question ${questionId} is put only to municipalities of certain phases; this one joined in none.`,
          }
        : {
            de: `Die Frage ${questionId} wird Kommunen, die in der Phase „${phaseId}“ eingestiegen sind, nicht gestellt.`,
            en: `Question ${questionId} is not put to municipalities that joined in phase "${phaseId}".`,
          },
      { questionId, ...(phaseId !== undefined && { phaseId }) },
    );
  }
}

export class DuplicateAnswer extends DomainError {
  readonly code = 'duplicate-answer';
  readonly kind = 'rule-violated';
  constructor(questionId: string) {
    super(
      {
        de: `Die Frage ${questionId} ist doppelt beantwortet.`,
        en: `Question ${questionId} is answered twice.`,
      },
      { questionId },
    );
  }
}

export class InvalidScaleStep extends DomainError {
  readonly code = 'invalid-scale-step';
  readonly kind = 'rule-violated';
  constructor(questionId: string, step: string, steps: readonly string[]) {
    super(
      {
        de: `„${step}“ ist keine Stufe der Skala zu Frage ${questionId}; möglich sind ${germanList(steps)}.`,
        en: `"${step}" is not a step of the scale for question ${questionId}; use one of ${steps.join(', ')}.`,
      },
      { questionId, steps },
    );
  }
}

export class AnswerDoesNotMatchQuestion extends DomainError {
  readonly code = 'answer-does-not-match-question';
  readonly kind = 'rule-violated';
  constructor(questionId: string, kind: string) {
    super(
      kind === 'scale'
        ? {
            de: `Die Frage ${questionId} wird allein mit einer Stufe der Skala beantwortet (nicht, teilweise, weitgehend, vollständig).`,
            en: `Question ${questionId} is answered with a scale step (not, partly, largely, fully) and nothing else.`,
          }
        : {
            de: `Die Frage ${questionId} wird allein mit einem nicht leeren Text beantwortet.`,
            en: `Question ${questionId} is answered with a non-blank text and nothing else.`,
          },
      { questionId, kind },
    );
  }
}

export class SurveyAnswerIncomplete extends DomainError {
  readonly code = 'survey-answer-incomplete';
  readonly kind = 'rule-violated';
  constructor(missing: string[]) {
    super(
      {
        de: `Die Antwort lässt Pflichtfragen aus: ${germanList(missing)}.`,
        en: `The answer leaves out questions that must be answered: ${missing.join(', ')}.`,
      },
      { missing },
    );
  }
}

export class UnknownMunicipality extends DomainError {
  readonly code = 'unknown-municipality';
  readonly kind = 'rule-violated';
  constructor(ags: string) {
    super(
      {
        de: `Eine Kommune mit dem Amtlichen Gemeindeschlüssel ${ags} ist nicht bekannt.`,
        en: `No municipality with AGS ${ags} is known.`,
      },
      { ags },
    );
  }
}

export class IndicatorPeriodInvalid extends DomainError {
  readonly code = 'indicator-period-invalid';
  readonly kind = 'rule-violated';
  constructor(detail: LocalizedText) {
    super({
      de: `Der Indikatorwert braucht entweder ein Datum oder einen Zeitraum von–bis (von nicht nach bis): ${detail.de}`,
      en: `The indicator value needs either a date or a period from–to (from not after to): ${detail.en}`,
    });
  }
}

export class QuestionNotOnScale extends DomainError {
  readonly code = 'question-not-on-scale';
  readonly kind = 'rule-violated';
  constructor(questionId: string) {
    super(
      {
        de: `Die Frage ${questionId} wird als Freitext beantwortet; Anteile gibt es nur für Fragen mit Skala.`,
        en: `Question ${questionId} is answered in free text; shares exist only for scale questions.`,
      },
      { questionId },
    );
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
