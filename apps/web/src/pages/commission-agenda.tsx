import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { ok } from '../api/client';
import { useApi } from '../api/api-context';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import type { paths } from '../api/schema.gen';
import '../ui/lazy-styles';

/** An application before the Commission, as registration declares it (CommissionAgendaSchema). */
type AgendaItem = paths['/api/registration/commission/agenda']['get']['responses']['200']['content']['application/json'][number];

/** What is before the Commission (F-13, F-15, F-20): each application with its decision deadline and the votes recorded so far. */
function CommissionAgenda() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const agenda = useQuery({
    queryKey: ['commission-agenda'],
    queryFn: async () => ok(await api.GET('/api/registration/commission/agenda')),
  });
  const link = (i: AgendaItem) => (
    <Anchor component={Link} to="/staff/applications/$id" params={{ id: i.id } as never} fw={500} size="sm">
      {i.companyName}
    </Anchor>
  );
  const due = (i: AgendaItem) =>
    i.dueDate ? (
      <Text size="sm" c={i.overdue ? '#a51d1d' : undefined} fw={i.overdue ? 600 : undefined}>
        {formatCivilDate(i.dueDate, locale)} ({i.ruleId}){i.overdue ? ` · ${t('queue.overdue')}` : ''}
      </Text>
    ) : (
      '—'
    );
  return (
    <Stack gap="md">
      <Title order={2}>{t('agenda.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('agenda.intro')}
      </Text>
      <Text fw={500} data-testid="agenda-total">
        {agenda.data ? t('agenda.total', { count: agenda.data.length }) : '\u00a0'}
      </Text>
      {agenda.isPending ? (
        <Loading />
      ) : agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
      ) : agenda.data.length === 0 ? (
        <Empty>{t('agenda.empty')}</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640} visibleFrom="sm">
            <Table striped data-testid="agenda-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('queue.col.company')}</Table.Th>
                  <Table.Th>{t('agenda.col.decisionDue')}</Table.Th>
                  <Table.Th>{t('agenda.col.votes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agenda.data.map((i) => (
                  <Table.Tr key={i.id} data-overdue={String(i.overdue)}>
                    <Table.Td>
                      {link(i)}
                      <Text size="xs" c="dimmed">
                        {i.bin} · {t(`applicationKind.${i.kind}` as MessageId)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{due(i)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none">
                        {t('agenda.votes', { count: i.votes })}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack hiddenFrom="sm" gap="sm">
            {agenda.data.map((i) => (
              <Card key={i.id} withBorder padding="sm" data-overdue={String(i.overdue)}>
                <Group justify="space-between" align="start" gap={6}>
                  {link(i)}
                  <Badge variant="light" tt="none">
                    {t('agenda.votes', { count: i.votes })}
                  </Badge>
                </Group>
                {due(i)}
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/staff/commission')({
  component: () => (
    <RequireAccess op="GET /api/registration/commission/agenda">
      <CommissionAgenda />
    </RequireAccess>
  ),
});
