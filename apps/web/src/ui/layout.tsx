import { Anchor, AppShell, Badge, Box, Burger, Button, Group, NativeSelect, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { mayCall } from '../api/client';
import type { Operation } from '../api/access.gen';
import { useAuth, useSession } from '../auth/auth-context';
import { useLocale, useT } from '../i18n/i18n';
import { Suspense, lazy, useEffect } from 'react';
import { useApi } from '../api/api-context';
import { Hello } from '../auth/hello';
import { LOCALE_NAMES, LOCALES, type MessageId, isLocale } from '../i18n/locales';

// The bell is for signed-in people only: a lazy chunk, outside the public pages' first load.
const Bell = lazy(() => import('./bell').then((m) => ({ default: m.Bell })));

/** The menu: each entry names the gateway operation it needs, so each role sees only what it may call. */
const MENU: readonly { to: string; label: MessageId; needs: Operation }[] = [
  { to: '/registry', label: 'nav.registry', needs: 'GET /api/registration/registry' },
  { to: '/verify', label: 'nav.verify', needs: 'GET /api/registration/registry/certificates/{number}' },
  { to: '/services', label: 'nav.services', needs: 'GET /api/services/services' },
  { to: '/clusters', label: 'nav.clusters', needs: 'GET /api/clusters/rounds' },
  { to: '/my/applications', label: 'nav.myApplications', needs: 'GET /api/registration/applications' },
  { to: '/my/participation', label: 'nav.participation', needs: 'GET /api/participation/participations' },
  { to: '/my/service-applications', label: 'nav.serviceApplications', needs: 'GET /api/services/service-applications' },
  { to: '/my/invoices', label: 'nav.myInvoices', needs: 'GET /api/services/invoices' },
  { to: '/training', label: 'nav.training', needs: 'GET /api/training/intakes' },
  // ADR 0114, ADR 0138: applicants (inbox and settings) and Commission members (their digest switch) reach the page.
  { to: '/my/notifications', label: 'nav.notifications', needs: 'GET /api/notifications/me/notification-settings' },
  { to: '/my/premises', label: 'nav.premises', needs: 'POST /api/housing/premises-leases' },
  { to: '/my/housing', label: 'nav.myHousing', needs: 'POST /api/housing/allocations/{id}/accept' },
  { to: '/staff/review-queue', label: 'nav.reviewQueue', needs: 'GET /api/registration/review-queue' },
  { to: '/staff/commission', label: 'nav.commission', needs: 'GET /api/registration/commission/agenda' },
  { to: '/staff/housing', label: 'nav.housing', needs: 'GET /api/housing/units' },
  { to: '/staff/deadlines', label: 'nav.deadlines', needs: 'GET /api/deadlines' },
  { to: '/staff/messages', label: 'nav.messages', needs: 'GET /api/notifications/messages' },
  { to: '/staff/service-desk', label: 'nav.serviceDesk', needs: 'POST /api/services/service-applications/{id}/decision' },
  { to: '/staff/billing', label: 'nav.billing', needs: 'POST /api/services/invoice-payments/imports' },
  // issue #11: the participation console (F-21 … F-42) and the F-41 analytics
  { to: '/staff/participation', label: 'nav.staffParticipation', needs: 'GET /api/participation/participations' },
  { to: '/staff/fee-payments', label: 'nav.feePayments', needs: 'POST /api/participation/fee-payments/imports' },
  { to: '/staff/analytics', label: 'nav.analytics', needs: 'GET /api/participation/analytics/quarterly/{year}/{quarter}' },
  { to: '/staff/translations', label: 'nav.translations', needs: 'GET /api/registration/translation-tasks' },
  { to: '/staff/audit', label: 'nav.audit', needs: 'GET /api/audit/events' },
];

/** ADR 0145: the tab's memory of whom it said hello to notifications for (once per session). */
const hello = new Hello();
const HELLO: Operation = 'PUT /api/notifications/me/contact';

/** ADR 0145: once per session, right after sign-in, notifications learns the person's contact from the verified token (a Commission member's digest needs it). */
function useHello() {
  const api = useApi();
  const session = useSession();
  useEffect(() => {
    void hello.seen(
      session,
      () => mayCall(session, HELLO),
      async () => {
        const { response } = await api.PUT('/api/notifications/me/contact');
        if (!response.ok) throw new Error(`hello: HTTP ${response.status}`);
      },
    );
  }, [api, session]);
}

export function Layout() {
  const t = useT();
  const auth = useAuth();
  const session = useSession();
  useHello();
  const { locale, setLocale } = useLocale();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // "My applications" is the applicant's view: staff reach applications through their own screens. "Notifications"
  // also reaches a Commission member's own settings (their digest switch, ADR 0138).
  // The staff console is the Fund's: a staff entry shows only when a role other than applicant reaches it (an applicant reads its own participation's file).
  const byStaff = (op: Operation) => !!session && session.roles.some((r) => r !== 'applicant' && mayCall({ ...session, roles: [r] }, op));
  const menu = MENU.filter(
    (m) =>
      mayCall(session, m.needs) &&
      (!m.to.startsWith('/my/') || session?.roles.includes('applicant') || m.to === '/my/notifications') &&
      (!m.to.startsWith('/staff/') || byStaff(m.needs)),
  );

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Anchor component={Link} to="/registry" underline="never" c="inherit">
              <Stack gap={0}>
                <Title order={1} size="h4">
                  {t('app.title')}
                </Title>
                <Text size="xs" c="dimmed" visibleFrom="xs">
                  {t('app.subtitle')}
                </Text>
              </Stack>
            </Anchor>
          </Group>
          <Group gap={6} wrap="nowrap">
            {session && (
              <Suspense fallback={null}>
                <Bell />
              </Suspense>
            )}
            <NativeSelect
              aria-label={t('nav.language')}
              size="xs"
              value={locale}
              onChange={(e) => isLocale(e.currentTarget.value) && setLocale(e.currentTarget.value)}
              data={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
              data-testid="language"
            />
            {session ? (
              <Button variant="default" size="xs" px={8} onClick={() => auth.signOut()} data-testid="sign-out">
                {t('nav.signOut')}
              </Button>
            ) : (
              <Button size="xs" onClick={() => void auth.signIn(pathname, locale)} data-testid="sign-in">
                {t('nav.signIn')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
        <nav aria-label={t('nav.main')}>
          {menu.map((m) => (
            <NavLink key={m.to} component={Link} to={m.to} label={t(m.label)} active={pathname === m.to || pathname.startsWith(`${m.to}/`)} onClick={close} />
          ))}
        </nav>
        {session && (
          <Box mt="auto" pt="md" data-testid="who">
            <Text size="sm">{t('auth.signedInAs', { name: session.name })}</Text>
            <Group gap={4} mt={4}>
              {session.roles.map((r) => (
                <Badge key={r} variant="light" size="sm">
                  {t(`role.${r}` as MessageId)}
                </Badge>
              ))}
            </Group>
          </Box>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
