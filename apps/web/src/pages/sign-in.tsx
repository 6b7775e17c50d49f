import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { devToken, type Role, signInOptions } from '../api/auth';
import { ROLE_NAMES } from '../format';
import { finishOidcSignIn, startOidcSignIn } from '../oidc';
import { saveSession, takeNotice } from '../session';
import { Field, Loading, Notice, Page, ProblemMessage, PRODUCT_NAME } from '../ui';

const TYPE_NAMES: Record<string, string> = {
  'kreisfreie-stadt': 'kreisfreie Stadt',
  'kreisangehoerige-stadt': 'kreisangehörige Stadt',
  kreis: 'Kreis',
};

/** Only paths of this workspace are followed after sign-in (no open redirect). */
const safeTarget = (target: string | null) => (target && /^\/(?!\/)/.test(target) ? target : '/');

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [notice] = useState(takeNotice);
  const options = useQuery({ queryKey: ['sign-in-options'], queryFn: signInOptions });
  const [role, setRole] = useState<Role>('grants-office');
  const [ags, setAgs] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const target = safeTarget(params.get('weiter'));

  const signIn = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (options.data?.mode === 'oidc' && options.data.oidc) {
        await startOidcSignIn(options.data.oidc, target);
        return;
      }
      const { token } = await devToken(role, role === 'municipality' ? ags : undefined);
      saveSession(token);
      navigate(target, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="inhalt" className="sign-in">
      <Page title="Anmelden">
        <p>{PRODUCT_NAME}: der Arbeitsbereich für Förderprogramme, ihre Aufrufe und Zuwendungen.</p>
        {notice && <Notice>{notice}</Notice>}
        <ProblemMessage error={error ?? options.error} />
        {options.isPending && <Loading what="Anmeldeverfahren" />}
        {options.data?.mode === 'oidc' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void signIn();
            }}
          >
            <p>Sie melden sich beim Anmeldedienst Ihrer Behörde an und kehren danach hierher zurück.</p>
            <button type="submit" className="primary" disabled={busy}>
              Mit dem Anmeldedienst anmelden
            </button>
          </form>
        )}
        {options.data?.mode === 'dev' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void signIn();
            }}
          >
            <Notice>Entwicklungsbetrieb: Sie wählen Rolle und Kommune selbst (AUTH_MODE=dev).</Notice>
            <fieldset>
              <legend>Rolle</legend>
              {(options.data.roles ?? []).map((r) => (
                <div key={r} className="radio">
                  <input
                    type="radio"
                    id={`rolle-${r}`}
                    name="rolle"
                    value={r}
                    checked={role === r}
                    onChange={() => setRole(r)}
                  />
                  <label htmlFor={`rolle-${r}`}>{ROLE_NAMES[r] ?? r}</label>
                </div>
              ))}
            </fieldset>
            {role === 'municipality' && (
              <Field label="Ihre Kommune">
                {(props) => (
                  <select {...props} value={ags} onChange={(e) => setAgs(e.target.value)} required>
                    <option value="">Bitte wählen …</option>
                    {(options.data?.municipalities ?? []).map((m) => (
                      <option key={m.ags} value={m.ags}>
                        {m.name} ({TYPE_NAMES[m.type] ?? m.type})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <button type="submit" className="primary" disabled={busy}>
              Anmelden
            </button>
          </form>
        )}
      </Page>
    </main>
  );
}

export function OidcCallbackPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    finishOidcSignIn(window.location.search)
      .then(({ token, returnTo }) => {
        saveSession(token);
        navigate(safeTarget(returnTo), { replace: true });
      })
      .catch(setError);
  }, [navigate]);
  return (
    <main id="inhalt" className="sign-in">
      <Page title="Anmeldung wird abgeschlossen">
        {error ? <ProblemMessage error={error} /> : <Loading what="Ihre Zugangsdaten" />}
      </Page>
    </main>
  );
}
