import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { useApi } from '../api/api-context';
import { mayCall, ok } from '../api/client';
import { useSession } from '../auth/auth-context';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import { almatyToday } from './service-prices';
import '../ui/lazy-styles';

/**
 * ICT training (issue #13, F-63 … F-77): the announced intakes with their acceptance window (F-64)
 * and criteria versions (F-77); a provider's applications with status, the Fund's review due (F-69),
 * remarks and the fix deadline (F-70), the decision with quotas (F-72, F-73), notice and contract
 * deadlines (F-74, F-75), each as the working-day date training computed.
 */
function TrainingPage() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const { locale } = useLocale();
  const intakes = useQuery({
    queryKey: ['training-intakes'],
    queryFn: async () => ok(await api.GET('/api/training/intakes')),
  });
  const mayList = mayCall(session, 'GET /api/training/provider-applications');
  const applications = useQuery({
    queryKey: ['provider-applications'],
    enabled: mayList,
    queryFn: async () => ok(await api.GET('/api/training/provider-applications', {})),
  });
  const mayCommission = mayCall(session, 'GET /api/training/intakes/{id}/quota-calculation');
  const today = almatyToday();
  const intakeTitle = (id: string) => intakes.data?.find((i) => i.id === id)?.title ?? id;
  const date = (d: string | null) => (d ? formatCivilDate(d, locale) : '—');
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('training.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('training.intro')}
      </Text>
      <Title order={3} size="h4">
        {t('training.intakes')}
      </Title>
      {intakes.isPending ? (
        <Loading />
      ) : intakes.isError ? (
        <ErrorState error={intakes.error} onRetry={() => void intakes.refetch()} />
      ) : intakes.data.length === 0 ? (
        <Empty>{t('training.intakes.none')}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="intakes">
          {intakes.data.map((i) => {
            const open = i.opensOn <= today && today <= i.closesOn;
            return (
              <Card key={i.id} withBorder data-testid="intake" data-open={String(open)}>
                <Group justify="space-between" align="start" gap="xs">
                  <Text fw={600}>{i.title}</Text>
                  <Badge variant="light" color={open ? '#0b6e4f' : 'gray'} tt="none">
                    {open ? t('services.call.open') : today < i.opensOn ? t('training.intake.upcoming') : t('services.call.closed')}
                  </Badge>
                </Group>
                <Text size="sm">{t('services.call.window', { from: date(i.opensOn), to: date(i.closesOn) })}</Text>
                <Text size="xs" c="dimmed">
                  {t('training.intake.documents', { criteria: i.selectionCriteria.version, order: i.intakeOrder.version })}
                </Text>
                {mayCommission && (
                  <Anchor component={Link} to="/training/intakes/$id/commission" params={{ id: i.id } as never} size="sm" data-testid="intake-commission">
                    {t('training.intake.commission')}
                  </Anchor>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      {mayList && (
        <>
          <Title order={3} size="h4">
            {t('training.applications')}
          </Title>
          {applications.isPending ? (
            <Loading />
          ) : applications.isError ? (
            <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
          ) : applications.data.length === 0 ? (
            <Empty>{t('training.applications.none')}</Empty>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped data-testid="provider-applications">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('training.col.intake')}</Table.Th>
                    <Table.Th>{t('queue.col.status')}</Table.Th>
                    <Table.Th>{t('training.col.next')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {applications.data.map((a) => (
                    <Table.Tr key={a.id} data-status={a.status}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to="/training/applications/$id"
                          params={{ id: a.id } as never}
                          size="sm"
                          fw={500}
                          data-testid="provider-application-link"
                        >
                          {intakeTitle(a.intakeId)}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {a.bin} · {t('training.courses', { count: a.courses.length })} · {formatInstantDate(a.filedAt, locale)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" tt="none">
                          {t(`trainingStatus.${a.status}` as MessageId)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {a.remarks && !a.remarks.fixedOn
                            ? t('training.next.fix', { date: date(a.remarks.fixDueOn) })
                            : a.contract
                              ? t('training.next.contract', { number: a.contract.number, date: date(a.contract.signedOn) })
                              : a.decidedOn
                                ? t('training.next.decided', { date: date(a.decidedOn), quotas: a.quotas ?? 0 })
                                : t('training.next.review', { date: date(a.reviewDueOn) })}
                        </Text>
                        {a.missedDeadlines.length > 0 && (
                          <Text size="xs" c="#a51d1d">
                            {t('training.missed', { rules: a.missedDeadlines.join(', ') })}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/training')({
  component: () => (
    <RequireAccess op="GET /api/training/intakes">
      <TrainingPage />
    </RequireAccess>
  ),
});
