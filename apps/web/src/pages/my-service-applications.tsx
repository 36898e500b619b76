import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { useApi } from '../api/api-context';
import { ok } from '../api/client';
import { formatCivilDate, formatInstantDate, formatTiyn } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

/**
 * The applicant's service applications (F-47 … F-55): status, the Fund's review due on its working
 * day (F-51, computed by services), remarks, a refusal's ground and reasons, the contract's price
 * with its basis (participant or not at filing, F-56).
 */
function MyServiceApplications() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const list = useQuery({
    queryKey: ['service-applications'],
    queryFn: async () => ok(await api.GET('/api/services/service-applications', {})),
  });
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t('serviceApps.title')}</Title>
      <Anchor component={Link} to="/services" size="sm">
        {t('serviceApps.catalogue')}
      </Anchor>
      <Text fw={500} data-testid="service-applications-total">
        {list.data ? t('serviceApps.total', { count: list.data.length }) : '\u00a0'}
      </Text>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty>{t('serviceApps.empty')}</Empty>
      ) : (
        <Stack gap="sm" data-testid="service-applications">
          {list.data.map((a) => (
            <Card key={a.id} withBorder data-status={a.status}>
              <Group justify="space-between" align="start" gap="xs">
                <div>
                  <Text fw={600}>{a.content.project.name}</Text>
                  <Text size="xs" c="dimmed">
                    {a.recipientKind === 'legal-entity' ? `${t('form.bin')} ${a.recipientId}` : t('serviceApply.kind.individual')} ·{' '}
                    {t('serviceApps.filed', { date: formatInstantDate(a.filedAt, locale) })} ·{' '}
                    {a.participantAtFiling ? t('serviceApps.participant') : t('serviceApps.notParticipant')}
                  </Text>
                </div>
                <Badge variant="light" tt="none" data-testid="service-application-status">
                  {t(`serviceStatus.${a.status}` as MessageId)}
                </Badge>
              </Group>
              {(a.status === 'under-review' || a.status === 'remarks-issued') && (
                <Text size="sm" mt={4} c={a.reviewOverdue ? '#a51d1d' : undefined} data-testid="review-due">
                  {t('serviceApps.reviewDue', { date: formatCivilDate(a.reviewDueOn, locale) })}
                  {a.reviewOverdue ? ` · ${t('queue.overdue')}` : ''}
                </Text>
              )}
              {a.remarks.map((r, i) => (
                <Text key={i} size="sm" mt={4}>
                  <b>{r.field}</b>: {r.message}
                </Text>
              ))}
              {a.refusalReasons && (
                <Text size="sm" mt={4} c="#a51d1d">
                  {t('serviceApps.refused', { reasons: a.refusalReasons })}
                </Text>
              )}
              {a.contract && (
                <Text size="sm" mt={4}>
                  {t('serviceApps.contract', { date: formatCivilDate(a.contract.signedOn, locale), price: formatTiyn(a.contract.priceTiyn, locale) })}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/my/service-applications')({
  component: () => (
    <RequireAccess op="GET /api/services/service-applications">
      <MyServiceApplications />
    </RequireAccess>
  ),
});
