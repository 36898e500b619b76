import { Anchor, Stack, Title } from '@mantine/core';
import { Link, createRootRoute, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { isPublicPath } from './i18n/catalogue-parts';
import { useT } from './i18n/i18n';
import { loadAllMessages } from './i18n/locales';
import { keepAuditParams } from './pages/audit-search-params';
import { CallbackPage } from './pages/callback';
import { RegistryPage, validateRegistrySearch } from './pages/registry';
import { VerifyPage, VerifyResultPage } from './pages/verify';
import { Layout } from './ui/layout';

function NotFound() {
  const t = useT();
  return (
    <Stack>
      <Title order={2}>{t('notFound.title')}</Title>
      <Anchor component={Link} to="/registry">
        {t('notFound.back')}
      </Anchor>
    </Stack>
  );
}

// Public pages are in the first bundle (budget: 250 KB gzip); signed-in screens load lazily.
// The signed-in screens' messages load before the first of them renders (ADR 0128).
const root = createRootRoute({
  component: Layout,
  notFoundComponent: NotFound,
  beforeLoad: ({ location }) => (isPublicPath(location.pathname) ? undefined : loadAllMessages()),
});
const index = createRoute({
  getParentRoute: () => root,
  path: '/',
  beforeLoad: () => {
    // TanStack Router's redirect is thrown by design (it is not an Error)
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw redirect({ to: '/registry' });
  },
});
const registry = createRoute({ getParentRoute: () => root, path: '/registry', validateSearch: validateRegistrySearch, component: RegistryPage });
const verify = createRoute({ getParentRoute: () => root, path: '/verify', component: VerifyPage });
const verifyNumber = createRoute({ getParentRoute: () => root, path: '/verify/$number', component: VerifyResultPage });
const callback = createRoute({ getParentRoute: () => root, path: '/auth/callback', component: CallbackPage });
const myApplications = createRoute({ getParentRoute: () => root, path: '/my/applications' }).lazy(() => import('./pages/my-applications').then((m) => m.Route));
const newApplication = createRoute({ getParentRoute: () => root, path: '/my/applications/new' }).lazy(() =>
  import('./pages/application-new').then((m) => m.Route),
);
const application = createRoute({ getParentRoute: () => root, path: '/my/applications/$id' }).lazy(() => import('./pages/application').then((m) => m.Route));
const editApplication = createRoute({ getParentRoute: () => root, path: '/my/applications/$id/edit' }).lazy(() =>
  import('./pages/application-edit').then((m) => m.Route),
);
const participation = createRoute({ getParentRoute: () => root, path: '/my/participation' }).lazy(() => import('./pages/participation').then((m) => m.Route));
const notifications = createRoute({ getParentRoute: () => root, path: '/my/notifications' }).lazy(() => import('./pages/notifications').then((m) => m.Route));
const reviewQueue = createRoute({ getParentRoute: () => root, path: '/staff/review-queue' }).lazy(() => import('./pages/review-queue').then((m) => m.Route));
const staffApplication = createRoute({ getParentRoute: () => root, path: '/staff/applications/$id' }).lazy(() =>
  import('./pages/staff-application').then((m) => m.Route),
);
const commissionAgenda = createRoute({ getParentRoute: () => root, path: '/staff/commission' }).lazy(() =>
  import('./pages/commission-agenda').then((m) => m.Route),
);
const services = createRoute({ getParentRoute: () => root, path: '/services' }).lazy(() => import('./pages/services').then((m) => m.Route));
const serviceApply = createRoute({ getParentRoute: () => root, path: '/services/calls/$id/apply' }).lazy(() =>
  import('./pages/service-apply').then((m) => m.Route),
);
const myServiceApplications = createRoute({ getParentRoute: () => root, path: '/my/service-applications' }).lazy(() =>
  import('./pages/my-service-applications').then((m) => m.Route),
);
const serviceDesk = createRoute({ getParentRoute: () => root, path: '/staff/service-desk' }).lazy(() => import('./pages/service-desk').then((m) => m.Route));
const billing = createRoute({ getParentRoute: () => root, path: '/staff/billing' }).lazy(() => import('./pages/billing').then((m) => m.Route));
const myInvoices = createRoute({ getParentRoute: () => root, path: '/my/invoices' }).lazy(() => import('./pages/my-invoices').then((m) => m.Route));
const training = createRoute({ getParentRoute: () => root, path: '/training' }).lazy(() => import('./pages/training').then((m) => m.Route));
const trainingApplication = createRoute({ getParentRoute: () => root, path: '/training/applications/$id' }).lazy(() =>
  import('./pages/training-application').then((m) => m.Route),
);
const trainingCommission = createRoute({ getParentRoute: () => root, path: '/training/intakes/$id/commission' }).lazy(() =>
  import('./pages/training-commission').then((m) => m.Route),
);
const clusters = createRoute({ getParentRoute: () => root, path: '/clusters' }).lazy(() => import('./pages/clusters').then((m) => m.Route));
const clusterRound = createRoute({ getParentRoute: () => root, path: '/clusters/rounds/$id' }).lazy(() =>
  import('./pages/clusters-round').then((m) => m.Route),
);
const housingStaff = createRoute({ getParentRoute: () => root, path: '/staff/housing' }).lazy(() => import('./pages/housing-staff').then((m) => m.Route));
const premises = createRoute({ getParentRoute: () => root, path: '/my/premises' }).lazy(() => import('./pages/premises').then((m) => m.Route));
const myHousing = createRoute({ getParentRoute: () => root, path: '/my/housing' }).lazy(() => import('./pages/my-housing').then((m) => m.Route));
const deadlines = createRoute({ getParentRoute: () => root, path: '/staff/deadlines' }).lazy(() => import('./pages/deadlines').then((m) => m.Route));
// issue #11: the Fund staff's participation console and the F-41 analytics
const staffParticipations = createRoute({ getParentRoute: () => root, path: '/staff/participation' }).lazy(() =>
  import('./pages/staff-participations').then((m) => m.Route),
);
const staffParticipation = createRoute({ getParentRoute: () => root, path: '/staff/participation/$id' }).lazy(() =>
  import('./pages/staff-participation').then((m) => m.Route),
);
// issue #11: finance's bank-statement import of membership-fee payments (F-21)
const feePayments = createRoute({ getParentRoute: () => root, path: '/staff/fee-payments' }).lazy(() => import('./pages/fee-payments').then((m) => m.Route));
const staffAnalytics = createRoute({ getParentRoute: () => root, path: '/staff/analytics' }).lazy(() => import('./pages/staff-analytics').then((m) => m.Route));
const messageLog = createRoute({
  getParentRoute: () => root,
  path: '/staff/messages',
  // ADR 0114 / issue #16: the message log of one deadline's subject (the board links here with its subjectId)
  validateSearch: (s: Record<string, unknown>): { subjectId?: string } =>
    typeof s.subjectId === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s.subjectId) ? { subjectId: s.subjectId } : {},
}).lazy(() => import('./pages/message-log').then((m) => m.Route));

// issue #11 (webforms): the auditors' audit trail and the Fund's translation tasks (F-10)
// the trail's filters and keyset position live in the URL (kept here as text; the page reads them with zod, pages/audit-search.ts): a filtered view can be shared and reloaded
const auditTrail = createRoute({ getParentRoute: () => root, path: '/staff/audit', validateSearch: keepAuditParams }).lazy(() =>
  import('./pages/audit-trail').then((m) => m.Route),
);
const translations = createRoute({ getParentRoute: () => root, path: '/staff/translations' }).lazy(() =>
  import('./pages/translation-tasks').then((m) => m.Route),
);

export const router = createRouter({
  routeTree: root.addChildren([
    index,
    registry,
    verify,
    verifyNumber,
    callback,
    myApplications,
    newApplication,
    application,
    editApplication,
    participation,
    notifications,
    reviewQueue,
    staffApplication,
    commissionAgenda,
    services,
    serviceApply,
    myServiceApplications,
    serviceDesk,
    billing,
    myInvoices,
    training,
    trainingApplication,
    trainingCommission,
    clusters,
    clusterRound,
    housingStaff,
    premises,
    myHousing,
    deadlines,
    messageLog,
    staffParticipations,
    staffParticipation,
    feePayments,
    staffAnalytics,
    auditTrail,
    translations,
  ]),
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
