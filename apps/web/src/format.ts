/** German formats for what people read: dates in Berlin time, amounts in euros. */
const DATE = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' });
const DATE_TIME = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});
const EURO = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/** A calendar day (YYYY-MM-DD) or an instant, as a German date. */
export function date(value: string | undefined): string {
  if (!value) return '–';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value;
  return DATE.format(new Date(day));
}

export function dateTime(value: string | undefined): string {
  return value ? DATE_TIME.format(new Date(value)) : '–';
}

export function euroCents(cents: number | undefined): string {
  return cents === undefined ? '–' : EURO.format(cents / 100);
}

export function euro(amount: number | undefined): string {
  return amount === undefined ? '–' : EURO.format(amount);
}

export const ROLE_NAMES: Record<string, string> = {
  'grants-office': 'Bewilligungsstelle',
  municipality: 'Kommune',
  auditor: 'Prüfung (Revision)',
  evaluator: 'Evaluation',
};

export const STAGE_NAMES: Record<string, string> = {
  'not-submitted': 'nicht eingereicht',
  'awaiting-formal-check': 'formale Prüfung offen',
  'formal-check-failed': 'formale Prüfung nicht bestanden',
  'in-assessment': 'in Bewertung',
  selected: 'ausgewählt',
  waitlisted: 'Nachrückliste',
  rejected: 'abgelehnt',
};

export const DEADLINE_KINDS: Record<string, string> = {
  'call-closes': 'Einreichungsfrist des Aufrufs',
  'council-resolution-due': 'Ratsbeschluss',
  'esf-report-due': 'Bericht',
  'proof-of-use-due': 'Verwendungsnachweis',
  'survey-closes': 'Befragung',
  'phase-ends': 'Ende der Förderphase',
};

export const DEADLINE_STATUS: Record<string, string> = {
  open: 'offen',
  met: 'erfüllt',
  missed: 'versäumt',
  cancelled: 'aufgehoben',
};

export const CALL_STATUS: Record<string, string> = {
  draft: 'Entwurf',
  published: 'veröffentlicht',
  closed: 'geschlossen',
};

export const GRANT_STATUS: Record<string, string> = {
  issued: 'bewilligt',
  'partially-revoked': 'teilweise widerrufen',
  revoked: 'widerrufen',
};

export const REPORT_STATUS: Record<string, string> = {
  open: 'offen',
  submitted: 'eingereicht – zu prüfen',
  returned: 'zurückgegeben',
  accepted: 'angenommen',
};

export const MUNICIPALITY_TYPES: Record<string, string> = {
  'kreisfreie-stadt': 'kreisfreie Stadt',
  'kreisangehoerige-stadt': 'kreisangehörige Stadt',
  'kreisangehoerige-gemeinde': 'kreisangehörige Gemeinde',
  kreis: 'Kreis',
};

export const COUNCIL_RESOLUTION_RULES = {
  'required-at-submission': 'mit der Einreichung erforderlich',
  'may-follow-after-selection': 'darf nach der Auswahl folgen',
  'not-required': 'nicht erforderlich',
} as const;

export const HOLIDAY_REGIONS = {
  BW: 'Baden-Württemberg',
  BY: 'Bayern',
  BE: 'Berlin',
  BB: 'Brandenburg',
  HB: 'Bremen',
  HH: 'Hamburg',
  HE: 'Hessen',
  MV: 'Mecklenburg-Vorpommern',
  NI: 'Niedersachsen',
  NW: 'Nordrhein-Westfalen',
  RP: 'Rheinland-Pfalz',
  SL: 'Saarland',
  SN: 'Sachsen',
  ST: 'Sachsen-Anhalt',
  SH: 'Schleswig-Holstein',
  TH: 'Thüringen',
} as const;
