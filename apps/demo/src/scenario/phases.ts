import { TERMS_KKZ } from '@app/shared';
import { expressionOfInterest, KREIS_UNNA } from '../demo-data';
import { councilResolution, CRITERIA } from './call-2011';
import { type DemoContext, eachLimited, municipality, officeHours } from './demo-context';
import { callFunds, type GrantPlan, issueNotices, reportRound } from './funding';

const PHASE_1 = { from: '2012-03-01', to: '2015-06-30' };
const PHASE_2 = { from: '2017-01-01', to: '2018-12-31' };

async function selectedAmount(ctx: DemoContext, applicationId: string): Promise<number> {
  const record = await ctx.office.get<{ decision?: { amountCents?: number } }>(
    `/expressions-of-interest/${applicationId}/selection`,
  );
  const amount = record.decision?.amountCents;
  if (!amount) throw new Error(`${applicationId} has no selected amount`);
  return amount;
}

/** Phase I, March 2012 to June 2015: notices, funds called yearly, ESF reports, proofs of use. */
export async function phaseOne(ctx: DemoContext): Promise<GrantPlan[]> {
  // Notices once the resolutions are in; the funded period began with the process in March 2012.
  await ctx.sim.at(officeHours('2012-05-22'));
  const grantees = await Promise.all(
    ctx.cast.phase1.map(async (member) => {
      const applicationId = `kkz-2011.${member.ags}`;
      return { member, applicationId, amountCents: await selectedAmount(ctx, applicationId) };
    }),
  );
  const plans = await issueNotices(ctx, grantees, 1, PHASE_1);
  ctx.log(
    `Phase I: ${plans.length} grant notices issued (2012-03 to 2015-06), ESF report periods opened`,
    true,
  );
  await callFunds(ctx, plans, '2012-05-29', '2012-06-15', 0.3);
  await callFunds(ctx, plans, '2013-02-15', '2013-03-01', 0.25);
  await reportRound(ctx, plans, {
    periodId: '2012',
    months: 10,
    ofMonths: 40,
    submitOn: '2013-03-12',
    lateOn: '2013-04-26',
    acceptOn: '2013-05-06',
    returned: 'Oberhausen',
  });
  await callFunds(ctx, plans, '2014-02-14', '2014-03-03', 0.2);
  await reportRound(ctx, plans, {
    periodId: '2013',
    months: 12,
    ofMonths: 40,
    submitOn: '2014-03-11',
    lateOn: '2014-04-28',
    acceptOn: '2014-05-12',
    returned: 'Duisburg',
  });
  await callFunds(ctx, plans, '2015-02-16', '2015-03-02', 0.15);
  await reportRound(ctx, plans, {
    periodId: '2014',
    months: 12,
    ofMonths: 40,
    submitOn: '2015-03-10',
    acceptOn: '2015-05-04',
  });
  await ctx.sim.at(officeHours('2015-07-01'));
  ctx.log('Phase I ended on 30 Jun 2015', true);
  await reportRound(ctx, plans, {
    periodId: '2015',
    months: 6,
    ofMonths: 40,
    submitOn: '2015-09-15',
    acceptOn: '2015-10-05',
  });
  await ctx.sim.at(officeHours('2015-11-30'));
  await eachLimited(plans, 4, async (plan) => {
    await (
      await municipality(ctx, plan.member)
    ).post(`/grants/${plan.grantId}/proof-of-use`, {
      factualReport: `Sachbericht ${plan.member.name}: Präventionskette aufgebaut, Netzwerke verstetigt.`,
      expenditure: plan.reported,
    });
  });
  await ctx.sim.at(officeHours('2016-01-18'));
  await eachLimited(plans, 4, async (plan) => {
    await ctx.office.post(`/grants/${plan.grantId}/proof-of-use/acceptance`);
  });
  ctx.log(
    'Proofs of use (Verwendungsnachweise) of phase I submitted in November 2015, accepted in January 2016',
  );
  return plans;
}

/**
 * Phase II: rules version 2 (resolution required at application), the 2016 call, 22 new
 * municipalities selected, continuation notices for the 18 of phase I: 40 in all from 2017.
 */
export async function phaseTwo(ctx: DemoContext, phaseOnePlans: GrantPlan[]): Promise<GrantPlan[]> {
  const { office, sim, cast } = ctx;
  await sim.at(officeHours('2016-05-02'));
  await office.post('/programmes/kkz/rules', {
    version: 2,
    effectiveFrom: '2016-06-01',
    label: 'Förderphase II',
    rules: { ...TERMS_KKZ, councilResolution: 'required-at-submission' },
  });
  await office.post('/programmes/kkz/calls', {
    callId: 'kkz-2016',
    title: 'Aufruf Förderphase II „Kommunale Präventionsketten“',
    phase: 2,
    eligibleApplicantTypes: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'],
    closingDate: '2016-09-30',
    fundingTiers: [
      { minPopulation: 0, maxPopulation: 99999, amountEur: 32000 },
      { minPopulation: 100000, maxPopulation: 200000, amountEur: 48000 },
      { minPopulation: 200001, amountEur: 64000 },
    ],
    conditions: { councilResolution: 'required-at-submission', coordinatorRequired: true },
    assessmentCriteria: CRITERIA,
  });
  await sim.at(officeHours('2016-06-15'));
  await office.post('/calls/kkz-2016/publish');
  ctx.log('Phase II: rules version 2 (resolution at application) and the 2016 call published', true);

  await sim.at(officeHours('2016-07-04'));
  await eachLimited(cast.phase2New, 4, async (m) => {
    const caller = await municipality(ctx, m);
    await caller.post(
      '/calls/kkz-2016/expressions-of-interest',
      expressionOfInterest(m, 'adopted', '2016-06-28'),
    );
  });
  await sim.at(officeHours('2016-08-22'));
  await eachLimited(cast.phase2New, 4, async (m) => {
    const caller = await municipality(ctx, m);
    const applicationId = `kkz-2016.${m.ags}`;
    await caller.post(
      `/expressions-of-interest/${applicationId}/council-resolutions`,
      councilResolution(
        m,
        '2016-06-28',
        'die Bewerbung für die Förderphase II der Kommunalen Präventionsketten',
      ),
    );
    await caller.post(`/expressions-of-interest/${applicationId}/submit`);
  });
  ctx.log(`${cast.phase2New.length} new municipalities applied with their council resolutions`);

  await sim.at(officeHours('2016-11-07'));
  await eachLimited(cast.phase2New, 4, async (m) => {
    const path = `/expressions-of-interest/kkz-2016.${m.ags}`;
    await office.post(`${path}/formal-check`);
    await office.post(`${path}/assessments`, {
      scores: CRITERIA.map((c) => ({ criterionId: c.criterionId, score: 8 })),
    });
    await office.post(`${path}/decision`, { outcome: 'selected', reasons: ['Ausbau auf 40 Modellkommunen'] });
  });
  ctx.log(`Selection for phase II: ${cast.phase2New.length} new municipalities`, true);

  await sim.at(officeHours('2016-12-12'));
  const continuing = await issueNotices(
    ctx,
    phaseOnePlans.map((p) => ({ member: p.member, continuationOf: p.grantId, amountCents: p.amountCents })),
    2,
    PHASE_2,
  );
  const newcomers = await issueNotices(
    ctx,
    await Promise.all(
      cast.phase2New.map(async (member) => {
        const applicationId = `kkz-2016.${member.ags}`;
        return { member, applicationId, amountCents: await selectedAmount(ctx, applicationId) };
      }),
    ),
    2,
    PHASE_2,
  );
  const plans = [...continuing, ...newcomers];
  ctx.log(
    `Phase II from 2017: ${continuing.length} continuation and ${newcomers.length} new notices, ${plans.length} in all`,
    true,
  );
  await callFunds(ctx, plans, '2017-02-15', '2017-03-01', 0.4);
  return plans;
}

/** The 2017 reports of phase II, reported in spring 2018 after the evaluation's survey. */
export async function phaseTwoReports(ctx: DemoContext, plans: GrantPlan[]): Promise<void> {
  await reportRound(ctx, plans, {
    periodId: '2017',
    months: 12,
    ofMonths: 24,
    submitOn: '2018-03-13',
    lateOn: '2018-04-25',
    acceptOn: '2018-05-07',
    returned: plans.find((p) => p.member.ags === KREIS_UNNA)?.member.name,
  });
}
