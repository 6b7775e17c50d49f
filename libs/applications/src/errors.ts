import { domainError } from '@app/eventsourcing';

const BERLIN_TIME = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

const BERLIN_DAY = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' });

/** An instant as Berlin staff read it ("16.12.2011, 10:00 Uhr"); the ISO form stays in the facts. */
function berlin(instant: string): string {
  const at = Date.parse(instant);
  return Number.isFinite(at) ? `${BERLIN_TIME.format(at)} Uhr` : instant;
}

/** A call closing at midnight Berlin time ends with its last day: "15.12.2011, 24:00 Uhr". */
function closing(closesAt: string): string {
  const at = Date.parse(closesAt);
  return Number.isFinite(at) ? `${BERLIN_DAY.format(at - 1)}, 24:00 Uhr` : closesAt;
}

export const CallNotOpen = domainError('call-not-open', 'rule-violated', (d: { callId: string }) => ({
  de: `Der Aufruf ${d.callId} ist nicht veröffentlicht; Interessensbekundungen gibt es nur zu einem veröffentlichten Aufruf.`,
  en: `Call ${d.callId} is not published; expressions of interest can be drafted only for a published call.`,
}));

export const CallNotOpenYet = domainError(
  'call-not-open-yet',
  'rule-violated',
  (d: { callId: string; opensOn: string }) => ({
    de: `Der Aufruf ${d.callId} öffnet erst am ${day(d.opensOn)}; vorher werden keine Interessensbekundungen angenommen.`,
    en: `Call ${d.callId} opens on ${d.opensOn}; nothing is accepted before then.`,
  }),
);

/** A calendar day as German readers write it: "12.01.2026". */
function day(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

export const CallClosed = domainError(
  'call-closed',
  'rule-violated',
  (d: { callId: string; closesAt: string }) => ({
    de: `Der Aufruf ${d.callId} ist seit ${closing(d.closesAt)} geschlossen; Interessensbekundungen und Verbundbeitritte sind nicht mehr möglich.`,
    en: `Call ${d.callId} closed at ${d.closesAt}; expressions of interest and joint applications can no longer be changed.`,
  }),
);

export const SubmissionAfterDeadline = domainError(
  'submission-after-deadline',
  'rule-violated',
  (d: { callId: string; closesAt: string; attemptedAt: string }) => ({
    de: `Der Aufruf ${d.callId} endete am ${closing(d.closesAt)}; eine Einreichung am ${berlin(d.attemptedAt)} ist verspätet.`,
    en: `The call ${d.callId} closed at ${d.closesAt} (24:00 Berlin time on its closing date); a submission at ${d.attemptedAt} is too late.`,
  }),
);

export const ApplicantNotEligible = domainError(
  'applicant-not-eligible',
  'rule-violated',
  (d: { name: string; type: string; eligible: string[] }) => ({
    de: `${d.name} ist vom Typ ${d.type}; dieser Aufruf steht nur ${d.eligible.join(', ')} offen.`,
    en: `${d.name} is a ${d.type}; this call is open to ${d.eligible.join(', ')}.`,
  }),
);

export const UnknownMunicipality = domainError(
  'unknown-municipality',
  'rule-violated',
  (d: { ags: string }) => ({
    de: `Eine Kommune mit dem Amtlichen Gemeindeschlüssel ${d.ags} ist nicht bekannt.`,
    en: `No municipality with AGS ${d.ags} is known.`,
  }),
);

export const InvalidJointApplication = domainError(
  'invalid-joint-application',
  'rule-violated',
  (d: { reason: 'lead-as-member' | 'named-twice'; name: string; ags: string }) =>
    d.reason === 'lead-as-member'
      ? {
          de: `Die Verbundbewerbung ist ungültig: die federführende Kommune ${d.name} kann nicht zugleich Mitglied sein.`,
          en: `The joint application is not valid: the lead ${d.name} cannot also be a member.`,
        }
      : {
          de: `Die Verbundbewerbung ist ungültig: ${d.name} (${d.ags}) ist doppelt genannt.`,
          en: `The joint application is not valid: ${d.name} (${d.ags}) is named twice.`,
        },
);

export const ExpressionOfInterestExists = domainError(
  'expression-of-interest-exists',
  'conflict',
  (d: { applicationId: string }) => ({
    de: `Diese Kommune hat zu diesem Aufruf bereits eine Interessensbekundung: ${d.applicationId}.`,
    en: `An expression of interest for this call by this municipality already exists: ${d.applicationId}.`,
  }),
);

/** Names neither the other application nor its lead: that is the other applicant's business. */
export const AlreadyParticipating = domainError(
  'already-participating',
  'conflict',
  (d: { ags: string }) => ({
    de: `Die Kommune ${d.ags} nimmt an diesem Aufruf bereits mit einer anderen Interessensbekundung teil.`,
    en: `Municipality ${d.ags} already takes part in another expression of interest for this call.`,
  }),
);

export const AlreadySubmitted = domainError(
  'already-submitted',
  'rule-violated',
  (d: { applicationId: string }) => ({
    de: `Die Interessensbekundung ${d.applicationId} ist eingereicht und kann nicht mehr geändert werden.`,
    en: `Expression of interest ${d.applicationId} has been submitted and can no longer be changed.`,
  }),
);

export const ExpressionOfInterestIncomplete = domainError(
  'expression-of-interest-incomplete',
  'rule-violated',
  (d: { missing: string[]; labels?: string[] }) => ({
    de: `Die Interessensbekundung kann noch nicht eingereicht werden; es fehlt: ${(d.labels ?? d.missing).join(', ')}.`,
    en: `The expression of interest cannot be submitted yet; missing: ${d.missing.join(', ')}.`,
  }),
);

/** An answer to a field the call's form does not have. */
export const FormFieldUnknown = domainError(
  'form-field-unknown',
  'invalid',
  (d: { fieldId: string; known: string[] }) => ({
    de: `Das Formular dieses Aufrufs hat kein Feld „${d.fieldId}“${d.known.length > 0 ? `; seine Felder: ${d.known.join(', ')}` : ''}.`,
    en: `The call's form has no field ${d.fieldId}${d.known.length > 0 ? `; its fields: ${d.known.join(', ')}` : ''}.`,
  }),
);

/** An answer that does not fit its field's type, length or choices. */
export const FormAnswerInvalid = domainError(
  'form-answer-invalid',
  'invalid',
  (d: { fieldId: string; label: string; de: string; en: string }) => ({
    de: `Die Angabe im Feld „${d.label}“ passt nicht: ${d.de}.`,
    en: `The answer to field ${d.fieldId} does not fit: ${d.en}.`,
  }),
);

export const CoordinatorMissing = domainError('coordinator-missing', 'rule-violated', () => ({
  de: 'Der Aufruf verlangt eine benannte Koordinatorin oder einen benannten Koordinator; bitte vor dem Einreichen benennen.',
  en: 'The call requires a named coordinator (Koordinatorin/Koordinator); name one before submitting.',
}));

export const CouncilResolutionMissing = domainError('council-resolution-missing', 'rule-violated', () => ({
  de: 'Dieser Aufruf verlangt bei der Einreichung einen gefassten Rats- oder Kreistagsbeschluss; eine Zusage genügt nicht.',
  en: 'The call requires an adopted council resolution at submission; a promise is not enough for this call.',
}));

export const NotLeadApplicant = domainError(
  'not-lead-applicant',
  'forbidden',
  (d: { applicationId: string }) => ({
    de: `Nur die federführende Kommune kann die Interessensbekundung ${d.applicationId} ändern oder einreichen.`,
    en: `Only the lead applicant may change or submit expression of interest ${d.applicationId}.`,
  }),
);

export const CouncilResolutionStatementMissing = domainError(
  'council-resolution-statement-missing',
  'rule-violated',
  () => ({
    de: 'Bitte den Rats- oder Kreistagsbeschluss angeben: gefasst (mit Datum und Aktenzeichen) oder zugesagt für die Zeit nach der Auswahl.',
    en: 'State the council resolution: adopted (with date and reference), or promised to follow after selection.',
  }),
);

/** What an invitation to a joint application has become, in the words of each language. */
const STATUS_WORDS = {
  invited: { de: 'offen', en: 'open' },
  confirmed: { de: 'bereits bestätigt', en: 'already confirmed' },
  declined: { de: 'abgelehnt', en: 'declined' },
  left: { de: 'durch Austritt beendet', en: 'ended by leaving' },
  withdrawn: { de: 'von der federführenden Kommune zurückgezogen', en: 'withdrawn by the lead' },
  lapsed: { de: 'mit der Einreichung erloschen', en: 'lapsed at submission' },
} as const;

type InvitationFacts = {
  applicationId: string;
  ags: string;
  status: keyof typeof STATUS_WORDS;
};

/** Confirming or declining needs an open invitation; a confirmed member leaves instead. */
export const InvitationNotOpen = domainError(
  'invitation-not-open',
  'rule-violated',
  (d: InvitationFacts) => ({
    de:
      `Die Einladung der Kommune ${d.ags} zur Verbundbewerbung ${d.applicationId} ist nicht mehr offen ` +
      `(${STATUS_WORDS[d.status].de}).` +
      (d.status === 'confirmed' ? ' Ein bestätigtes Mitglied kann vor der Einreichung austreten.' : ''),
    en:
      `The invitation of municipality ${d.ags} to joint application ${d.applicationId} is no longer open ` +
      `(${STATUS_WORDS[d.status].en}).` +
      (d.status === 'confirmed' ? ' A confirmed member may leave before submission.' : ''),
  }),
);

export const NotAMember = domainError('not-a-member', 'rule-violated', (d: InvitationFacts) => ({
  de: `Die Kommune ${d.ags} ist kein bestätigtes Mitglied der Verbundbewerbung ${d.applicationId} (Einladung ${STATUS_WORDS[d.status].de}).`,
  en: `Municipality ${d.ags} is not a confirmed member of joint application ${d.applicationId} (invitation ${STATUS_WORDS[d.status].en}).`,
}));

/** The submission binds the members it names: leaving afterwards would change what was applied for. */
export const MembershipBoundBySubmission = domainError(
  'membership-bound-by-submission',
  'rule-violated',
  (d: { applicationId: string; ags: string }) => ({
    de: `Die Verbundbewerbung ${d.applicationId} ist eingereicht; die Teilnahme der Kommune ${d.ags} ist damit verbindlich und ein Austritt nicht mehr möglich.`,
    en: `Joint application ${d.applicationId} has been submitted; the participation of municipality ${d.ags} is binding and it can no longer leave.`,
  }),
);

/** Only a submission has terms it was decided under; a draft is decided under nothing yet. */
export const TermsCorrectionBeforeSubmission = domainError(
  'terms-correction-before-submission',
  'rule-violated',
  (d: { applicationId: string }) => ({
    de: `Die Interessensbekundung ${d.applicationId} ist noch nicht eingereicht; berichtigt werden nur die Förderbedingungen einer Einreichung.`,
    en: `Expression of interest ${d.applicationId} has not been submitted; only a submission's terms can be corrected.`,
  }),
);

/** A correction names a version of the programme's terms that exists. */
export const TermsVersionUnknown = domainError(
  'terms-version-unknown',
  'rule-violated',
  (d: { programmeId: string; version: number; known: number[] }) => ({
    de:
      `Das Programm ${d.programmeId} hat keine Fassung ${d.version} der Förderbedingungen` +
      (d.known.length > 0
        ? `; beschlossen sind die Fassungen ${d.known.join(', ')}.`
        : '; es ist noch keine beschlossen.'),
    en:
      `Programme ${d.programmeId} has no version ${d.version} of its terms` +
      (d.known.length > 0 ? `; adopted are versions ${d.known.join(', ')}.` : '; none has been adopted yet.'),
  }),
);

/** A correction changes the version: naming the one already applied corrects nothing. */
export const TermsAlreadyApplied = domainError(
  'terms-already-applied',
  'rule-violated',
  (d: { applicationId: string; version: number }) => ({
    de: `Über die Interessensbekundung ${d.applicationId} wird bereits nach Fassung ${d.version} der Förderbedingungen entschieden; es gibt nichts zu berichtigen.`,
    en: `Expression of interest ${d.applicationId} is already decided under version ${d.version} of the terms; there is nothing to correct.`,
  }),
);

/** A correction says why: the record must explain it to whoever reads it later. */
export const TermsCorrectionReasonMissing = domainError(
  'terms-correction-reason-missing',
  'invalid',
  (d: { applicationId: string }) => ({
    de: `Die Berichtigung der Förderbedingungen der Interessensbekundung ${d.applicationId} braucht eine Begründung.`,
    en: `Correcting the terms of expression of interest ${d.applicationId} needs a reason.`,
  }),
);
