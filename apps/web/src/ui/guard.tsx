import { Alert, Button, Stack } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Operation } from '../api/access.gen';
import { mayCall } from '../api/client';
import { useAuth, useSession } from '../auth/auth-context';
import { useLocale, useT } from '../i18n/i18n';

/** A signed-in screen: asks to sign in, or says the roles do not reach it (the gateway decides; this only explains). */
export function RequireAccess({ op, children }: { op: Operation; children: ReactNode }) {
  const t = useT();
  const auth = useAuth();
  const session = useSession();
  const { locale } = useLocale();
  const href = useRouterState({ select: (s) => s.location.href });
  if (!session)
    return (
      <Stack maw={560}>
        <Alert
          color={auth.ended ? 'orange' : 'blue'}
          variant="light"
          title={auth.ended ? t('auth.sessionEnded') : t('auth.required')}
          data-testid="sign-in-required"
        >
          <Button mt="sm" onClick={() => void auth.signIn(href, locale)}>
            {t('nav.signIn')}
          </Button>
        </Alert>
      </Stack>
    );
  if (!mayCall(session, op))
    return (
      <Alert color="orange" variant="light" title={t('auth.forbidden')} maw={560} data-testid="forbidden">
        {' '}
      </Alert>
    );
  return children;
}
