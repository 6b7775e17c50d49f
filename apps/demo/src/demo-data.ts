import { readFileSync } from 'node:fs';

/**
 * The programme's cast, from the reference data (`reference-data/nrw-municipalities.csv`, whose
 * README says which rows are documented and which are stand-ins). Who applied in 2011, who was
 * selected, who joined in 2017: the `role_in_demo` column.
 */
export interface CastMember {
  ags: string;
  name: string;
  type: 'kreisfreie-stadt' | 'kreisangehoerige-stadt' | 'kreis';
  regierungsbezirk: string;
  population: number;
  role: string;
}

export interface Cast {
  /** The 18 selected in 2012 (seed 001): 17 alone and Kreis Unna leading its joint application. */
  phase1: CastMember[];
  /** Kamen, Lünen, Selm and Unna: members of the Kreis Unna joint application (seed 004). */
  unnaMembers: CastMember[];
  /** The other 34 applicants of 2011: 33 stand-ins and one city that joined only in 2017. */
  notSelected2011: CastMember[];
  /** The 22 that joined in phase II (2017): 9 named in the evaluation report, 13 stand-ins. */
  phase2New: CastMember[];
  /** The applicant whose 2011 submission arrives after the deadline. */
  late: CastMember;
}

export function readCast(csvFile: string): Cast {
  const [header, ...lines] = readFileSync(csvFile, 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const at = (cells: string[], name: string) => cells[cols.indexOf(name)];
  const all: CastMember[] = lines.map((line) => {
    const cells = line.split(',');
    return {
      ags: at(cells, 'ags'),
      name: at(cells, 'name'),
      type: at(cells, 'type') as CastMember['type'],
      regierungsbezirk: at(cells, 'regierungsbezirk'),
      population: Number(at(cells, 'population_approx')),
      role: at(cells, 'role_in_demo'),
    };
  });
  const withRole = (...roles: string[]) => all.filter((m) => roles.includes(m.role));
  const phase1 = withRole('phase1-selected', 'phase1-selected-verbund-lead');
  const phase2New = withRole('phase2-named', 'phase2-illustrative');
  // Bochum applied in 2011 too and was not taken then (an assumption of the demo): 33 + 1 = 34.
  const bochum = phase2New.find((m) => m.name === 'Bochum');
  const notSelected2011 = [...withRole('applicant-2011-illustrative'), ...(bochum ? [bochum] : [])];
  const late = notSelected2011.find((m) => m.name === 'Remscheid') ?? notSelected2011[0];
  return { phase1, unnaMembers: withRole('verbund-member'), notSelected2011, phase2New, late };
}

export const KREIS_UNNA = '05978000';
export const OBERHAUSEN = '05119000';

/** A stable pseudo-random number in [0, 1) from a string: the same demo every run. */
export function jitter(seed: string): number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/** The content of an Interessensbekundung, after the Kreis Unna paper (seed 004) in tone. */
export function expressionOfInterest(m: CastMember, resolution: 'adopted' | 'promised', adoptedOn?: string) {
  const kind = m.type === 'kreis' ? 'Kreis' : 'Stadt';
  return {
    motto: `Präventionskette ${m.name}: kein Kind zurücklassen`,
    existingActivities: `Frühe Hilfen, Familienzentren und Bildungsnetzwerke in ${m.name} werden gebündelt.`,
    goals: `Eine lückenlose Präventionskette von der Geburt bis zum Berufseinstieg in der ${kind} ${m.name}.`,
    measures:
      'Koordinierungsstelle, Sozialraumkonferenzen, gemeinsame Übergangsgestaltung Kita–Schule–Beruf.',
    successCriteria:
      'Mehr Kinder in Frühförderung, weniger Schulabbrüche, verbindliche Netzwerkvereinbarungen.',
    difficulties: 'Haushaltssicherung, Fachkräftemangel in der Jugendhilfe.',
    financialPlan: {
      ownContributionEur: m.population > 200_000 ? 30_000 : 16_000,
      ownContributionKind: 'staff-costs',
      notes: 'Eigenanteil als Personalkosten der Koordination',
    },
    nextSteps: 'Ratsbeschluss, Besetzung der Koordinierungsstelle, Auftaktkonferenz.',
    coordinator: { name: `Koordinierungsstelle Prävention ${m.name}` },
    councilResolution:
      resolution === 'adopted' ? { status: 'adopted', date: adoptedOn } : { status: 'promised' },
  };
}
