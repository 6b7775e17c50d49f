import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../../../libs/api-client/src/schema';
import { clearSession, loadSession, setNotice } from '../session';

export type Schemas = components['schemas'];

/** A refusal of the API (problem+json): its code, German sentence and the fields it names. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly fieldErrors: Record<string, string[]>,
    readonly extensions: Record<string, unknown>,
  ) {
    super(detail || title);
  }
}

/** Where a 401 sends the person: the sign-in page, which shows why. */
function onUnauthenticated(): void {
  if (window.location.pathname !== '/anmelden') window.location.assign('/anmelden');
}

const auth: Middleware = {
  onRequest({ request }) {
    const session = loadSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    request.headers.set('Accept-Language', 'de');
    return request;
  },
};

/** The typed client of the API (same origin); every area's module calls through it. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** The problem document openapi-fetch has read (parsed JSON, or text when it was not JSON). */
function problemOf(response: Response, error: unknown): ApiProblem {
  const body = (error && typeof error === 'object' ? error : {}) as Record<string, unknown>;
  const fieldErrors: Record<string, string[]> = {};
  for (const e of (body.errors as { field?: string; messages?: string[] }[] | undefined) ?? []) {
    if (e.field) fieldErrors[e.field] = [...(fieldErrors[e.field] ?? []), ...(e.messages ?? [])];
  }
  return new ApiProblem(
    response.status,
    String(body.code ?? `http-${response.status}`),
    String(body.title ?? 'Die Anfrage ist fehlgeschlagen.'),
    String(body.detail ?? ''),
    fieldErrors,
    body,
  );
}

/**
 * The answer's data, or an ApiProblem. A 401 ends the session: the person is taken back to the
 * sign-in page with a message.
 */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem = problemOf(response, error);
  if (response.status === 401) {
    clearSession();
    setNotice('Sie sind nicht (mehr) angemeldet. Bitte melden Sie sich erneut an.');
    onUnauthenticated();
  }
  throw problem;
}

/** A file with the bearer token; a refusal becomes an ApiProblem (and a 401 ends the session). */
async function fetchFile(path: string): Promise<Response> {
  const session = loadSession();
  const response = await fetch(path, {
    headers: session ? { Authorization: `Bearer ${session.token}` } : {},
  });
  if (response.ok) return response;
  let error: unknown;
  try {
    error = await response.json();
  } catch {
    // Not JSON: the status alone speaks.
  }
  return must(Promise.resolve({ error, response }));
}

/** A download with the bearer token (exports, calendar): the file's text. */
export async function fetchText(path: string): Promise<string> {
  return (await fetchFile(path)).text();
}

/** A download with the bearer token, saved under `fileName` by the browser (e.g. a notice PDF). */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const response = await fetchFile(path);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The messages the API gave for one field of a refused request (problem details `errors`). */
export function fieldErrorsOf(error: unknown, field: string): string[] | undefined {
  return error instanceof ApiProblem ? error.fieldErrors[field] : undefined;
}
