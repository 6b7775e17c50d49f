import {
  CALL_2011,
  EXPRESSION_OF_INTEREST_BRUECKEN,
  kreisUnnaOparl,
  kreisUnnaStated,
  oberhausenRecordBody,
  PROGRAMME_KKZ,
  TERMS_KKZ,
} from '@app/shared';
import { type CastMember, expressionOfInterest, jitter, KREIS_UNNA, OBERHAUSEN } from '../demo-data';
import { type DemoContext, eachLimited, municipality, officeHours } from './demo-context';

export const CRITERIA = [
  { criterionId: 'prevention', title: 'Verbesserung der Lage von Kindern durch Prävention', weight: 3 },
  { criterionId: 'network', title: 'Vernetzung der Akteure und Systeme', weight: 2 },
  { criterionId: 'sustainability', title: 'Nachhaltigkeit der Strukturen', weight: 1 },
];

const applicationOf = (ags: string, callId = 'kkz-2011') => `${callId}.${ags}`;

/** Programme, phase-I rules, reminder ladder and the call of 9 Nov 2011 (seed 000). */
export async function publishCall2011(ctx: DemoContext): Promise<void> {
  const { sim, office } = ctx;
  await sim.at(officeHours('2011-10-17'));
  await office.post('/programmes', PROGRAMME_KKZ);
  await office.post('/programmes/kkz/rules', {
    version: 1,
    effectiveFrom: '2011-11-01',
    label: 'Förderphase I',
    rules: TERMS_KKZ,
  });
  await office.put('/programmes/kkz/deadline-settings', {
    reminderOffsetsDays: [14, 7, 1, 0],
    timeZone: 'Europe/Berlin',
  });
  await office.post('/programmes/kkz/calls', { ...CALL_2011, phase: 1, assessmentCriteria: CRITERIA });
  await sim.at(officeHours('2011-11-09'));
  await office.post('/calls/kkz-2011/publish');
  ctx.log('Call for expressions of interest published at the kick-off (closes 15 Dec 2011, 24:00)', true);
}

/**
 * 52 expressions of interest: 51 on time (the 18 later selected and 33 others), one after the
 * deadline. Everyone in phase I promises the council resolution after selection (seed 004).
 */
export async function expressionsOfInterest2011(ctx: DemoContext): Promise<void> {
  const { sim, cast } = ctx;
  const applicants = [...cast.phase1, ...cast.notSelected2011];
  await sim.at(officeHours('2011-11-14'));
  await eachLimited(applicants, 4, async (m) => {
    const body =
      m.ags === KREIS_UNNA
        ? { ...EXPRESSION_OF_INTEREST_BRUECKEN, memberAgs: cast.unnaMembers.map((u) => u.ags) }
        : expressionOfInterest(m, 'promised');
    await (await municipality(ctx, m)).post('/calls/kkz-2011/expressions-of-interest', body);
  });
  ctx.log(
    `${applicants.length} expressions of interest drafted (Kreis Unna inviting Kamen, Lünen, Selm and Unna)`,
  );
  // Each city joins the Verbund by its own act, with its own account (seed 004: a joint
  // application of the Kreis and four cities, each bound by its own council's decision).
  await sim.at(officeHours('2011-11-21'));
  for (const member of cast.unnaMembers) {
    await (
      await municipality(ctx, member)
    ).post(`/expressions-of-interest/${applicationOf(KREIS_UNNA)}/members/${member.ags}/confirm`);
  }
  ctx.log(
    `${cast.unnaMembers.map((m) => m.name).join(', ')} confirm their membership of the Kreis Unna joint application`,
  );
  // Submissions spread over the weeks before the closing; reminders fire in between.
  const onTime = applicants.filter((m) => m.ags !== cast.late.ags);
  const days = ['2011-11-28', '2011-12-05', '2011-12-09', '2011-12-13', '2011-12-15'];
  for (const [i, day] of days.entries()) {
    await sim.at(officeHours(day, 11));
    const batch = onTime.filter((m) => Math.floor(jitter(`submit:${m.ags}`) * days.length) === i);
    await eachLimited(batch, 4, async (m) => {
      await (await municipality(ctx, m)).post(`/expressions-of-interest/${applicationOf(m.ags)}/submit`);
    });
  }
  ctx.log(`${onTime.length} expressions of interest submitted before 24:00 on 15 Dec 2011`, true);
  await sim.at(officeHours('2011-12-16', 9));
  const refusal = await (
    await municipality(ctx, cast.late)
  ).refused('POST', `/expressions-of-interest/${applicationOf(cast.late.ags)}/submit`);
  ctx.log(`${cast.late.name} submits on 16 Dec 2011: refused, ${refusal.status} ${refusal.code}`, true);
}

const score = (m: CastMember, assessor: string, selected: boolean) =>
  CRITERIA.map((c) => ({
    criterionId: c.criterionId,
    score: Math.min(10, Math.floor((selected ? 7 : 3) + jitter(`${assessor}:${c.criterionId}:${m.ags}`) * 4)),
  }));

/** Formal check, two assessors, decisions with reasons: 18 selected (Feb 2012), amounts by tier. */
export async function selection2011(ctx: DemoContext): Promise<void> {
  const { sim, cast, office } = ctx;
  const diller = await ctx.callers.as('grants-office', undefined, 'office:diller');
  const stierle = await ctx.callers.as('grants-office', undefined, 'office:stierle');
  const candidates = [...cast.phase1, ...cast.notSelected2011.filter((m) => m.ags !== cast.late.ags)];
  const selected = new Set(cast.phase1.map((m) => m.ags));
  await sim.at(officeHours('2012-01-16'));
  await eachLimited(candidates, 4, async (m) => {
    const path = `/expressions-of-interest/${applicationOf(m.ags)}`;
    await office.post(`${path}/formal-check`, { reasons: ['Unterlagen vollständig und fristgerecht'] });
    await diller.post(`${path}/assessments`, {
      scores: score(m, 'diller', selected.has(m.ags)),
      assessorName: 'Hans-Michael Diller',
    });
    await stierle.post(`${path}/assessments`, {
      scores: score(m, 'stierle', selected.has(m.ags)),
      comment: selected.has(m.ags) ? 'Tragfähiges Präventionskonzept' : 'Konzept noch wenig konkret',
    });
  });
  ctx.log(`${candidates.length} submissions formally checked and scored by two assessors`);
  await sim.at(officeHours('2012-02-10'));
  const waitlisted = new Set(cast.notSelected2011.slice(0, 3).map((m) => m.ags));
  await eachLimited(candidates, 4, async (m) => {
    const outcome = selected.has(m.ags) ? 'selected' : waitlisted.has(m.ags) ? 'waitlisted' : 'rejected';
    const reasons =
      outcome === 'selected'
        ? ['Überzeugendes Präventionskonzept', 'Beitrag zum repräsentativen Querschnitt']
        : ['Im Vergleich geringere Bewertung des Konzepts', 'Querschnitt bereits abgedeckt'];
    // The call wanted 10 to 15 participants; the ministry took 18: beyond 15 the decision states why.
    const override =
      outcome === 'selected'
        ? { limitOverride: { reason: 'Aufnahme von 18 Kommunen für einen repräsentativen Querschnitt' } }
        : {};
    await office.post(`/expressions-of-interest/${applicationOf(m.ags)}/decision`, {
      outcome,
      reasons,
      ...override,
    });
  });
  ctx.log(`Selection: ${selected.size} selected, ${waitlisted.size} waitlisted, the others rejected`, true);
}

/**
 * The council resolutions follow after selection: Kreis Unna's Kreistag by OParl import, its four
 * cities and the other selected by hand, Oberhausen with the sign-offs of seed 001. Witten's
 * council meets late: its deadline is missed and escalated, and the resolution follows after.
 */
export async function resolutionsAfterSelection(ctx: DemoContext): Promise<void> {
  const { sim, cast } = ctx;
  await sim.at(officeHours('2012-03-01'));
  const unna = await municipality(ctx, KREIS_UNNA);
  await unna.post(`/expressions-of-interest/${applicationOf(KREIS_UNNA)}/council-resolutions/oparl`, {
    ...kreisUnnaOparl(),
    ...kreisUnnaStated(),
  });
  ctx.log('Kreis Unna: Kreistag resolution of 28 Feb 2012 imported from its council system (OParl)', true);
  const late = cast.phase1.find((m) => m.name === 'Witten');
  const others = cast.phase1.filter((m) => m.ags !== KREIS_UNNA && m.ags !== OBERHAUSEN && m !== late);
  const byHand = async (m: CastMember, applicationAgs: string, date: string) =>
    (await municipality(ctx, m)).post(
      `/expressions-of-interest/${applicationOf(applicationAgs)}/council-resolutions`,
      councilResolution(m, date),
    );
  await sim.at(officeHours('2012-03-20'));
  for (const m of cast.unnaMembers) await byHand(m, KREIS_UNNA, '2012-03-15');
  await sim.at(officeHours('2012-03-28'));
  await eachLimited(others, 4, (m) => byHand(m, m.ags, '2012-03-27').then(() => undefined));
  await sim.at(officeHours('2012-04-25'));
  await (
    await municipality(ctx, OBERHAUSEN)
  ).post(`/expressions-of-interest/${applicationOf(OBERHAUSEN)}/council-resolutions`, oberhausenRecordBody());
  ctx.log('Oberhausen: council resolution recorded with its sign-offs of 13–17 Apr 2012 (seed 001)');
  if (late) {
    await sim.at(officeHours('2012-05-21'));
    await byHand(late, late.ags, '2012-05-16');
    ctx.log(`${late.name}: resolution recorded after its deadline had been missed and escalated`, true);
  }
}

export function councilResolution(
  m: CastMember,
  date: string,
  subject = 'die Teilnahme am Modellvorhaben „Kein Kind zurücklassen“ und benennt eine Koordinierungsstelle',
) {
  const county = m.type === 'kreis';
  return {
    body: county ? 'county-assembly' : 'council',
    paper: { reference: `V/${date.slice(0, 4)}/${m.ags.slice(5)}`, type: 'Beschlussvorlage' },
    proposal: `Der ${county ? 'Kreistag' : 'Rat'} beschließt ${subject}.`,
    financialConsequences: { hasConsequences: true, description: 'Eigenanteil als Personalkosten' },
    signOffs: [{ role: 'mayor', name: `${county ? 'Landrat' : 'Bürgermeister'} von ${m.name}`, date }],
    consultations: [
      {
        committee: 'Jugendhilfeausschuss',
        stage: 'preliminary',
        date: shiftDays(date, -7),
        result: 'approved',
      },
      { committee: county ? 'Kreistag' : 'Rat', stage: 'decision', date, result: 'approved' },
    ],
    result: 'approved',
    resultDate: date,
  };
}

export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
