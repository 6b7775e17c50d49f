import type { CastMember } from '../demo-data';
import { jitter } from '../demo-data';
import { type DemoContext, eachLimited, municipality, officeHours } from './demo-context';

export interface GrantPlan {
  member: CastMember;
  grantId: string;
  phase: 1 | 2;
  amountCents: number;
  financing: { esfCents: number; landCents: number; ownCents: number };
  period: { from: string; to: string };
  /** What the accepted ESF reports add up to: the figures of the proof of use. */
  reported: { esfCents: number; landCents: number; ownCents: number };
}

/**
 * The financing plan of a notice: the grant (ESF + Land) is the tier's amount, own funds come on
 * top; ESF half and Land about a quarter of the eligible total, as in the programme (DOMAIN.md).
 */
export function financingFor(amountCents: number) {
  const esfCents = Math.round((amountCents * 43) / 64);
  return { esfCents, landCents: amountCents - esfCents, ownCents: Math.round((amountCents * 22) / 64) };
}

/** Issues the notices of a phase; the amount is what the selection decided. */
export async function issueNotices(
  ctx: DemoContext,
  grantees: { member: CastMember; applicationId?: string; continuationOf?: string; amountCents: number }[],
  phase: 1 | 2,
  period: { from: string; to: string },
): Promise<GrantPlan[]> {
  const plans: GrantPlan[] = [];
  await eachLimited(grantees, 4, async ({ member, applicationId, continuationOf, amountCents }) => {
    const financing = financingFor(amountCents);
    const body = {
      phase,
      ags: member.ags,
      ...(applicationId ? { applicationId } : {}),
      ...(continuationOf ? { continuationOf } : {}),
      amountCents,
      period,
      financing,
      conditions: ['Koordinierungsstelle mit mindestens einer halben Stelle', 'Teilnahme am Lernnetzwerk'],
      coordinator: { name: `Koordinierungsstelle Prävention ${member.name}` },
    };
    const { id } = await ctx.office.post<{ id: string }>('/grants', body);
    // The worker's policy opens the periods with the notice too; asking here returns once they are open.
    await ctx.office.post(`/grants/${id}/report-periods`);
    plans.push({
      member,
      grantId: id,
      phase,
      amountCents,
      financing,
      period,
      reported: { esfCents: 0, landCents: 0, ownCents: 0 },
    });
  });
  return plans.sort((a, b) => a.member.ags.localeCompare(b.member.ags));
}

/** Funds called for payments due within two months, paid by the office on the due date. */
export async function callFunds(
  ctx: DemoContext,
  plans: GrantPlan[],
  requestDay: string,
  dueDay: string,
  share: number,
) {
  await ctx.sim.at(officeHours(requestDay));
  const requested = new Map<string, string>();
  await eachLimited(plans, 4, async (plan) => {
    const res = await (
      await municipality(ctx, plan.member)
    ).post<{ disbursementId: string }>(`/grants/${plan.grantId}/disbursements`, {
      amountCents: Math.floor(plan.amountCents * share),
      dueDate: dueDay,
    });
    requested.set(plan.grantId, res.disbursementId);
  });
  await ctx.sim.at(officeHours(dueDay, 9));
  await eachLimited(plans, 4, async (plan) => {
    await ctx.office.post(`/grants/${plan.grantId}/disbursements/${requested.get(plan.grantId)}/payment`, {
      paidOn: dueDay,
    });
  });
}

export interface ReportRound {
  periodId: string;
  /** The months of the grant's period this report covers, of `ofMonths` in all. */
  months: number;
  ofMonths: number;
  submitOn: string;
  /** Those who submit late in the window, after the reminders. */
  lateOn?: string;
  acceptOn: string;
  /** The report the office returns with remarks, to be corrected and resubmitted. */
  returned?: string;
}

/**
 * One round of ESF reports: each grantee reports what it spent (86–96 % of the plan's share of
 * the period; 49 % ESF, 24 % Land, the rest own funds), the office accepts, one is returned first.
 */
export async function reportRound(ctx: DemoContext, plans: GrantPlan[], round: ReportRound): Promise<void> {
  const figures = (plan: GrantPlan, cut = 0) => {
    const plannedTotal = plan.financing.esfCents + plan.financing.landCents + plan.financing.ownCents;
    const used = 0.86 + jitter(`spend:${plan.grantId}:${round.periodId}`) * 0.1 - cut;
    const total = Math.floor(((plannedTotal * round.months) / round.ofMonths) * used);
    const esfCents = Math.floor(total * 0.49);
    const landCents = Math.floor(total * 0.24);
    return {
      expenditure: { esfCents, landCents, ownCents: total - esfCents - landCents },
      indicators: { publicAdministrationsSupported: plan.member.type === 'kreis' ? 5 : 1, participants: 0 },
      narrative: `Präventionskette ${plan.member.name}: Netzwerkarbeit, Fachtage und Übergangsmanagement.`,
    };
  };
  const late = new Set(
    round.lateOn
      ? plans.filter((p) => jitter(`late:${p.grantId}:${round.periodId}`) < 0.25).map((p) => p.grantId)
      : [],
  );
  const submit = async (plan: GrantPlan, cut = 0) =>
    (await municipality(ctx, plan.member)).post(
      `/reports/${plan.grantId}.${round.periodId}/submissions`,
      figures(plan, cut),
    );
  await ctx.sim.at(officeHours(round.submitOn));
  await eachLimited(
    plans.filter((p) => !late.has(p.grantId)),
    4,
    (p) => submit(p).then(() => undefined),
  );
  if (round.lateOn) {
    await ctx.sim.at(officeHours(round.lateOn));
    await eachLimited(
      plans.filter((p) => late.has(p.grantId)),
      4,
      (p) => submit(p).then(() => undefined),
    );
  }
  const returned = plans.find((p) => p.member.name === round.returned);
  await ctx.sim.at(officeHours(round.acceptOn));
  if (returned) {
    const reportId = `${returned.grantId}.${round.periodId}`;
    await ctx.office.post(`/reports/${reportId}/return`, {
      remarks: 'Bewirtungskosten sind nicht zuwendungsfähig; bitte ohne sie neu einreichen.',
    });
    await submit(returned, 0.02);
    ctx.log(
      `ESF report ${round.periodId} of ${returned.member.name} returned with remarks, corrected and resubmitted`,
    );
  }
  await eachLimited(plans, 4, async (plan) => {
    await ctx.office.post(`/reports/${plan.grantId}.${round.periodId}/acceptance`);
    const { expenditure } = figures(plan, plan === returned ? 0.02 : 0);
    plan.reported.esfCents += expenditure.esfCents;
    plan.reported.landCents += expenditure.landCents;
    plan.reported.ownCents += expenditure.ownCents;
  });
  ctx.log(`ESF reports ${round.periodId}: ${plans.length} accepted`);
}
