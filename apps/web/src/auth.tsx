import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, useLocation } from 'react-router';
import { type Person, whoAmI } from './api/auth';
import { clearSession, loadSession } from './session';
import { Loading } from './ui';

const PersonContext = createContext<Person | undefined>(undefined);

export function usePerson(): Person {
  const person = useContext(PersonContext);
  if (!person) throw new Error('usePerson outside a signed-in page');
  return person;
}

export const roleOf = (person: Person) => person.roles[0];

/** Pages behind this need a session; without one the person goes to the sign-in page and comes back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = loadSession();
  const me = useQuery({
    queryKey: ['me', session?.token],
    queryFn: whoAmI,
    enabled: !!session,
    retry: false,
  });
  if (!session) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/anmelden?weiter=${encodeURIComponent(back)}`} replace />;
  }
  if (me.isPending) return <Loading what="Ihre Anmeldung" />;
  if (me.isError) return <Navigate to="/anmelden" replace />;
  return <PersonContext.Provider value={me.data}>{children}</PersonContext.Provider>;
}

export function useSignOut() {
  const client = useQueryClient();
  return () => {
    clearSession();
    client.clear();
  };
}
