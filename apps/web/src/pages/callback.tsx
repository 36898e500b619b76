import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { useT } from '../i18n/i18n';
import { ErrorState, Loading } from '../ui/states';

/** /auth/callback: the identity provider sends the browser back here with the code. */
export function CallbackPage() {
  const t = useT();
  const auth = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // one exchange per code (React StrictMode runs effects twice)
    started.current = true;
    auth.completeSignIn(new URL(window.location.href)).then(
      (to) => void navigate({ to, replace: true }),
      (e: unknown) => setError(e),
    );
  }, [auth, navigate]);
  if (error) return <ErrorState error={new Error(t('auth.callbackFailed', { detail: error instanceof Error ? error.message : JSON.stringify(error) }))} />;
  return <Loading />;
}
