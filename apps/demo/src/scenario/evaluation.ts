import { EVALUATION_CRITERIA_2018, SURVEY_SCALE_2018 } from '@app/shared';
import { type CastMember, jitter } from '../demo-data';
import { type DemoContext, eachLimited, municipality, officeHours } from './demo-context';

export const SURVEY_ID = 'online-survey-2017';

export const SURVEY = {
  surveyId: SURVEY_ID,
  scale: SURVEY_SCALE_2018,
  title: 'Onlinebefragung aller Projektkommunen Ende 2017',
  opensOn: '2017-12-06',
  closesOn: '2018-01-02',
  questions: [
    {
      questionId: 'networks',
      text: 'Wie weit haben Sie Ihre Ziele beim Aufbau von Netzwerken in der ersten Förderphase erreicht?',
      kind: 'scale',
      goal: 'networks',
      criterion: 'goal-attainment',
      phaseIds: ['phase-1'],
    },
    {
      questionId: 'coordination',
      text: 'Wie weit ist die Handlungskoordination zwischen Jugendhilfe, Schule und Gesundheit umgesetzt?',
      kind: 'scale',
      criterion: 'implementation',
    },
    { questionId: 'remarks', text: 'Anmerkungen', kind: 'text', optional: true },
  ],
};

type Step = 'not' | 'partly' | 'largely' | 'fully';

/**
 * The evaluation (seed 003): an online survey of all participating municipalities, open from
 * 6 Dec 2017 to 2 Jan 2018, with reminders. 17 of the 18 phase-I municipalities answer, 14 of
 * them "largely" or "fully" for their network goals (the report's 82 %); one never answers, and
 * its missed deadline is escalated to the grants office.
 */
export async function evaluationSurvey(ctx: DemoContext, phaseOne: CastMember[], phaseTwoNew: CastMember[]) {
  const { office, sim } = ctx;
  await sim.at(officeHours('2017-11-20'));
  await office.post('/evaluations', {
    evaluationId: 'kkz-evaluation',
    programmeId: 'kkz',
    title: 'Evaluation Kommunale Präventionsketten',
    criteria: EVALUATION_CRITERIA_2018,
  });
  await office.post('/evaluations/kkz-evaluation/surveys', SURVEY);
  ctx.log(
    'Evaluation survey created for every participating municipality (window 6 Dec 2017 – 2 Jan 2018)',
    true,
  );

  const silent = phaseOne[phaseOne.length - 1];
  const phaseOneAnswering = phaseOne.filter((m) => m !== silent);
  // 14 of 17 largely or fully: the three with the lowest draw answer "partly".
  const ranked = [...phaseOneAnswering].sort((a, b) => jitter(`net:${a.ags}`) - jitter(`net:${b.ags}`));
  const partly = new Set(ranked.slice(0, Math.round(phaseOneAnswering.length * (3 / 17))).map((m) => m.ags));
  const networkStep = (m: CastMember): Step =>
    partly.has(m.ags) ? 'partly' : jitter(`fully:${m.ags}`) < 0.4 ? 'fully' : 'largely';
  const coordinationStep = (m: CastMember): Step =>
    (['partly', 'largely', 'largely', 'fully'] as const)[Math.floor(jitter(`coord:${m.ags}`) * 4)];
  const phaseTwoAnswering = phaseTwoNew.filter((m) => jitter(`answer:${m.ags}`) < 0.9);

  const answer = async (m: CastMember, phase: 1 | 2) => {
    const answers = [
      ...(phase === 1 ? [{ questionId: 'networks', step: networkStep(m) }] : []),
      { questionId: 'coordination', step: coordinationStep(m) },
    ];
    await (await municipality(ctx, m)).post(`/surveys/${SURVEY_ID}/answers`, { answers });
  };
  const early = phaseOneAnswering.filter((m) => jitter(`early:${m.ags}`) < 0.6);
  await sim.at(officeHours('2017-12-11'));
  await eachLimited(early, 4, (m) => answer(m, 1));
  await eachLimited(
    phaseTwoAnswering.filter((m) => jitter(`early:${m.ags}`) < 0.6),
    4,
    (m) => answer(m, 2),
  );
  ctx.log(`${early.length} phase-I municipalities answered in the first week`);
  await sim.at(officeHours('2017-12-27'));
  await eachLimited(
    phaseOneAnswering.filter((m) => !early.includes(m)),
    4,
    (m) => answer(m, 1),
  );
  await eachLimited(
    phaseTwoAnswering.filter((m) => jitter(`early:${m.ags}`) >= 0.6),
    4,
    (m) => answer(m, 2),
  );
  await sim.at(officeHours('2018-01-03', 9));
  ctx.log(
    `Survey closed at 24:00 on 2 Jan 2018; ${silent.name} did not answer (deadline missed, escalated)`,
    true,
  );
}
