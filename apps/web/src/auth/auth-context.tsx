import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Auth, Session } from './auth';

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('AuthContext missing');
  return auth;
}

/** The signed-in session (re-renders on sign-in, refresh and sign-out). */
export function useSession(): Session | null {
  const auth = useAuth();
  return useSyncExternalStore(auth.subscribe, auth.getSnapshot);
}
