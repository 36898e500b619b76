import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { useApi } from '../api/api-context';
import { mayCall, ok } from '../api/client';
import { useSession } from '../auth/auth-context';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { Empty, ErrorState, Loading } from '../ui/states';
import { AnnounceRound } from './clusters-announce';
import '../ui/lazy-styles';

/**
 * Territorial-cluster selection (issue #15, C-1 … C-21), public: the rule sets with their effective
 * periods (the 2015 rules, repealed 2022: no round can be announced under them, C-3), the announced
 * rounds with the instant acceptance closes (C-11); for an applicant, its applications with the
 * compliance check due (C-12) and a return's deficiencies; for the organiser, the announcement of a
 * round (C-3 … C-5).
 */
function ClustersPage() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const { locale } = useLocale();
  const ruleSets = useQuery({ queryKey: ['cluster-rule-sets'], queryFn: async () => ok(await api.GET('/api/clusters/rule-sets')) });
  const rounds = useQuery({ queryKey: ['cluster-rounds'], queryFn: async () => ok(await api.GET('/api/clusters/rounds')) });
  const mine = session?.roles.includes('applicant') && mayCall(session, 'GET /api/clusters/applications');
  const applications = useQuery({
    queryKey: ['cluster-applications'],
    enabled: !!mine,
    queryFn: async () => ok(await api.GET('/api/clusters/applications')),
  });
  if (ruleSets.isPending || rounds.isPending) return <Loading />;
  if (ruleSets.isError) return <ErrorState error={ruleSets.error} onRetry={() => void ruleSets.refetch()} />;
  if (rounds.isError) return <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const inForce = ruleSets.data.some((r) => r.inForceToday);
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('clusters.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('clusters.intro')}
      </Text>
      {!inForce && (
        <Alert color="blue" variant="light" title={t('clusters.noRuleSet')} data-testid="no-rule-set">
          {' '}
        </Alert>
      )}
      <Title order={3} size="h4">
        {t('clusters.ruleSets')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="rule-sets">
        {ruleSets.data.map((r) => (
          <Card key={r.id} withBorder data-testid="rule-set" data-in-force={String(r.inForceToday)}>
            <Group justify="space-between" align="start" gap="xs">
              <Text fw={600}>{r.title}</Text>
              <Badge variant="light" color={r.inForceToday ? '#0b6e4f' : 'gray'} tt="none">
                {r.inForceToday ? t('clusters.inForce') : t('clusters.repealed')}
              </Badge>
            </Group>
            <Text size="sm">
              {r.repealedFrom
                ? t('clusters.period', { from: formatCivilDate(r.effectiveFrom, locale), to: formatCivilDate(r.repealedFrom, locale) })
                : t('clusters.since', { from: formatCivilDate(r.effectiveFrom, locale) })}
            </Text>
            <Text size="xs" c="dimmed">
              {r.source}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {inForce && mayCall(session, 'POST /api/clusters/rounds') && <AnnounceRound ruleSets={ruleSets.data} />}
      <Title order={3} size="h4">
        {t('clusters.rounds')}
      </Title>
      {rounds.data.length === 0 ? (
        <Empty>{t('clusters.rounds.none')}</Empty>
      ) : (
        <Stack gap="sm" data-testid="rounds">
          {rounds.data.map((r) => (
            <Card key={r.id} withBorder data-testid="round" data-status={r.status}>
              <Group justify="space-between" align="start" gap="xs">
                <Anchor component={Link} to="/clusters/rounds/$id" params={{ id: r.id } as never} fw={600} data-testid="round-link">
                  {r.title}
                </Anchor>
                <Badge variant="light" tt="none">
                  {t(`roundStatus.${r.status}` as MessageId)}
                </Badge>
              </Group>
              <Text size="sm">
                {t('clusters.deadline', { date: formatInstantDate(r.applicationDeadline, locale) })} ·{' '}
                {r.acceptingApplications ? t('clusters.accepting') : t('clusters.notAccepting')}
              </Text>
              {r.description && (
                <Text size="sm" c="dimmed">
                  {r.description}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
      {mine && (
        <>
          <Title order={3} size="h4">
            {t('clusters.mine')}
          </Title>
          {applications.isPending ? (
            <Loading />
          ) : applications.isError ? (
            <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
          ) : applications.data.length === 0 ? (
            <Empty>{t('clusters.mine.none')}</Empty>
          ) : (
            <Stack gap="sm" data-testid="cluster-applications">
              {applications.data.map((a) => (
                <Card key={a.id} withBorder data-status={a.status}>
                  <Group justify="space-between">
                    <Text fw={500}>{rounds.data.find((r) => r.id === a.roundId)?.title ?? a.roundId}</Text>
                    <Badge variant="light" tt="none">
                      {t(`clusterStatus.${a.status}` as MessageId)}
                    </Badge>
                  </Group>
                  <Text size="sm" c={a.complianceOverdue ? '#a51d1d' : undefined}>
                    {t('clusters.complianceDue', { date: formatCivilDate(a.complianceDueOn, locale) })}
                  </Text>
                  {a.returnNotice?.deficiencies.map((d, i) => (
                    <Text key={i} size="sm">
                      <b>{d.field}</b>: {d.reason}
                    </Text>
                  ))}
                </Card>
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/clusters')({ component: ClustersPage });
