import { DomainError } from '@app/eventsourcing';

/** Why a request is not signed in, with its code and its sentence in each language. */
export const UNAUTHENTICATED_TEXTS = {
  'token-missing': {
    code: 'missing-token',
    de: 'Für diese Adresse ist eine Anmeldung nötig (Authorization: Bearer …).',
    en: 'This route needs a bearer token (Authorization: Bearer …).',
  },
  'header-malformed': {
    code: 'invalid-token',
    de: 'Der Authorization-Header muss „Bearer <Token>“ lauten.',
    en: 'The Authorization header must read "Bearer <token>".',
  },
  'no-subject': {
    code: 'invalid-token',
    de: 'Das Token nennt keine Person (kein „sub“).',
    en: 'The token has no subject.',
  },
  'no-role': {
    code: 'invalid-token',
    de: 'Das Token verleiht keine der Rollen dieses Systems.',
    en: 'The token grants none of the roles of this system.',
  },
  'municipality-without-ags': {
    code: 'invalid-token',
    de: 'Das Token einer Kommune muss ihren achtstelligen Amtlichen Gemeindeschlüssel (AGS) nennen.',
    en: 'A municipality token must name its 8-digit AGS.',
  },
  expired: { code: 'invalid-token', de: 'Die Anmeldung ist abgelaufen.', en: 'The token has expired.' },
  invalid: { code: 'invalid-token', de: 'Das Token ist ungültig.', en: 'The token is not valid.' },
  'dashboard-session-ended': {
    code: 'invalid-token',
    de: 'Die Sitzung des Warteschlangen-Dashboards ist beendet; bitte erneut anmelden.',
    en: 'The dashboard session has ended; sign in again.',
  },
  'dashboard-token-missing': {
    code: 'missing-token',
    de: 'Das Warteschlangen-Dashboard verlangt die Anmeldung als Bewilligungsstelle.',
    en: 'The queue dashboard needs a grants office token.',
  },
} as const;

export type UnauthenticatedReason = keyof typeof UNAUTHENTICATED_TEXTS;

export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
  readonly code: 'missing-token' | 'invalid-token';
  constructor(readonly reason: UnauthenticatedReason) {
    const { code, de, en } = UNAUTHENTICATED_TEXTS[reason];
    super({ de, en });
    this.code = code;
  }
}

/** The roles in the words of each language (German as the web workspace names them). */
const ROLE_NAMES: Record<string, { de: string; en: string }> = {
  'grants-office': { de: 'Bewilligungsstelle', en: 'grants-office' },
  municipality: { de: 'Kommune', en: 'municipality' },
  auditor: { de: 'Prüfung (Revision)', en: 'auditor' },
  evaluator: { de: 'Evaluation', en: 'evaluator' },
};

function roleNames(allowed: readonly string[], locale: 'de' | 'en'): string {
  return allowed.map((role) => ROLE_NAMES[role]?.[locale] ?? role).join(', ');
}

export class ForbiddenRole extends DomainError {
  readonly code = 'forbidden-role';
  readonly kind = 'forbidden';
  constructor(allowed: readonly string[]) {
    super(
      {
        de: `Diese Aktion ist ${allowed.length > 1 ? 'den Rollen' : 'der Rolle'} ${roleNames(allowed, 'de')} vorbehalten.`,
        en: `This action is reserved for the role${allowed.length > 1 ? 's' : ''} ${roleNames(allowed, 'en')}.`,
      },
      { allowedRoles: allowed },
    );
  }
}
