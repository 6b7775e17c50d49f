import type { NameBook } from '../api/audit';
import { date, dateTime, euroCents } from '../format';

/** Every stored event type in German, as an auditor reads the timeline. */
export const EVENT_LABELS: Record<string, string> = {
  ProgrammeCreated: 'Programm angelegt',
  ProgrammeRulesAdopted: 'Förderbedingungen beschlossen',
  DeadlineSettingsChanged: 'Erinnerungsfristen geändert',
  CallDrafted: 'Aufruf entworfen',
  CallPublished: 'Aufruf veröffentlicht',
  CallAmended: 'Aufruf geändert',
  CallClosingExtended: 'Einreichungsfrist verlängert',
  CallClosed: 'Aufruf geschlossen',
  ExpressionOfInterestDrafted: 'Interessenbekundung angelegt',
  ExpressionOfInterestRevised: 'Interessenbekundung überarbeitet',
  ExpressionOfInterestSubmitted: 'Interessenbekundung eingereicht',
  SubmissionTermsCorrected: 'Förderbedingungen der Einreichung berichtigt',
  CoordinatorNamed: 'Koordination benannt',
  JointApplicationMemberInvited: 'Mitglied zur gemeinsamen Bewerbung eingeladen',
  JointApplicationMembershipConfirmed: 'Mitgliedschaft bestätigt',
  JointApplicationInvitationDeclined: 'Einladung abgelehnt',
  JointApplicationInvitationWithdrawn: 'Einladung zurückgezogen',
  JointApplicationInvitationLapsed: 'Einladung verfallen',
  JointApplicationMemberLeft: 'Mitglied ausgetreten',
  ParticipationClaimed: 'Teilnahme beansprucht',
  ParticipationReleased: 'Teilnahme freigegeben',
  CouncilResolutionRecorded: 'Rats- oder Kreistagsbeschluss erfasst',
  CouncilResolutionCorrected: 'Rats- oder Kreistagsbeschluss berichtigt',
  FormalCheckRecorded: 'Formale Prüfung erfasst',
  AssessmentScored: 'Bewertung abgegeben',
  AssessmentRevised: 'Bewertung überarbeitet',
  SubmissionSelected: 'Ausgewählt',
  SubmissionWaitlisted: 'Auf die Nachrückliste gesetzt',
  SubmissionRejected: 'Abgelehnt',
  SelectionDecisionCorrected: 'Auswahlentscheidung berichtigt',
  GrantNoticeIssued: 'Zuwendungsbescheid erlassen',
  GrantNoticeDocumentRecorded: 'Bescheiddokument abgelegt',
  GrantRevoked: 'Zuwendung widerrufen',
  DisbursementRequested: 'Mittel abgerufen',
  DisbursementPaid: 'Mittel ausgezahlt',
  RefundPaid: 'Erstattung eingegangen',
  ProofOfUseSubmitted: 'Verwendungsnachweis eingereicht',
  ProofOfUseReturned: 'Verwendungsnachweis zurückgegeben',
  ProofOfUseAccepted: 'Verwendungsnachweis anerkannt',
  EsfReportPeriodOpened: 'Berichtszeitraum eröffnet',
  EsfReportDraftSaved: 'Berichtsentwurf gespeichert',
  EsfReportSubmitted: 'Bericht eingereicht',
  EsfReportReturned: 'Bericht zurückgegeben',
  EsfReportAccepted: 'Bericht angenommen',
  EsfAcceptanceBooked: 'Angenommener Bericht verbucht',
  ReportPeriodOpened: 'Berichtszeitraum eröffnet',
  ReportDraftSaved: 'Berichtsentwurf gespeichert',
  ReportSubmitted: 'Bericht eingereicht',
  ReportReturned: 'Bericht zurückgegeben',
  ReportAccepted: 'Bericht angenommen',
  EvaluationCreated: 'Evaluation angelegt',
  SurveyCreated: 'Befragung angelegt',
  SurveyAnswerSubmitted: 'Befragung beantwortet',
  SurveyAnswerRevised: 'Antwort der Befragung überarbeitet',
  IndicatorValueRecorded: 'Indikatorwert erfasst',
  DeadlineOpened: 'Frist eröffnet',
  DeadlineObligationAdded: 'Pflichtige Kommune zur Frist hinzugefügt',
  DeadlineObligationMet: 'Pflicht einer Kommune erfüllt',
  DeadlineReminderIssued: 'Erinnerung versandt',
  DeadlineExtended: 'Frist verlängert',
  DeadlineSubjectAmended: 'Änderung des Aufrufs mitgeteilt',
  DeadlineCancelled: 'Frist aufgehoben',
  DeadlineMet: 'Frist erfüllt',
  DeadlineMissed: 'Frist versäumt',
  DeadlineEscalated: 'Versäumte Frist eskaliert',
  NotificationChannelsSet: 'Benachrichtigungswege festgelegt',
  NotificationQueued: 'Benachrichtigung eingereiht',
  NotificationAttempted: 'Zustellung versucht',
  NotificationDelivered: 'Benachrichtigung zugestellt',
  NotificationDeliveryFailed: 'Zustellung fehlgeschlagen',
  NotificationOutcomeUnknown: 'Zustellung ungewiss',
  NotificationSkipped: 'Benachrichtigung übersprungen',
  NotificationRead: 'Benachrichtigung gelesen',
  IntegrityCheckpointRecorded: 'Signierter Prüfpunkt gesetzt',
};

/** The German label of an event type; an unknown one is shown with its stored name. */
export const eventLabel = (type: string) => EVENT_LABELS[type] ?? `Ereignis ${type}`;

export const ROLE_WORDS: Record<string, string> = {
  'grants-office': 'Bewilligungsstelle',
  municipality: 'Kommune',
  auditor: 'Prüfung',
  evaluator: 'Evaluation',
  system: 'System',
};

/** Who did it: the role and, for a municipality, its name (the subject stays readable beside it). */
export function actorName(actor: { role?: string; subject?: string }, names?: NameBook): string {
  const role = ROLE_WORDS[actor.role ?? ''] ?? actor.role ?? 'unbekannt';
  const ags = /(\d{8})/.exec(actor.subject ?? '')?.[1];
  const municipality = ags ? names?.municipalities[ags] : undefined;
  return municipality ? `${role} ${municipality}` : role;
}

const municipality = (ags: string, names?: NameBook) => names?.municipalities[ags] ?? `Kommune ${ags}`;
const programme = (id: string, names?: NameBook) =>
  names?.programmes[id] ? `Programm „${names.programmes[id]}“` : `Programm ${id}`;
const call = (id: string, names?: NameBook) => {
  const title = names?.calls[id];
  if (!title) return `Aufruf ${id}`;
  return /^Aufruf\b/.test(title) ? title : `Aufruf „${title}“`;
};

/** `<callId>.<ags>` → the municipality and the call, by name. */
function application(id: string, names?: NameBook): string {
  const m = /^(.+)\.(\d{8})$/.exec(id);
  return m ? `${municipality(m[2], names)} – ${call(m[1], names)}` : id;
}

/** `<programmeId>.phase-<n>.<ags>` → the municipality, the programme and the phase. */
function grant(id: string, names?: NameBook): string {
  const m = /^(.+)\.phase-(\d+)\.(\d{8})$/.exec(id);
  return m ? `${municipality(m[3], names)}, ${programme(m[1], names)}, Förderphase ${m[2]}` : id;
}

/** A record's kind and what it concerns, by name: what the auditor reads instead of the stream id. */
export function describeStream(streamId: string, names?: NameBook): { kind: string; title: string } {
  const rules: [RegExp, string, (m: RegExpExecArray) => string][] = [
    [/^programme-(.+)$/, 'Programm', (m) => programme(m[1], names)],
    [/^call-(.+)$/, 'Aufruf', (m) => call(m[1], names)],
    [/^application-(.+)$/, 'Interessenbekundung', (m) => application(m[1], names)],
    [/^participation-(.+)$/, 'Teilnahme', (m) => application(m[1], names)],
    [/^council-resolution-(.+)\.(\d{8})$/, 'Ratsbeschluss', (m) => application(m[1], names)],
    [/^selection-(.+)$/, 'Auswahlverfahren', (m) => application(m[1], names)],
    [/^grant-(.+)$/, 'Zuwendung', (m) => grant(m[1], names)],
    [/^(?:esf-)?report-(.+)\.([^.]+)$/, 'Bericht', (m) => `${grant(m[1], names)}, Zeitraum ${m[2]}`],
    [/^esf-ledger-(.+)$/, 'ESF-Buchungen', (m) => grant(m[1], names)],
    [/^evaluation-(.+)$/, 'Evaluation', (m) => m[1]],
    [
      /^survey-answer-(.+)\.(\d{8})$/,
      'Antwort auf eine Befragung',
      (m) => `${municipality(m[2], names)}, Befragung ${m[1]}`,
    ],
    [/^survey-(.+)$/, 'Befragung', (m) => m[1]],
    [/^deadline-(.+)$/, 'Frist', (m) => m[1]],
    [/^notification-settings-(\d{8})$/, 'Benachrichtigungseinstellungen', (m) => municipality(m[1], names)],
    [/^notification-(.+)$/, 'Benachrichtigung', (m) => m[1]],
    [/^audit-checkpoint-(.+)$/, 'Prüfpunkt', (m) => `Nr. ${m[1]}`],
  ];
  for (const [pattern, kind, title] of rules) {
    const m = pattern.exec(streamId);
    if (m) return { kind, title: title(m) };
  }
  return { kind: 'Datensatz', title: streamId };
}

/** Kinds of record to narrow the search by (the stream id's prefix). */
export const RECORD_KINDS: [string, string][] = [
  ['', 'alle Arten'],
  ['programme-', 'Programme'],
  ['call-', 'Aufrufe'],
  ['application-', 'Interessenbekundungen'],
  ['council-resolution-', 'Ratsbeschlüsse'],
  ['selection-', 'Auswahlverfahren'],
  ['grant-', 'Zuwendungen'],
  ['esf-report-', 'Berichte'],
  ['survey-', 'Befragungen'],
  ['deadline-', 'Fristen'],
];

const VALUE_WORDS: Record<string, string> = {
  draft: 'Entwurf',
  submitted: 'eingereicht',
  published: 'veröffentlicht',
  closed: 'geschlossen',
  open: 'offen',
  met: 'erfüllt',
  missed: 'versäumt',
  cancelled: 'aufgehoben',
  issued: 'bewilligt',
  revoked: 'widerrufen',
  'partially-revoked': 'teilweise widerrufen',
  returned: 'zurückgegeben',
  accepted: 'angenommen',
  selected: 'ausgewählt',
  rejected: 'abgelehnt',
  waitlisted: 'Nachrückliste',
  invited: 'eingeladen',
  confirmed: 'bestätigt',
  declined: 'abgelehnt',
  true: 'ja',
  false: 'nein',
};

/** A stored value as a person reads it: dates German, known states in German, the rest as stored. */
export function readable(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return dateTime(value);
  return VALUE_WORDS[value] ?? value;
}

/** An event's data as rows of field → value (nested fields with dotted names), for "what changed". */
export function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined) return prefix ? [[prefix, '–']] : [];
  if (Array.isArray(value)) {
    if (value.length === 0) return prefix ? [[prefix, '(leer)']] : [];
    if (value.every((v) => typeof v !== 'object' || v === null)) return [[prefix, value.join(', ')]];
    return value.flatMap((v, i) => flatten(v, `${prefix}[${i + 1}]`));
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      flatten(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  if (typeof value === 'number' && /Cents$/.test(prefix)) return [[prefix, euroCents(value)]];
  return [[prefix, readable(String(value))]];
}
