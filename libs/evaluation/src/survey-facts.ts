import type { CommandService } from '@app/shared';
import { evolveSurvey, initialSurveyState, surveyStream } from './survey';
import type { SurveyFacts } from './survey-answer';

/** The survey as its own stream says it is now: the authoritative facts for an answer. */
export async function loadSurveyFacts(commands: CommandService, surveyId: string): Promise<SurveyFacts> {
  const { state } = await commands.load(surveyStream(surveyId), {
    evolve: evolveSurvey,
    initialState: initialSurveyState,
  });
  if (state.status === 'none') return { status: 'none', surveyId };
  const { questions, scale, window, recipientProfiles } = state;
  return { status: 'created', surveyId, questions, scale, window, recipientProfiles };
}
