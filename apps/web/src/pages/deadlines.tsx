import { Alert, Anchor, Badge, Card, Group, Pagination, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { mayCall, ok } from '../api/client';
import { useSession } from '../auth/auth-context';
import { useApi } from '../api/api-context';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import { CONTROL_LABELS } from './registry';
import '../ui/lazy-styles';

const PAGE_SIZE = 25;
/** The message log takes an id (its route checks the same shape); a subject that is not one gets no link. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A deadline kind is a context's slug (`registry-listing`): shown as words until each context names its kinds in every language. */
const kindText = (kind: string): string => {
  const words = kind.replace(/^[a-z]+\./, '').replace(/[-_.]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The bounded contexts whose deadlines the board can show, with their names in every language. */
const CONTEXT_NAMES: Readonly<Record<string, MessageId>> = {
  registration: 'context.registration',
  participation: 'context.participation',
  services: 'context.services',
  housing: 'context.housing',
  training: 'context.training',
  clusters: 'context.clusters',
  documents: 'context.documents',
  notifications: 'context.notifications',
};

/**
 * The deadlines board (ADR 0033): every context's statutory deadlines merged by the gateway and
 * sorted by their due working day — the Fund's own (reviews, decisions, notices) and the
 * participants' (fees, reports) — with overdue flags; a context that does not answer is named, the
 * rest still shows. Filters: overdue only, one context, one company (BIN).
 */
function DeadlinesBoard() {
  const t = useT();
  const session = useSession();
  // Issue #16 (ADR 0121): each row links to the message log of its subject — for those the log is open to.
  const mayReadLog = mayCall(session, 'GET /api/notifications/messages');
  const messagesLink = (subjectId: string | undefined) =>
    mayReadLog && subjectId && UUID.test(subjectId) ? (
      <Anchor component={Link} to="/staff/messages" search={{ subjectId } as never} size="xs" data-testid="deadline-messages-link">
        {t('deadlines.messages')}
      </Anchor>
    ) : null;
  const api = useApi();
  const { locale } = useLocale();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [context, setContext] = useState<string | null>(null);
  const [bin, setBin] = useState('');
  const [page, setPage] = useState(1);
  const binFilter = /^\d{12}$/.test(bin) ? bin : undefined;
  const query = {
    page,
    pageSize: PAGE_SIZE,
    ...(overdueOnly ? { overdue: 'true' as const } : {}),
    ...(context ? { context } : {}),
    ...(binFilter ? { bin: binFilter } : {}),
  };
  const board = useQuery({
    queryKey: ['deadlines', query],
    queryFn: async () => ok(await api.GET('/api/deadlines', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const contextName = (c: string) => (CONTEXT_NAMES[c] ? t(CONTEXT_NAMES[c]) : c);
  const down = board.data?.sources.filter((s) => s.status === 'error') ?? [];
  const pages = board.data ? Math.max(1, Math.ceil(board.data.total / PAGE_SIZE)) : 1;
  const status = (overdue: boolean) =>
    overdue ? (
      <Badge color="#a51d1d" variant="filled" tt="none">
        {t('queue.overdue')}
      </Badge>
    ) : (
      <Text size="sm">{t('deadlines.open')}</Text>
    );

  return (
    <Stack gap="md">
      <Title order={2}>{t('deadlines.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('deadlines.intro')}
      </Text>
      <Group align="end" wrap="wrap" gap="md">
        <Select
          label={t('deadlines.context')}
          placeholder={t('deadlines.allContexts')}
          data={(board.data?.sources ?? []).map((s) => ({ value: s.context, label: contextName(s.context) }))}
          value={context}
          onChange={(v) => {
            setContext(v);
            setPage(1);
          }}
          clearable
          data-testid="deadlines-context"
        />
        <TextInput
          label={t('deadlines.bin')}
          value={bin}
          onChange={(e) => {
            setBin(e.currentTarget.value.replace(/\D/g, '').slice(0, 12));
            setPage(1);
          }}
          inputMode="numeric"
          error={bin && !binFilter ? t('deadlines.binHint') : undefined}
          data-testid="deadlines-bin"
        />
        <Switch
          label={t('queue.overdueOnly')}
          checked={overdueOnly}
          onChange={(e) => {
            setOverdueOnly(e.currentTarget.checked);
            setPage(1);
          }}
          data-testid="deadlines-overdue-only"
        />
      </Group>
      {down.length > 0 && (
        <Alert color="orange" title={t('deadlines.partial')} data-testid="deadlines-partial">
          {down.map((s) => contextName(s.context)).join(', ')}
        </Alert>
      )}
      <Text fw={500} data-testid="deadlines-total">
        {board.data
          ? `${t('deadlines.total', { count: board.data.total })} · ${t('queue.overdueCount', { count: board.data.overdueCount })} · ${t('deadlines.asOf', { at: formatInstantDate(board.data.generatedAt, locale) })}`
          : '\u00a0'}
      </Text>
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : board.data.items.length === 0 ? (
        <Empty>{t('deadlines.empty')}</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760} visibleFrom="sm">
            <Table striped data-testid="deadlines-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deadlines.col.due')}</Table.Th>
                  <Table.Th>{t('deadlines.col.what')}</Table.Th>
                  <Table.Th>{t('deadlines.col.context')}</Table.Th>
                  <Table.Th>{t('deadlines.col.company')}</Table.Th>
                  <Table.Th>{t('deadlines.col.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {board.data.items.map((i) => (
                  <Table.Tr
                    key={`${i.context}:${i.kind}:${i.subjectId ?? ''}:${i.dueDate}`}
                    data-overdue={String(i.overdue)}
                    data-context={i.context}
                    data-due={i.dueDate}
                  >
                    <Table.Td>{formatCivilDate(i.dueDate, locale)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{kindText(i.kind)}</Text>
                      {i.ruleId && (
                        <Text size="xs" c="dimmed">
                          {i.ruleId}
                        </Text>
                      )}
                      {messagesLink(i.subjectId)}
                    </Table.Td>
                    <Table.Td>{contextName(i.context)}</Table.Td>
                    <Table.Td>{i.bin ?? '—'}</Table.Td>
                    <Table.Td>{status(i.overdue)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack hiddenFrom="sm" gap="sm">
            {board.data.items.map((i) => (
              <Card key={`${i.context}:${i.kind}:${i.subjectId ?? ''}:${i.dueDate}`} withBorder padding="sm" data-overdue={String(i.overdue)}>
                <Group justify="space-between" align="start" gap={6}>
                  <Text fw={600}>{formatCivilDate(i.dueDate, locale)}</Text>
                  {status(i.overdue)}
                </Group>
                <Text size="sm">
                  {kindText(i.kind)}
                  {i.ruleId ? ` (${i.ruleId})` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {contextName(i.context)}
                  {i.bin ? ` · ${i.bin}` : ''}
                </Text>
                {messagesLink(i.subjectId)}
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

export const Route = createLazyRoute('/staff/deadlines')({
  component: () => (
    <RequireAccess op="GET /api/deadlines">
      <DeadlinesBoard />
    </RequireAccess>
  ),
});
