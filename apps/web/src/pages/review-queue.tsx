import { Anchor, Badge, Card, Group, Pagination, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { ok } from '../api/client';
import { useApi } from '../api/api-context';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import { CONTROL_LABELS } from './registry';
import '../ui/lazy-styles';

const PAGE_SIZE = 20;

/** The fund officer's completeness-review queue (F-12, F-14): due working day, working days left, overdue flags; each row opens the review page. */
function ReviewQueue() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const query = { page, pageSize: PAGE_SIZE, ...(overdueOnly ? { overdue: 'true' as const } : {}) };
  const queue = useQuery({
    queryKey: ['review-queue', query],
    queryFn: async () => ok(await api.GET('/api/registration/review-queue', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const pages = queue.data ? Math.max(1, Math.ceil(queue.data.total / PAGE_SIZE)) : 1;
  const overdue = queue.data?.items.filter((i) => i.overdue).length ?? 0;
  const left = (i: { overdue: boolean; workingDaysLeft: number }) =>
    i.overdue ? (
      <Group gap={6} wrap="nowrap">
        <Badge color="#a51d1d" variant="filled" tt="none">
          {t('queue.overdue')}
        </Badge>
        <Text size="sm" c="#a51d1d">
          {t('queue.overdueBy', { days: Math.max(1, -i.workingDaysLeft) })}
        </Text>
      </Group>
    ) : (
      <Text size="sm">{t('queue.daysLeft', { days: i.workingDaysLeft })}</Text>
    );
  const extra = (i: { openRemarks: number; translationPending: boolean }) =>
    [i.openRemarks > 0 ? t('queue.remarks', { count: i.openRemarks }) : null, i.translationPending ? t('queue.translation') : null].filter(Boolean).join(' · ');

  return (
    <Stack gap="md">
      <Title order={2}>{t('queue.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('queue.intro')}
      </Text>
      <Group justify="space-between" wrap="wrap">
        <Text fw={500} data-testid="queue-total">
          {queue.data ? `${t('queue.total', { count: queue.data.total })}${overdue ? ` · ${t('queue.overdueCount', { count: overdue })}` : ''}` : '\u00a0'}
        </Text>
        <Switch
          label={t('queue.overdueOnly')}
          checked={overdueOnly}
          onChange={(e) => {
            setOverdueOnly(e.currentTarget.checked);
            setPage(1);
          }}
          data-testid="queue-overdue-only"
        />
      </Group>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <Empty>{t('queue.empty')}</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760} visibleFrom="sm">
            <Table striped data-testid="queue-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('queue.col.company')}</Table.Th>
                  <Table.Th>{t('queue.col.status')}</Table.Th>
                  <Table.Th>{t('queue.col.filed')}</Table.Th>
                  <Table.Th>{t('queue.col.due')}</Table.Th>
                  <Table.Th>{t('queue.col.left')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.items.map((i) => (
                  <Table.Tr key={i.id} data-overdue={String(i.overdue)}>
                    <Table.Td>
                      <Anchor component={Link} to="/staff/applications/$id" params={{ id: i.id } as never} size="sm" fw={500}>
                        {i.companyName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {i.bin} · {t(`applicationKind.${i.kind}`)}
                        {extra(i) ? ` · ${extra(i)}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none">
                        {t(`applicationStatus.${i.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{i.filedAt ? formatInstantDate(i.filedAt, locale) : '—'}</Table.Td>
                    <Table.Td>
                      {formatCivilDate(i.dueDate, locale)}{' '}
                      <Text span size="xs" c="dimmed">
                        ({i.ruleId})
                      </Text>
                    </Table.Td>
                    <Table.Td>{left(i)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack hiddenFrom="sm" gap="sm">
            {queue.data.items.map((i) => (
              <Card key={i.id} withBorder padding="sm" data-overdue={String(i.overdue)}>
                <Group justify="space-between" align="start" gap={6}>
                  <Anchor component={Link} to="/staff/applications/$id" params={{ id: i.id } as never} fw={600}>
                    {i.companyName}
                  </Anchor>
                  <Badge variant="light" tt="none">
                    {t(`applicationStatus.${i.status}`)}
                  </Badge>
                </Group>
                <Text size="sm">
                  {t('queue.col.due')}: {formatCivilDate(i.dueDate, locale)} ({i.ruleId})
                </Text>
                {left(i)}
                {extra(i) && (
                  <Text size="xs" c="dimmed">
                    {extra(i)}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(c) => ({ 'aria-label': t(CONTROL_LABELS[c]) })}
                getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p, pages }) })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/staff/review-queue')({
  component: () => (
    <RequireAccess op="GET /api/registration/review-queue">
      <ReviewQueue />
    </RequireAccess>
  ),
});
