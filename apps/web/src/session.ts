/** The signed-in person: the bearer token and what the API says about it (GET /auth/me). */
export interface Session {
  token: string;
  /** Milliseconds since the epoch when the token expires (from its `exp`). */
  expiresAt: number;
}

const KEY = 'kkz.session';
const NOTICE = 'kkz.notice';

function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: number;
    };
    return payload.exp ? payload.exp * 1000 : Date.now() + 60 * 60 * 1000;
  } catch {
    return 0;
  }
}

/** Kept per browser tab (sessionStorage): closing the tab signs out. */
export function loadSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as Session;
  if (session.expiresAt <= Date.now()) {
    sessionStorage.removeItem(KEY);
    setNotice('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.');
    return undefined;
  }
  return session;
}

export function saveSession(token: string): Session {
  const session = { token, expiresAt: expiryOf(token) };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  sessionStorage.removeItem(NOTICE);
  return session;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** A message for the sign-in page (why the person is there again), shown until the next sign-in. */
export function setNotice(text: string): void {
  sessionStorage.setItem(NOTICE, text);
}

export function takeNotice(): string | undefined {
  return sessionStorage.getItem(NOTICE) ?? undefined;
}
