/**
 * The council resolutions of the seeds as request bodies: Oberhausen's Ratsbeschluss (seed 001,
 * sign-offs by Stahl, Wehling and Frind in April 2012; the session date is illustrative) and Kreis
 * Unna's Kreistag resolution as its council information system would serve it over OParl 1.1
 * (seed 004; references, meetings and URLs are illustrative). Used by tests and the demo.
 */
/** The request body of a manual record: Oberhausen's Ratsbeschluss. */
export function oberhausenRecordBody() {
  return {
    body: 'council' as const,
    paper: {
      reference: 'B/17/1797-01',
      type: 'Beschlussvorlage',
      title:
        'Kommunale Präventionsketten - Modellvorhaben "Kein Kind zurücklassen - Kommunen in NRW beugen vor"',
      date: '2012-04-13',
    },
    proposal:
      'Der Rat der Stadt unterstützt das Modellvorhaben und beschließt die Teilnahme der Stadt Oberhausen daran. ' +
      'Alle betroffenen Bereiche und Fachbereiche sind aufgefordert, sich aktiv bei der Umsetzung des ' +
      'Modellvorhabens einzubringen. Eine hohe Beteiligungskultur, auch von freien Trägern und externen ' +
      'Einrichtungen und Organisationen, ist im Prozessverlauf sicherzustellen.',
    financialConsequences: { hasConsequences: false },
    signOffs: [
      {
        role: 'department-head' as const,
        name: 'Stahl',
        date: '2012-04-13',
        title: 'Bereichsleiter Bereich 0-4',
      },
      { role: 'mayor' as const, name: 'Wehling', date: '2012-04-16', title: 'Oberbürgermeister' },
      { role: 'dezernent' as const, name: 'Frind', date: '2012-04-17', title: 'Dezernent Dezernat 3' },
    ],
    consultations: [
      {
        committee: 'Rat der Stadt Oberhausen',
        stage: 'decision' as const,
        date: '2012-04-23',
        result: 'approved' as const,
      },
    ],
    result: 'approved' as const,
    resultDate: '2012-04-23',
  };
}

const RIS = 'https://oparl.kreis-unna.example/oparl/bodies/1';

export const UNNA_PROPOSAL =
  'Die Interessensbekundung „Brücken für Familien“ der Städte Kamen, Lünen und Selm, der Kreisstadt Unna ' +
  'sowie des Kreises Unna wird zur Kenntnis genommen. Der Kreis Unna beteiligt sich im Rahmen dieser ' +
  'Verbundbewerbung am Modellvorhaben „Kommunale Präventionsketten“ des Landes Nordrhein-Westfalen, sofern er ' +
  'als Modellkommune ausgewählt wird.';

/** Kreis Unna's Vorlage as its council information system would serve it over OParl 1.1. */
export function kreisUnnaOparl() {
  const consultation = (
    n: number,
    organization: string,
    meeting: string,
    agendaItem: string,
    role: string,
  ) => ({
    id: `${RIS}/consultations/${n}`,
    type: 'https://schema.oparl.org/1.1/Consultation',
    paper: `${RIS}/papers/4711`,
    agendaItem: `${RIS}/agendaitems/${agendaItem}`,
    meeting: `${RIS}/meetings/${meeting}`,
    organization: [`${RIS}/organizations/${organization}`],
    authoritative: false,
    role,
  });
  return {
    paper: {
      id: `${RIS}/papers/4711`,
      type: 'https://schema.oparl.org/1.1/Paper',
      body: RIS,
      name: 'Modellvorhaben „Kein Kind zurücklassen – Kommunen in NRW beugen vor“: Verbundbewerbung „Brücken für Familien“',
      reference: 'DS 018/12',
      date: '2012-01-24',
      paperType: 'Beschlussvorlage',
      underDirectionOf: [`${RIS}/organizations/51`],
      created: '2012-01-24T10:12:00+01:00',
      modified: '2012-02-29T08:30:00+01:00',
    },
    consultations: [
      consultation(9002, 'ka', '302', '3021', 'Vorberatung'),
      { ...consultation(9003, 'kt', '303', '3031', 'Entscheidung'), authoritative: true },
      consultation(9001, 'jhA', '301', '3011', 'Vorberatung'),
    ],
    agendaItem: {
      id: `${RIS}/agendaitems/3031`,
      type: 'https://schema.oparl.org/1.1/AgendaItem',
      meeting: `${RIS}/meetings/303`,
      number: '7',
      order: 7,
      name: 'Modellvorhaben „Kein Kind zurücklassen“ – Verbundbewerbung „Brücken für Familien“',
      public: true,
      consultation: `${RIS}/consultations/9003`,
      result: 'ungeändert beschlossen',
      resolutionText: UNNA_PROPOSAL,
      start: '2012-02-28T15:40:00+01:00',
      created: '2012-02-20T09:00:00+01:00',
      modified: '2012-02-29T08:30:00+01:00',
    },
    meetings: [
      meeting(301, 'jhA', 'Sitzung des Jugendhilfeausschusses', '2012-02-07T16:00:00+01:00'),
      meeting(302, 'ka', 'Sitzung des Kreisausschusses', '2012-02-14T15:00:00+01:00'),
      meeting(303, 'kt', 'Sitzung des Kreistages', '2012-02-28T15:00:00+01:00'),
    ],
    organizations: [
      organization('jhA', 'Jugendhilfeausschuss'),
      organization('ka', 'Kreisausschuss'),
      organization('kt', 'Kreistag'),
    ],
  };
}

function meeting(n: number, organization: string, name: string, start: string) {
  return {
    id: `${RIS}/meetings/${n}`,
    type: 'https://schema.oparl.org/1.1/Meeting',
    name,
    start,
    organization: [`${RIS}/organizations/${organization}`],
  };
}

function organization(id: string, name: string) {
  return { id: `${RIS}/organizations/${id}`, type: 'https://schema.oparl.org/1.1/Organization', name };
}

/** What the municipality states beside the OParl documents: sign-offs and money are not in OParl. */
export function kreisUnnaStated() {
  return {
    financialConsequences: {
      hasConsequences: true,
      description:
        'Landesförderung 64.000 EUR zu Personal- und Sachkosten; Eigenleistung über anteilige Personalkosten (Budget-Nr. 51, Haushaltsjahr 2012)',
    },
    signOffs: [
      { role: 'department-head' as const, name: 'Hahn', date: '2012-01-24', title: 'Familie und Jugend' },
    ],
  };
}
